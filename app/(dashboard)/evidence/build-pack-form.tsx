'use client';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';
import { requestEvidencePackBuildAction } from './actions';

/** Period (UTC days, inclusive) and scope; the server refuses a future or reversed period per field. */
export function BuildPackForm({
  tools,
  toolsTruncated,
  today,
  engagementId,
  onQueued,
}: {
  tools: { id: string; name: string }[];
  toolsTruncated: boolean;
  today: string;
  engagementId?: string;
  onQueued: (id: string) => void;
}) {
  const { state, errors, pending, field, formProps } = useActionForm(requestEvidencePackBuildAction, {
    onSuccess: (data) => onQueued(data.id),
  });
  return (
    <form {...formProps} className="grid gap-4 sm:grid-cols-4" aria-label="Build evidence pack">
      {engagementId && <input type="hidden" name="engagementId" value={engagementId} />}
      <FormField label="From (UTC)" name="from" error={errors.from}>
        <input {...field('from')} type="date" max={today} className={inputClass} />
      </FormField>
      <FormField label="To (UTC, inclusive)" name="to" error={errors.to} hint="The period must have ended (today at the latest).">
        <input {...field('to', { hint: true })} type="date" max={today} className={inputClass} />
      </FormField>
      <fieldset className="space-y-1" aria-describedby={errors.environments ? 'environments-error' : undefined}>
        <legend className="text-sm font-medium text-slate-700">Environments</legend>
        {ENVIRONMENTS.map((e) => (
          <label key={e} className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="environments" value={e} className="h-4 w-4 rounded border-slate-300" />
            {ENVIRONMENT_LABELS[e]}
          </label>
        ))}
        <p className="text-xs text-slate-500">None ticked: every environment.</p>
        {errors.environments && (
          <p id="environments-error" className="text-xs text-rose-600">
            {errors.environments}
          </p>
        )}
      </fieldset>
      <FormField
        label="Tools"
        name="toolIds"
        error={errors.toolIds}
        hint={toolsTruncated ? 'The first 500 tools by name; none chosen: every tool.' : 'None chosen: every tool.'}
      >
        <select {...field('toolIds', { hint: true })} multiple size={4} className={inputClass}>
          {tools.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </FormField>
      <div className="flex items-center gap-3 sm:col-span-4">
        <Button type="submit" disabled={pending}>
          Build pack
        </Button>
        <FormError state={state} />
      </div>
    </form>
  );
}
