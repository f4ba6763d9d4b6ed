'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import { REGISTRY_KIND_LABELS, REGISTRY_KINDS } from '@/lib/validation/registry';
import { submitWithoutReset } from '@/components/ui/submit-without-reset';
import { createRegistryAction, updateRegistryAction } from './actions';

const URL_HINT: Record<string, string> = {
  AGENTNODE: 'e.g. https://agentnode.net',
  MCP_REGISTRY: 'e.g. https://registry.modelcontextprotocol.io',
  NPM: 'e.g. https://registry.npmjs.org (settings must list "packages")',
};

export interface RegistryFormValues {
  id: string;
  name: string;
  kind: string;
  baseUrl: string;
  config: string;
  enabled: boolean;
  /** How the stored key is shown: "…1234" or "env:NAME"; null when none is stored. */
  apiKeyHint: string | null;
}

/** Add (no `initial`) or edit a registry connection. Errors stay beside their field; input survives them. */
export function RegistryForm({ initial }: { initial?: RegistryFormValues }) {
  // Both return an ActionResult; the update redirects on success, so only its errors come back.
  const [state, action, pending] = useActionState(
    (initial ? updateRegistryAction : createRegistryAction) as typeof createRegistryAction,
    null,
  );
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form
      onSubmit={submitWithoutReset(action)}
      className="grid gap-4 sm:grid-cols-2"
      noValidate
      aria-label={initial ? 'Edit registry' : 'Add registry'}
    >
      {initial && <input type="hidden" name="id" value={initial.id} />}
      <FormField label="Name" name="name" error={errors.name}>
        <input id="name" name="name" defaultValue={initial?.name} className={inputClass} aria-invalid={Boolean(errors.name)} />
      </FormField>
      <FormField label="Type" name="kind" error={errors.kind}>
        <select
          id="kind"
          name="kind"
          defaultValue={initial?.kind ?? 'AGENTNODE'}
          disabled={Boolean(initial)}
          className={inputClass}
        >
          {REGISTRY_KINDS.map((k) => (
            <option key={k} value={k}>
              {REGISTRY_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Base URL" name="baseUrl" error={errors.baseUrl} hint={URL_HINT[initial?.kind ?? 'AGENTNODE']}>
        <input
          id="baseUrl"
          name="baseUrl"
          defaultValue={initial?.baseUrl}
          className={inputClass}
          aria-invalid={Boolean(errors.baseUrl)}
        />
      </FormField>
      <FormField label="Settings (JSON, optional)" name="config" error={errors.config} hint='e.g. {"perPage": 50}'>
        <textarea
          id="config"
          name="config"
          rows={2}
          defaultValue={initial?.config}
          className={`${inputClass} font-mono text-xs`}
          aria-invalid={Boolean(errors.config)}
        />
      </FormField>
      <FormField
        label="API key (optional)"
        name="apiKey"
        error={errors.apiKey}
        hint={
          initial?.apiKeyHint
            ? `Stored: ${initial.apiKeyHint}. Leave empty to keep it; type a new key or env:NAME to replace it.`
            : 'Stored encrypted, never shown again; or env:NAME to read it from the server environment.'
        }
      >
        {/* A password field: the key is never sent back to the browser, only typed into it. */}
        <input
          id="apiKey"
          name="apiKey"
          type="password"
          autoComplete="off"
          placeholder={initial?.apiKeyHint ?? ''}
          className={`${inputClass} font-mono`}
          aria-invalid={Boolean(errors.apiKey)}
        />
      </FormField>
      {initial?.apiKeyHint && (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="clearApiKey" value="true" className="h-4 w-4 rounded border-slate-300" />
          Remove the stored API key
        </label>
      )}
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="enabled"
          value="true"
          defaultChecked={initial?.enabled ?? true}
          className="h-4 w-4 rounded border-slate-300"
        />
        Enabled (synced on schedule and on demand)
      </label>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : initial ? 'Save changes' : 'Add registry'}
        </Button>
        {state && !state.ok && (
          <p role="alert" className="text-sm text-rose-600">
            {state.error}
          </p>
        )}
        {state?.ok && !initial && (
          <p role="status" className="text-sm text-emerald-700">
            Registry added.
          </p>
        )}
      </div>
    </form>
  );
}
