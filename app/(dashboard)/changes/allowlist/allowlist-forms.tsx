'use client';

import { FormError } from '@/components/ui/form-error';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';
import { addAllowlistEntryAction, decideAllowlistEntryAction, revokeAllowlistEntryAction } from '../actions';

export function AddAllowlistForm({ tools }: { tools: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState(addAllowlistEntryAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-3" aria-label="Pre-approve a tool" noValidate>
      <FormField label="Tool" name="toolId" error={errors.toolId}>
        <select id="toolId" name="toolId" defaultValue="" className={inputClass} aria-invalid={Boolean(errors.toolId)}>
          <option value="">Choose a tool…</option>
          {tools.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Environment" name="environment" error={errors.environment}>
        <select id="environment" name="environment" defaultValue="STAGING" className={inputClass}>
          {ENVIRONMENTS.map((e) => (
            <option key={e} value={e}>
              {ENVIRONMENT_LABELS[e]}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Note" name="note" error={errors.note}>
        <input id="note" name="note" className={inputClass} placeholder="Why it is pre-approved" />
      </FormField>
      <div className="flex items-center gap-3 sm:col-span-3">
        <Button type="submit" disabled={pending}>
          Add to allowlist
        </Button>
        {state?.ok && (
          <p role="status" className="text-sm text-emerald-700">
            Added: it takes effect once a security reviewer approves it.
          </p>
        )}
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
      <Button type="submit" variant="ghost" size="sm" disabled={pending}>
        Remove
      </Button>
      {state && !state.ok && (
        <p role="alert" className="text-xs text-rose-700">
          {state.error}
        </p>
      )}
    </form>
  );
}

/** The second person's decision on a pending entry; a rejection needs a reason. */
export function DecideAllowlistEntryForm({ id, tool }: { id: string; tool: string }) {
  const [state, action, pending] = useActionState(decideAllowlistEntryAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form
      action={action}
      className="flex flex-wrap items-start gap-2"
      aria-label={`Decide allowlist entry for ${tool}`}
      noValidate
    >
      <input type="hidden" name="id" value={id} />
      <label className="sr-only" htmlFor={`comment-${id}`}>
        Reason (required to reject)
      </label>
      <input
        id={`comment-${id}`}
        name="comment"
        placeholder="Reason (required to reject)"
        className={`${inputClass} w-48`}
        aria-invalid={Boolean(errors.comment)}
      />
      <Button type="submit" name="decision" value="APPROVED" size="sm" disabled={pending}>
        Approve
      </Button>
      <Button type="submit" name="decision" value="REJECTED" variant="danger" size="sm" disabled={pending}>
        Reject
      </Button>
      {errors.comment && (
        <p role="alert" className="w-full text-xs text-rose-700">
          {errors.comment}
        </p>
      )}
      {state && !state.ok && !errors.comment && (
        <p role="alert" className="w-full text-xs text-rose-700">
          {state.error}
        </p>
      )}
    </form>
  );
}
