'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { AUDIT_CRITERIA } from '@/lib/domain/audits/populations';
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';
import { createEngagementAction } from './actions';

function Checks({
  name,
  legend,
  error,
  options,
}: {
  name: string;
  legend: string;
  error?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined} aria-invalid={error ? true : undefined} id={name}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="mt-1.5 flex flex-wrap gap-x-3 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
            <input type="checkbox" name={name} value={o.value} />
            {o.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${name}-error`} role="alert" className="mt-1 text-xs font-medium text-rose-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Admins and compliance officers open an audit: period, scope, firm, auditors, access window. */
export function CreateEngagementForm({ auditors }: { auditors: { id: string; name: string; email: string }[] }) {
  const router = useRouter();
  const { state, errors, pending, field, formProps } = useActionForm(createEngagementAction, {
    onSuccess: (data) => router.push(`/audits/${data.id}`),
  });
  const day = (name: string, label: string) => (
    <FormField label={label} name={name} error={errors[name]}>
      <input type="date" className={inputClass} {...field(name)} />
    </FormField>
  );
  return (
    <form {...formProps} aria-label="Create audit" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <FormField label="Name" name="name" error={errors.name} className="sm:col-span-2">
        <input className={inputClass} placeholder="SOC 2 Type II, Q1" {...field('name')} />
      </FormField>
      <FormField label="Audit firm" name="firm" error={errors.firm} className="sm:col-span-2">
        <input className={inputClass} {...field('firm')} />
      </FormField>
      {day('periodFrom', 'Period from (UTC)')}
      {day('periodTo', 'Period to (UTC, inclusive)')}
      {day('accessOpens', 'Auditor access opens')}
      {day('accessCloses', 'Auditor access closes (day excluded)')}
      <div className="sm:col-span-2">
        <Checks
          name="environments"
          legend="Environments in scope"
          error={errors.environments}
          options={ENVIRONMENTS.map((e) => ({ value: e, label: ENVIRONMENT_LABELS[e] }))}
        />
      </div>
      <div className="sm:col-span-2">
        <Checks
          name="criteria"
          legend="Criteria in scope"
          error={errors.criteria}
          options={AUDIT_CRITERIA.map((c) => ({ value: c, label: c }))}
        />
      </div>
      <div className="sm:col-span-2 lg:col-span-4">
        <Checks
          name="auditorIds"
          legend="Auditors assigned"
          error={errors.auditorIds}
          options={auditors.map((a) => ({ value: a.id, label: `${a.name} (${a.email})` }))}
        />
      </div>
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create audit'}
        </Button>
        <FormError state={state} />
      </div>
    </form>
  );
}
