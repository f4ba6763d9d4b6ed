'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormField, inputClass } from '@/components/ui/form-field';
import { STAGE_LABELS, type ReviewStage } from '@/lib/domain/change-requests/state-machine';
import {
  addChangeCommentAction,
  decideChangeRequestAction,
  deployChangeRequestAction,
  withdrawChangeRequestAction,
} from '../actions';

function ErrorLine({ error }: { error?: string }) {
  return error ? (
    <p role="alert" className="text-sm text-rose-700">
      {error}
    </p>
  ) : null;
}

/** Approve or reject the current stage; the stage travels with the form so a stale page gets 409, not a decision on the next stage. */
export function DecisionForm({ id, stage }: { id: string; stage: ReviewStage }) {
  const [state, action, pending] = useActionState(decideChangeRequestAction, null);
  const [comment, setComment] = useState('');
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} className="space-y-3" aria-label="Decision" noValidate>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="stage" value={stage} />
      <FormField
        label={`Comment for the ${STAGE_LABELS[stage].toLowerCase()}`}
        name="comment"
        error={errors.comment}
        hint="Required when you reject."
      >
        <textarea
          id="comment"
          name="comment"
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          className={inputClass}
          aria-invalid={Boolean(errors.comment)}
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
      {state && !state.ok && Object.keys(state.fieldErrors).length === 0 && <ErrorLine error={state.error} />}
    </form>
  );
}

export function DeployButton({ id, removal }: { id: string; removal: boolean }) {
  const [state, action, pending] = useActionState(deployChangeRequestAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" disabled={pending}>
        {removal ? 'Deploy removal (revoke installation)' : 'Deploy (activate installation)'}
      </Button>
      {state && !state.ok && <ErrorLine error={state.error} />}
    </form>
  );
}

export function WithdrawButton({ id }: { id: string }) {
  const [state, action, pending] = useActionState(withdrawChangeRequestAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Withdraw request
      </Button>
      {state && !state.ok && <ErrorLine error={state.error} />}
    </form>
  );
}

export function CommentForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(addChangeCommentAction, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form ref={form} action={action} className="space-y-2" aria-label="Add comment" noValidate>
      <input type="hidden" name="id" value={id} />
      <FormField label="Add a comment" name="body" error={errors.body}>
        <textarea id="body" name="body" rows={2} className={inputClass} aria-invalid={Boolean(errors.body)} />
      </FormField>
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        Comment
      </Button>
      {state && !state.ok && Object.keys(state.fieldErrors).length === 0 && <ErrorLine error={state.error} />}
    </form>
  );
}
