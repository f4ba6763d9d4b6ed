'use client';

import { FormError } from '@/components/ui/form-error';
import { useActionForm } from '@/components/ui/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import { createWebhookEndpointAction } from './actions';

export function CreateWebhookForm() {
  const { state, errors, pending, field, formProps } = useActionForm(createWebhookEndpointAction, { resetOnSuccess: true });
  return (
    <div className="space-y-4">
      {state?.ok && (
        <div role="status" className="rounded-md bg-emerald-50 p-3 text-sm ring-1 ring-emerald-200" data-testid="new-webhook">
          <p className="font-medium text-emerald-900">
            Endpoint added. Give the receiver this signing secret now: it will not be shown again.
          </p>
          <code
            className="mt-2 inline-block rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-emerald-200"
            data-testid="new-webhook-secret"
          >
            {state.data.secret}
          </code>
        </div>
      )}
      <form {...formProps} className="grid gap-4 sm:grid-cols-2" aria-label="Add webhook endpoint">
        <FormField label="URL" name="url" error={errors.url} hint="Where alerts are POSTed, e.g. your SIEM's HTTP collector.">
          <input
            {...field('url', { hint: true })}
            className={inputClass}
            placeholder="https://siem.example.com/hooks/toolledger"
          />
        </FormField>
        <FormField label="Description (optional)" name="description" error={errors.description}>
          <input {...field('description')} className={inputClass} />
        </FormField>
        <FormField
          label="Event types (optional)"
          name="eventTypes"
          error={errors.eventTypes}
          hint="Space-separated, e.g. alert.invocation-chain-broken alert.noted (alert.assigned, alert.unassigned and alert.noted report changes to any alert); empty sends everything."
        >
          <input {...field('eventTypes', { hint: true })} className={inputClass} />
        </FormField>
        <FormField label="Body" name="format" error={errors.format}>
          <select {...field('format')} defaultValue="STANDARD" className={inputClass}>
            <option value="STANDARD">Standard Webhooks envelope (type, timestamp, data)</option>
            <option value="OCSF">OCSF 1.3.0 Detection Finding</option>
          </select>
        </FormField>
        <div className="flex items-center gap-3 sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? 'Adding…' : 'Add endpoint'}
          </Button>
          <FormError state={state} />
        </div>
      </form>
    </div>
  );
}
