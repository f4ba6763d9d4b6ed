'use client';

import { useActionState } from 'react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/badge';
import { verifyAuditChainAction } from './actions';

export function VerifyChain() {
  const [state, action, pending] = useActionState(verifyAuditChainAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Verifying…' : 'Verify chain'}
      </Button>
      <div role="status" aria-live="polite" data-testid="chain-status" className="text-sm">
        {state && !state.ok && <span className="text-rose-700">{state.error}</span>}
        {state?.ok && state.data.ok && (
          <span className="flex items-center gap-2">
            <Badge tone="green">Chain intact</Badge>
            {state.data.checked.toLocaleString('en')} records recomputed
            {state.data.lastSeq ? `, up to #${state.data.lastSeq}` : ''}.
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
