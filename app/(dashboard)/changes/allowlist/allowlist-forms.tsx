'use client';

import { FormError } from '@/components/ui/form-error';
import { Button } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';
import { addAllowlistEntryAction, decideAllowlistEntryAction, revokeAllowlistEntryAction } from '../actions';

export function AddAllowlistForm({ tools }: { tools: { id: string; label: string }[] }) {
  const { state, errors, pending, field, formProps } = useActionForm(addAllowlistEntryAction, { resetOnSuccess: true });
  return (
    <form {...formProps} className="grid gap-4 sm:grid-cols-3" aria-label="Pre-approve a tool">
      <FormField label="Tool" name="toolId" error={errors.toolId}>
        <select {...field('toolId')} defaultValue="" className={inputClass}>
          <option value="">Choose a tool…</option>
          {tools.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </FormField>
      {/* Its own id: the list's filter bar below has an "environment" control too. */}
      <FormField label="Environment" name="new-entry-environment" error={errors.environment}>
        <select {...field('environment', { id: 'new-entry-environment' })} defaultValue="STAGING" className={inputClass}>
          {ENVIRONMENTS.map((e) => (
            <option key={e} value={e}>
              {ENVIRONMENT_LABELS[e]}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Note" name="note" error={errors.note}>
        <input {...field('note')} className={inputClass} placeholder="Why it is pre-approved" />
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
  const { state, pending, formProps } = useActionForm(revokeAllowlistEntryAction);
  return (
    <form {...formProps}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending}>
        Remove
      </Button>
      <FormError state={state} className="text-xs" />
    </form>
  );
}

/** The second person's decision on a pending entry; a rejection needs a reason. */
export function DecideAllowlistEntryForm({ id, tool }: { id: string; tool: string }) {
  const { state, errors, pending, field, formProps } = useActionForm(decideAllowlistEntryAction);
  const comment = field('comment', { id: `comment-${id}` });
  return (
    <form {...formProps} className="flex flex-wrap items-start gap-2" aria-label={`Decide allowlist entry for ${tool}`}>
      <input type="hidden" name="id" value={id} />
      <label className="sr-only" htmlFor={comment.id}>
        Reason (required to reject)
      </label>
      <input {...comment} placeholder="Reason (required to reject)" className={`${inputClass} w-48`} />
      <Button type="submit" name="decision" value="APPROVED" size="sm" disabled={pending}>
        Approve
      </Button>
      <Button type="submit" name="decision" value="REJECTED" variant="danger" size="sm" disabled={pending}>
        Reject
      </Button>
      {errors.comment && (
        <p id={`${comment.id}-error`} role="alert" className="w-full text-xs text-rose-700">
          {errors.comment}
        </p>
      )}
      <FormError state={state} className="w-full text-xs" />
    </form>
  );
}
