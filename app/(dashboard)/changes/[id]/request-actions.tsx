'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { FormField, inputClass } from '@/components/ui/form-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { ActionResult } from '@/lib/server/guards/action-result';
import { STAGE_LABELS, type ReviewStage } from '@/lib/domain/change-requests/state-machine';
import {
  addChangeCommentAction,
  decideChangeRequestAction,
  deployChangeRequestAction,
  withdrawChangeRequestAction,
} from '../actions';

/** Approve or reject the current stage; the stage travels with the form so a stale page gets 409, not a decision on the next stage. */
export function DecisionForm({ id, stage }: { id: string; stage: ReviewStage }) {
  const { state, errors, pending, field, formProps } = useActionForm(decideChangeRequestAction);
  const [comment, setComment] = useState('');
  return (
    <form {...formProps} className="space-y-3" aria-label="Decision">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="stage" value={stage} />
      <FormField
        label={`Comment for the ${STAGE_LABELS[stage].toLowerCase()}`}
        name="comment"
        error={errors.comment}
        hint="Required when you reject."
      >
        <textarea
          {...field('comment', { hint: true })}
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          className={inputClass}
        />
      </FormField>
      <div className="flex gap-2">
        <Button type="submit" name="decision" value="APPROVED" disabled={pending}>
          Approve
        </Button>
        <Button type="submit" name="decision" value="REJECTED" variant="danger" disabled={pending}>
          Reject
        </Button>
      </div>
      <FormError state={state} />
    </form>
  );
}

/** One button that runs an action on this request; a refusal shows under it. */
function RequestButton<T>({
  id,
  action,
  children,
  variant,
}: {
  id: string;
  action: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  children: React.ReactNode;
  variant?: 'secondary';
}) {
  const { state, pending, formProps } = useActionForm(action);
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant={variant} disabled={pending}>
        {children}
      </Button>
      <FormError state={state} />
    </form>
  );
}

export function DeployButton({ id, removal }: { id: string; removal: boolean }) {
  return (
    <RequestButton id={id} action={deployChangeRequestAction}>
      {removal ? 'Deploy removal (revoke installation)' : 'Deploy (activate installation)'}
    </RequestButton>
  );
}

export function WithdrawButton({ id }: { id: string }) {
  return (
    <RequestButton id={id} action={withdrawChangeRequestAction} variant="secondary">
      Withdraw request
    </RequestButton>
  );
}

export function CommentForm({ id }: { id: string }) {
  const { state, errors, pending, field, formProps } = useActionForm(addChangeCommentAction, { resetOnSuccess: true });
  return (
    <form {...formProps} className="space-y-2" aria-label="Add comment">
      <input type="hidden" name="id" value={id} />
      <FormField label="Add a comment" name="body" error={errors.body}>
        <textarea {...field('body')} rows={2} className={inputClass} />
      </FormField>
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        Comment
      </Button>
      <FormError state={state} />
    </form>
  );
}
