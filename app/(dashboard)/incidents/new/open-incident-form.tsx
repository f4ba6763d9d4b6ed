'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { INCIDENT_SCENARIOS, INCIDENT_SEVERITIES, SCENARIO_LABELS, SEVERITY_LABELS } from '@/lib/domain/incidents/labels';
import { openIncidentAction } from '../actions';

export function OpenIncidentForm({
  tool,
  versions,
  owners,
  me,
}: {
  tool: { id: string; name: string } | null;
  versions: { id: string; version: string }[];
  owners: { id: string; name: string }[];
  me: string;
}) {
  const router = useRouter();
  const { state, errors, pending, field, formProps } = useActionForm(openIncidentAction, {
    onSuccess: (data) => router.push(`/incidents/${data.id}`),
  });
  return (
    <form {...formProps} className="grid gap-4 sm:grid-cols-2" aria-label="Open incident">
      {tool && <input type="hidden" name="toolId" value={tool.id} />}
      <FormField label="Scenario" name="scenario" error={errors.scenario}>
        <select {...field('scenario')} defaultValue="" className={inputClass}>
          <option value="">Choose…</option>
          {INCIDENT_SCENARIOS.map((s) => (
            <option key={s} value={s}>
              {SCENARIO_LABELS[s]}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Severity" name="severity" error={errors.severity}>
        <select {...field('severity')} defaultValue="HIGH" className={inputClass}>
          {INCIDENT_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Title" name="title" error={errors.title} className="sm:col-span-2">
        <input {...field('title')} className={inputClass} />
      </FormField>
      <FormField label="What is known" name="summary" error={errors.summary} className="sm:col-span-2">
        <textarea {...field('summary')} rows={3} className={inputClass} />
      </FormField>
      <FormField label="Owner" name="ownerId" error={errors.ownerId}>
        <select {...field('ownerId')} defaultValue={owners.some((o) => o.id === me) ? me : ''} className={inputClass}>
          <option value="">Me</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </FormField>
      {errors.toolId && <p className="text-sm text-rose-700 sm:col-span-2">{errors.toolId}</p>}
      {tool && (
        <fieldset className="space-y-2 rounded-md bg-rose-50/50 p-3 sm:col-span-2">
          <legend className="text-sm font-medium text-slate-700">Quarantine</legend>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" {...field('quarantine')} className="h-4 w-4 rounded border-slate-300" /> Quarantine {tool.name}{' '}
            now
          </label>
          {errors.quarantine && <p className="text-sm text-rose-700">{errors.quarantine}</p>}
          <p className="text-xs text-slate-600">Choose versions to hold only those; choose none to hold every version.</p>
          <div className="flex flex-wrap gap-3" role="group" aria-label="Versions to quarantine">
            {versions.map((v) => (
              <label key={v.id} className="flex items-center gap-1 font-mono text-sm">
                <input type="checkbox" name="toolVersionIds" value={v.id} className="h-4 w-4 rounded border-slate-300" />{' '}
                {v.version}
              </label>
            ))}
          </div>
          {errors.toolVersionIds && <p className="text-sm text-rose-700">{errors.toolVersionIds}</p>}
          <FormField label="Reason for the quarantine" name="quarantineReason" error={errors.quarantineReason}>
            <textarea {...field('quarantineReason')} rows={2} className={inputClass} />
          </FormField>
        </fieldset>
      )}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          Open incident
        </Button>
        <FormError state={state} />
      </div>
    </form>
  );
}
