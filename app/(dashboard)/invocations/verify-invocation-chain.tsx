'use client';

import { useActionState } from 'react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/badge';
import { CHECKPOINT_PROBLEM_TEXT } from '@/lib/domain/audit-checkpoint-problems';
import { verifyInvocationChainAction } from './actions';

const ANCHOR_TEXT = {
  genesis: 'from the start of the chain',
  'retention-anchor': 'from the retention anchor',
  'previous-record': 'from the record before the period',
} as const;

/** Recomputes the invocation chain and names the first broken link. */
export function VerifyInvocationChain({ canVerify }: { canVerify: boolean }) {
  const [state, action, pending] = useActionState(verifyInvocationChainAction, null);
  if (!canVerify) return <div />;
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Verifying…' : 'Verify chain'}
      </Button>
      <div role="status" aria-live="polite" data-testid="invocation-chain-status" className="text-sm">
        {state && !state.ok && <span className="text-rose-700">{state.error}</span>}
        {state?.ok && state.data.ok && (
          <span className="flex items-center gap-2">
            <Badge tone="green">Chain intact</Badge>
            {state.data.checked.toLocaleString('en')} events recomputed {ANCHOR_TEXT[state.data.anchor.kind]}
            {state.data.anchor.kind === 'retention-anchor' ? ` (#${state.data.anchor.seq})` : ''}
            {state.data.checkpoints ? `; matches ${state.data.checkpoints.checked} signed checkpoint(s)` : ''}.
          </span>
        )}
        {state?.ok && !state.data.ok && state.data.checkpointProblem && (
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="red">Chain does not match its checkpoint</Badge>
            The signed checkpoint of {new Date(state.data.checkpointProblem.checkpoint.createdAt).toUTCString()} at event #
            {state.data.checkpointProblem.checkpoint.eventSeq} {CHECKPOINT_PROBLEM_TEXT[state.data.checkpointProblem.kind]}; a
            critical alert was raised.
          </span>
        )}
        {state?.ok && !state.data.ok && state.data.break && (
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="red">Chain broken</Badge>
            First broken event:
            <Link className="font-mono text-indigo-700 hover:underline" href={`/invocations/${state.data.break.seq}`}>
              #{state.data.break.seq}
            </Link>
            (
            {state.data.break.kind === 'hash-mismatch'
              ? 'its content no longer matches its hash'
              : 'its link to the previous event is wrong'}
            ); a critical alert was raised.
          </span>
        )}
      </div>
    </form>
  );
}
