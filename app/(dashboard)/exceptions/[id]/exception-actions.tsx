'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { decideExceptionAction, revokeExceptionAction } from '../actions';

/** Approve or reject a requested exception (a security reviewer who did not request it). */
export function ExceptionDecisionForm({ id }: { id: string }) {
  const router = useRouter();
  const { state, errors, pending, field, formProps } = useActionForm(decideExceptionAction, {
    onSuccess: () => router.refresh(),
  });
  return (
    <form {...formProps} className="space-y-3" aria-label="Decision">
      <input type="hidden" name="id" value={id} />
      <FormField label="Comment" name="comment" error={errors.comment} hint="Required when you reject.">
        <textarea {...field('comment', { hint: true })} rows={3} className={inputClass} />
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" name="decision" value="APPROVED" disabled={pending}>
          Approve exception
        </Button>
        <Button type="submit" name="decision" value="REJECTED" variant="danger" disabled={pending}>
          Reject
        </Button>
      </div>
      <FormError state={state} />
    </form>
  );
}

/** Revoke: coverage ends at once. */
export function ExceptionRevokeForm({ id }: { id: string }) {
  const router = useRouter();
  const { state, errors, pending, field, formProps } = useActionForm(revokeExceptionAction, {
    onSuccess: () => router.refresh(),
  });
  return (
    <form {...formProps} className="space-y-3" aria-label="Revoke">
      <input type="hidden" name="id" value={id} />
      <FormField label="Why revoke" name="reason" error={errors.reason}>
        <textarea {...field('reason')} rows={2} className={inputClass} />
      </FormField>
      <Button type="submit" variant="danger" disabled={pending}>
        Revoke exception
      </Button>
      <FormError state={state} />
    </form>
  );
}
