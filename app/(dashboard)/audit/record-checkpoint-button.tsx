'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { recordAuditCheckpointAction } from './actions';

export function RecordCheckpointButton() {
  const [state, action, pending] = useActionState(recordAuditCheckpointAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <Button type="submit" variant="secondary" size="sm" disabled={pending}>
        {pending ? 'Signing…' : 'Record checkpoint now'}
      </Button>
      <span role="status" aria-live="polite" className="text-xs">
        {state && !state.ok && <span className="text-rose-700">{state.error}</span>}
        {state?.ok && <span className="text-emerald-700">Checkpoint signed at record #{state.data.headSeq}.</span>}
      </span>
    </form>
  );
}
