'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { alertAction } from './actions';

export function AlertActions({ id, state, title }: { id: string; state: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED'; title: string }) {
  const [result, action, pending] = useActionState(alertAction, null);
  if (state === 'RESOLVED') return null;
  return (
    <form action={action} className="flex flex-wrap items-center gap-1">
      <input type="hidden" name="id" value={id} />
      {state === 'OPEN' && (
        <Button type="submit" name="action" value="acknowledge" size="sm" variant="secondary" disabled={pending} aria-label={`Acknowledge: ${title}`}>
          Acknowledge
        </Button>
      )}
      <Button type="submit" name="action" value="resolve" size="sm" variant="secondary" disabled={pending} aria-label={`Resolve: ${title}`}>
        Resolve
      </Button>
      {result && !result.ok && (
        <p role="alert" className="text-xs text-rose-600">
          {result.error}
        </p>
      )}
    </form>
  );
}
