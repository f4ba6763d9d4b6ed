'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { RULE_LABELS } from '@/lib/domain/policy/evaluate';
import type { PolicyRule } from '@/lib/domain/policy/types';
import { requestExceptionAction } from '../actions';

export function RequestExceptionForm({
  toolId,
  toolVersionId,
  environment,
  failing,
  maxDays,
  extendsId,
}: {
  toolId: string;
  toolVersionId: string;
  environment: string;
  failing: { rule: PolicyRule; reason: string; coverable: boolean }[];
  maxDays: number;
  extendsId?: string;
}) {
  const router = useRouter();
  const { state, errors, pending, field, formProps } = useActionForm(requestExceptionAction, {
    onSuccess: (data) => router.push(`/exceptions/${data.id}`),
  });
  // One version, or a semver range of the tool's versions (that must include it).
  const [scope, setScope] = useState<'version' | 'range'>('version');
  return (
    <form {...formProps} className="grid gap-4 sm:grid-cols-2" aria-label="Request exception">
      <input type="hidden" name="toolId" value={toolId} />
      <input type="hidden" name="environment" value={environment} />
      {extendsId && <input type="hidden" name="extendsId" value={extendsId} />}
      <fieldset className="space-y-1 sm:col-span-2" aria-describedby={errors.rules ? 'rules-error' : undefined}>
        <legend className="text-sm font-medium text-slate-700">Failing rules to cover</legend>
        {failing.map((f) => (
          <label key={f.rule} className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="rules"
              value={f.rule}
              defaultChecked={f.coverable}
              disabled={!f.coverable}
              className="mt-0.5 h-4 w-4 rounded border-slate-300"
              aria-invalid={errors.rules ? true : undefined}
            />
            <span>
              <span className="font-medium">{RULE_LABELS[f.rule]}</span> — {f.reason}
              {!f.coverable && <span className="text-rose-700"> No exception can waive this rule.</span>}
            </span>
          </label>
        ))}
        {errors.rules && (
          <p id="rules-error" className="text-sm text-rose-700">
            {errors.rules}
          </p>
        )}
      </fieldset>
      <fieldset className="flex gap-4 text-sm text-slate-700 sm:col-span-2">
        <legend className="sr-only">Versions covered</legend>
        <label className="flex items-center gap-2">
          <input type="radio" checked={scope === 'version'} onChange={() => setScope('version')} /> This version only
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" checked={scope === 'range'} onChange={() => setScope('range')} /> A version range
        </label>
      </fieldset>
      {scope === 'version' ? (
        <input type="hidden" name="toolVersionId" value={toolVersionId} />
      ) : (
        <FormField
          label="Version range (semver)"
          name="versionRange"
          error={errors.versionRange ?? errors.toolVersionId}
          hint="For example >=2.1.0 <2.2.0"
        >
          <input {...field('versionRange', { hint: true })} className={inputClass} />
        </FormField>
      )}
      <FormField label="Business justification" name="justification" error={errors.justification} className="sm:col-span-2">
        <textarea {...field('justification')} rows={3} className={inputClass} />
      </FormField>
      <FormField
        label="Compensating controls"
        name="compensatingControls"
        error={errors.compensatingControls}
        className="sm:col-span-2"
      >
        <textarea {...field('compensatingControls')} rows={2} className={inputClass} />
      </FormField>
      <FormField label="Remediation plan" name="remediationPlan" error={errors.remediationPlan} className="sm:col-span-2">
        <textarea {...field('remediationPlan')} rows={2} className={inputClass} />
      </FormField>
      <FormField label="Remediation by" name="remediationDate" error={errors.remediationDate}>
        <input {...field('remediationDate')} type="date" className={inputClass} />
      </FormField>
      <FormField label="Expires on (UTC)" name="expiresAt" error={errors.expiresAt} hint={`At most ${maxDays} days from today.`}>
        <input {...field('expiresAt', { hint: true })} type="date" className={inputClass} />
      </FormField>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          Submit for security review
        </Button>
        <FormError state={state} />
      </div>
    </form>
  );
}
