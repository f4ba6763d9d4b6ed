'use client';

import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { useActionForm } from '@/components/ui/use-action-form';
import { Badge } from '@/components/ui/badge';
import { CHECKPOINT_PROBLEM_TEXT } from '@/lib/domain/audit-checkpoint-problems';
import { verifyAuditChainAction } from './actions';

export function VerifyChain() {
  const { state, pending, formProps } = useActionForm(verifyAuditChainAction);
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Verifying…' : 'Verify chain'}
      </Button>
      <FormError state={state} />
      <div role="status" aria-live="polite" data-testid="chain-status" className="text-sm">
        {state?.ok && !state.data.ok && state.data.checkpointProblem && (
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="red">Chain does not match a signed checkpoint</Badge>
            The checkpoint of {new Date(state.data.checkpointProblem.checkpoint.createdAt).toUTCString()} at record #
            {state.data.checkpointProblem.checkpoint.headSeq} {CHECKPOINT_PROBLEM_TEXT[state.data.checkpointProblem.kind]}.
          </span>
        )}
        {state?.ok && state.data.ok && (
          <span className="flex items-center gap-2">
            <Badge tone="green">Chain intact</Badge>
            {state.data.checked.toLocaleString('en')} records recomputed
            {state.data.lastSeq ? `, up to #${state.data.lastSeq}` : ''}
            {state.data.checkpoints.checked > 0
              ? `; matches all ${state.data.checkpoints.checked.toLocaleString('en')} signed checkpoints`
              : '; no signed checkpoint yet'}
            .
          </span>
        )}
        {state?.ok && !state.data.ok && state.data.break && (
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone="red">Chain broken</Badge>
            First broken record:
            <Link
              className="font-mono text-indigo-700 hover:underline"
              href={`/audit?before=${BigInt(state.data.break.seq) + BigInt(1)}`}
            >
              #{state.data.break.seq}
            </Link>
            (
            {state.data.break.kind === 'hash-mismatch'
              ? 'its content no longer matches its hash'
              : 'its link to the previous record is wrong'}
            ); {state.data.checked.toLocaleString('en')} records before it are intact.
          </span>
        )}
      </div>
    </form>
  );
}
