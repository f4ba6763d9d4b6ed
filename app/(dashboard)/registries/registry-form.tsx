'use client';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { REGISTRY_KIND_LABELS, REGISTRY_KINDS } from '@/lib/validation/registry';
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
  const { state, errors, pending, field, formProps } = useActionForm(
    (initial ? updateRegistryAction : createRegistryAction) as typeof createRegistryAction,
  );
  return (
    <form {...formProps} className="grid gap-4 sm:grid-cols-2" aria-label={initial ? 'Edit registry' : 'Add registry'}>
      {initial && <input type="hidden" name="id" value={initial.id} />}
      <FormField label="Name" name="name" error={errors.name}>
        <input {...field('name')} defaultValue={initial?.name} className={inputClass} />
      </FormField>
      <FormField label="Type" name="kind" error={errors.kind}>
        <select {...field('kind')} defaultValue={initial?.kind ?? 'AGENTNODE'} disabled={Boolean(initial)} className={inputClass}>
          {REGISTRY_KINDS.map((k) => (
            <option key={k} value={k}>
              {REGISTRY_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Base URL" name="baseUrl" error={errors.baseUrl} hint={URL_HINT[initial?.kind ?? 'AGENTNODE']}>
        <input {...field('baseUrl', { hint: true })} defaultValue={initial?.baseUrl} className={inputClass} />
      </FormField>
      <FormField label="Settings (JSON, optional)" name="config" error={errors.config} hint='e.g. {"perPage": 50}'>
        <textarea
          {...field('config', { hint: true })}
          rows={2}
          defaultValue={initial?.config}
          className={`${inputClass} font-mono text-xs`}
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
          {...field('apiKey', { hint: true })}
          type="password"
          autoComplete="off"
          placeholder={initial?.apiKeyHint ?? ''}
          className={`${inputClass} font-mono`}
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
        <FormError state={state} />
        {state?.ok && !initial && (
          <p role="status" className="text-sm text-emerald-700">
            Registry added.
          </p>
        )}
      </div>
    </form>
  );
}
