'use client';

import { FormError } from '@/components/ui/form-error';
import { useActionForm } from '@/components/ui/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import type { PolicySettings } from '@/lib/domain/policy/types';
import type { Environment } from '@/lib/domain/types';
import { updatePolicyAction } from '../actions';

const LEVELS = {
  maxNetwork: [
    ['NONE', 'none'],
    ['INTERNAL', 'internal'],
    ['EXTERNAL', 'external'],
  ],
  maxFilesystem: [
    ['NONE', 'none'],
    ['READ', 'read'],
    ['WRITE', 'write'],
  ],
  maxCodeExecution: [
    ['NONE', 'none'],
    ['SANDBOXED', 'sandboxed'],
    ['UNRESTRICTED', 'unrestricted'],
  ],
  maxDataAccess: [
    ['NONE', 'none'],
    ['READ', 'read'],
    ['READ_WRITE', 'read-write'],
  ],
} as const;
const LEVEL_LABELS = {
  maxNetwork: 'Maximum network',
  maxFilesystem: 'Maximum filesystem',
  maxCodeExecution: 'Maximum code execution',
  maxDataAccess: 'Maximum data access',
} as const;
type NumberFieldName = 'minTrustScore' | 'maxVerificationAgeDays' | 'maxExceptionDays' | 'anomalyThreshold';
const CHECKS = [
  ['reviewOnExternalNetwork', 'Manual security review for external network access'],
  ['reviewOnFilesystemWrite', 'Manual security review for filesystem write'],
  ['reviewOnCodeExecution', 'Manual security review for any code execution'],
  ['requireVersionVerification', 'Each version must have its own verification'],
  ['logUnverified', 'Allow unverified versions but log every use'],
  ['gatewayFailOpen', 'Gateways allow calls while ToolLedger is unreachable (fail-open; otherwise they refuse)'],
] as const;

export function PolicyForm({
  environment,
  version,
  policy,
}: {
  environment: Environment;
  version: number;
  policy: PolicySettings;
}) {
  const { state, errors, pending, field, formProps } = useActionForm(updatePolicyAction);
  // The numeric limits share one shape: label, hint under the field, empty = no limit where allowed.
  const numberField = (
    name: NumberFieldName,
    label: string,
    hint: string,
    defaultValue: number | '',
    inputMode: 'numeric' | 'decimal' = 'numeric',
  ) => (
    <FormField label={label} name={name} error={errors[name]} hint={hint}>
      <input {...field(name, { hint: true })} inputMode={inputMode} defaultValue={defaultValue} className={inputClass} />
    </FormField>
  );
  return (
    <form {...formProps} className="grid gap-4 sm:grid-cols-2" aria-label="Edit policy">
      <input type="hidden" name="environment" value={environment} />
      <input type="hidden" name="baseVersion" value={version} />
      <FormField label="Minimum tier" name="minTier" error={errors.minTier}>
        <select {...field('minTier')} defaultValue={policy.minTier ?? ''} className={inputClass}>
          <option value="">No minimum</option>
          <option value="GOLD">Gold (score ≥ 90)</option>
          <option value="VERIFIED">Verified (score ≥ 70)</option>
          <option value="PARTIAL">Partial (score ≥ 50)</option>
        </select>
      </FormField>
      {numberField('minTrustScore', 'Minimum trust score (0–100)', 'Leave empty for no minimum.', policy.minTrustScore ?? '')}
      {(Object.keys(LEVELS) as (keyof typeof LEVELS)[]).map((name) => (
        <FormField key={name} label={LEVEL_LABELS[name]} name={name} error={errors[name]}>
          <select {...field(name)} defaultValue={policy[name]} className={inputClass}>
            {LEVELS[name].map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </FormField>
      ))}
      {numberField(
        'maxVerificationAgeDays',
        'Verification valid for (days)',
        'Leave empty for no limit.',
        policy.maxVerificationAgeDays ?? '',
      )}
      {numberField(
        'maxExceptionDays',
        'Longest exception (days)',
        "An exception's expiry may be at most this many days after its request.",
        policy.maxExceptionDays,
      )}
      {numberField(
        'anomalyThreshold',
        'Anomaly threshold (robust z-score)',
        "An hour of a tool's calls is an anomaly when its calls, duration or sizes sit this many robust deviations above the tool's 7-day baseline (3.5 is usual).",
        policy.anomalyThreshold,
        'decimal',
      )}
      <fieldset className="space-y-2 sm:col-span-2">
        <legend className="text-sm font-medium text-slate-700">Rules</legend>
        {CHECKS.map(([name, label]) => (
          <label key={name} className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name={name} defaultChecked={policy[name]} className="h-4 w-4 rounded border-slate-300" />
            {label}
          </label>
        ))}
      </fieldset>
      <FormField
        label="Why this change"
        name="changeNote"
        error={errors.changeNote}
        className="sm:col-span-2"
        hint="Kept with the version and shown in the history."
      >
        <textarea {...field('changeNote', { hint: true })} rows={2} className={inputClass} />
      </FormField>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save as new version'}
        </Button>
        {state?.ok && (
          <p role="status" className="text-sm text-emerald-700">
            Saved version {state.data.version}
          </p>
        )}
        <FormError state={state} />
      </div>
    </form>
  );
}
