'use client';

import { FormError } from '@/components/ui/form-error';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';
import { addAllowlistEntryAction, revokeAllowlistEntryAction } from '../actions';

export function AddAllowlistForm({ tools }: { tools: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState(addAllowlistEntryAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-3" aria-label="Pre-approve a tool" noValidate>
      <FormField label="Tool" name="toolId" error={errors.toolId}>
        <select id="toolId" name="toolId" defaultValue="" className={inputClass} aria-invalid={Boolean(errors.toolId)}>
          <option value="">Choose a tool…</option>
          {tools.map((t) => (
            <option key={t.id} value={t.id}>{t.label}</option>
          ))}
        </select>
      </FormField>
      <FormField label="Environment" name="environment" error={errors.environment}>
        <select id="environment" name="environment" defaultValue="STAGING" className={inputClass}>
          {ENVIRONMENTS.map((e) => (
            <option key={e} value={e}>{ENVIRONMENT_LABELS[e]}</option>
          ))}
        </select>
      </FormField>
      <FormField label="Note" name="note" error={errors.note}>
        <input id="note" name="note" className={inputClass} placeholder="Why it is pre-approved" />
      </FormField>
      <div className="flex items-center gap-3 sm:col-span-3">
        <Button type="submit" disabled={pending}>Add to allowlist</Button>
        {state?.ok && <p role="status" className="text-sm text-emerald-700">Added.</p>}
        <FormError state={state} />
      </div>
    </form>
  );
}

export function RevokeAllowlistButton({ id }: { id: string }) {
  const [state, action, pending] = useActionState(revokeAllowlistEntryAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending}>Remove</Button>
      {state && !state.ok && <p role="alert" className="text-xs text-rose-700">{state.error}</p>}
    </form>
  );
}
