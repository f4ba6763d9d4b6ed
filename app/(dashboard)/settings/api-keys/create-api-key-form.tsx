'use client';

import { FormError } from '@/components/ui/form-error';
import { useState } from 'react';
import { useActionForm } from '@/components/ui/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import { API_KEY_SCOPES } from '@/lib/validation/api-key';
import { createApiKeyAction } from './actions';

const SCOPE_HELP = {
  ENFORCE: 'ask POST /api/v1/enforce',
  INGEST: 'send invocation events',
  READ: 'read inventory and evidence',
} as const;

export function CreateApiKeyForm({ agents }: { agents: { id: string; name: string; environment: string }[] }) {
  const [copied, setCopied] = useState(false);
  const { state, errors, pending, field, formProps } = useActionForm(createApiKeyAction, { resetOnSuccess: true });
  return (
    <div className="space-y-4">
      {state?.ok && (
        <div role="status" className="rounded-md bg-emerald-50 p-3 text-sm ring-1 ring-emerald-200" data-testid="new-api-key">
          <p className="font-medium text-emerald-900">
            Key “{state.data.name}” created. Copy it now: it will not be shown again.
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code
              className="rounded bg-white px-2 py-1 font-mono text-xs ring-1 ring-emerald-200"
              data-testid="new-api-key-secret"
            >
              {state.data.secret}
            </code>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                void navigator.clipboard?.writeText(state.data.secret).then(() => setCopied(true));
              }}
            >
              {copied ? 'Copied' : 'Copy'}
            </Button>
          </div>
        </div>
      )}
      <form
        {...formProps}
        onSubmit={(e) => {
          setCopied(false);
          formProps.onSubmit(e);
        }}
        className="grid gap-4 sm:grid-cols-2"
        aria-label="Create API key"
      >
        <FormField label="Name" name="name" error={errors.name} hint="Who uses it, e.g. “support gateway prod”.">
          <input {...field('name', { hint: true })} className={inputClass} />
        </FormField>
        <FormField label="Only for agent (optional)" name="agentId" error={errors.agentId}>
          <select {...field('agentId')} defaultValue="" className={inputClass}>
            <option value="">Any agent</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.environment.toLowerCase()})
              </option>
            ))}
          </select>
        </FormField>
        <fieldset className="space-y-1" aria-describedby={errors.scopes ? 'scopes-error' : undefined}>
          <legend className="text-sm font-medium text-slate-700">Scopes</legend>
          {API_KEY_SCOPES.map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="scopes"
                value={s}
                className="h-4 w-4 rounded border-slate-300"
                aria-invalid={errors.scopes ? true : undefined}
              />
              {s.toLowerCase()} <span className="text-xs text-slate-500">— {SCOPE_HELP[s]}</span>
            </label>
          ))}
          {errors.scopes && (
            <p id="scopes-error" role="alert" className="text-xs font-medium text-rose-600">
              {errors.scopes}
            </p>
          )}
        </fieldset>
        <FormField label="Expires after (days, optional)" name="expiresInDays" error={errors.expiresInDays}>
          <input {...field('expiresInDays')} inputMode="numeric" className={inputClass} />
        </FormField>
        <div className="flex items-center gap-3 sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? 'Creating…' : 'Create key'}
          </Button>
          <FormError state={state} />
        </div>
      </form>
    </div>
  );
}
