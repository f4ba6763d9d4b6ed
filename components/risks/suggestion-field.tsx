'use client';

import { FormField, inputClass } from '@/components/ui/form-field';
import type { SuggestedLevel } from '@/lib/domain/risk/suggest';
import { RISK_LEVELS } from '@/lib/domain/risk/score';

type FieldProps = (name: string, opts?: { hint?: boolean }) => Record<string, unknown>;

/**
 * One pre-filled value: the suggestion and its reasons beside the choice; choosing another value
 * asks for the reason, which the server requires.
 */
export function SuggestionField({
  name,
  label,
  labels,
  suggestion,
  value,
  onChange,
  errors,
  field,
}: {
  name: 'likelihood' | 'impact';
  label: string;
  labels: Record<number, string>;
  suggestion: SuggestedLevel;
  value: number;
  onChange: (v: number) => void;
  errors: Record<string, string>;
  field: FieldProps;
}) {
  const overridden = value !== suggestion.value;
  return (
    <div className="space-y-2 rounded-md bg-slate-50 p-3" data-testid={`suggestion-${name}`}>
      <FormField label={label} name={name} error={errors[name]}>
        <select {...field(name)} value={value} onChange={(e) => onChange(Number(e.target.value))} className={inputClass}>
          {RISK_LEVELS.map((n) => (
            <option key={n} value={n}>
              {n} · {labels[n]}
              {n === suggestion.value ? ' (suggested)' : ''}
            </option>
          ))}
        </select>
      </FormField>
      <div className="text-xs text-slate-600">
        <p className="font-medium">Suggested {suggestion.value}, because:</p>
        <ul className="list-disc pl-4">
          {suggestion.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>
      {(overridden || errors[`${name}Reason`]) && (
        <FormField
          label={`Why ${value} instead of the suggested ${suggestion.value}?`}
          name={`${name}Reason`}
          error={errors[`${name}Reason`]}
        >
          <textarea {...field(`${name}Reason`)} rows={2} maxLength={1000} className={inputClass} />
        </FormField>
      )}
    </div>
  );
}
