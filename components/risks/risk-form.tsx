'use client';

import { useState } from 'react';
import { FormField, inputClass } from '@/components/ui/form-field';
import { FormSubmitRow } from '@/components/ui/form-submit-row';
import { DayField, TextAreaField, TextField } from '@/components/ui/text-area-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ActionResult } from '@/lib/server/guards/action-result';
import type { RiskSuggestion } from '@/lib/domain/risk/suggest';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RISK_LEVELS, TREATMENT_LABELS, TREATMENTS } from '@/lib/domain/risk/score';
import { SuggestionField } from './suggestion-field';
import { RiskScoreBadge } from './risk-badges';

type Action = (prev: ActionResult<{ id: string }> | null, form: FormData) => Promise<ActionResult<{ id: string }>>;

export interface RiskFormDefaults {
  previousId?: string;
  toolVersionId?: string | null;
  controls: string;
  residualLikelihood?: number;
  residualImpact?: number;
  treatment?: string;
  owner: string;
}

/** Assess or reassess a tool: starts from the suggestion (likelihood, impact) and the current assessment (the rest). */
export function RiskForm({
  action,
  toolId,
  versions,
  suggestion,
  defaults,
}: {
  action: Action;
  toolId: string;
  versions: { id: string; version: string }[];
  suggestion: RiskSuggestion;
  defaults: RiskFormDefaults;
}) {
  const { state, errors, pending, field, formProps } = useActionForm(action);
  const [likelihood, setLikelihood] = useState<number>(suggestion.likelihood.value);
  const [impact, setImpact] = useState<number>(suggestion.impact.value);
  const [rl, setRl] = useState<number>(Math.min(defaults.residualLikelihood ?? likelihood, likelihood));
  const [ri, setRi] = useState<number>(Math.min(defaults.residualImpact ?? impact, impact));
  const level = (name: string, label: string, value: number, set: (n: number) => void, labels: Record<number, string>) => (
    <FormField label={label} name={name} error={errors[name]}>
      <select {...field(name)} value={value} onChange={(e) => set(Number(e.target.value))} className={inputClass}>
        {RISK_LEVELS.map((n) => (
          <option key={n} value={n}>
            {n} · {labels[n]}
          </option>
        ))}
      </select>
    </FormField>
  );
  const submitLabel = defaults.previousId ? 'Record reassessment' : 'Record assessment';
  return (
    <form {...formProps} className="space-y-4" aria-label="Risk assessment">
      <input type="hidden" name="toolId" value={toolId} />
      {defaults.previousId && <input type="hidden" name="previousId" value={defaults.previousId} />}
      <div className="grid gap-3 md:grid-cols-2">
        <SuggestionField
          name="likelihood"
          label="Likelihood"
          labels={LIKELIHOOD_LABELS}
          suggestion={suggestion.likelihood}
          value={likelihood}
          onChange={setLikelihood}
          errors={errors}
          field={field}
        />
        <SuggestionField
          name="impact"
          label="Impact"
          labels={IMPACT_LABELS}
          suggestion={suggestion.impact}
          value={impact}
          onChange={setImpact}
          errors={errors}
          field={field}
        />
      </div>
      <p className="text-sm text-slate-700">
        Inherent score <RiskScoreBadge score={likelihood * impact} /> · residual <RiskScoreBadge score={rl * ri} />
      </p>
      <TextAreaField
        form={{ errors, field }}
        name="controls"
        label="Compensating controls"
        hint="What lowers the risk; required when the residual score is lower"
        defaultValue={defaults.controls}
        maxLength={2000}
      />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {level('residualLikelihood', 'Residual likelihood', rl, setRl, LIKELIHOOD_LABELS)}
        {level('residualImpact', 'Residual impact', ri, setRi, IMPACT_LABELS)}
        <FormField label="Treatment" name="treatment" error={errors.treatment}>
          <select {...field('treatment')} defaultValue={defaults.treatment ?? 'MITIGATE'} className={inputClass}>
            {TREATMENTS.map((t) => (
              <option key={t} value={t}>
                {TREATMENT_LABELS[t]}
              </option>
            ))}
          </select>
        </FormField>
        <TextField form={{ errors, field }} name="owner" label="Risk owner" defaultValue={defaults.owner} maxLength={200} />
        <FormField label="Version assessed" name="toolVersionId" error={errors.toolVersionId}>
          <select {...field('toolVersionId')} defaultValue={defaults.toolVersionId ?? ''} className={inputClass}>
            <option value="">The tool as a whole</option>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.version}
              </option>
            ))}
          </select>
        </FormField>
        <DayField
          form={{ errors, field }}
          name="nextReviewOn"
          label="Next review (UTC day)"
          hint="Empty: 30–365 days by residual rating"
        />
      </div>
      <FormSubmitRow state={state} pending={pending} label={submitLabel} done="Assessment recorded." />
    </form>
  );
}
