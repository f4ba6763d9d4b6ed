'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { revokeApiKeyAction } from './actions';

export function RevokeButton({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(revokeApiKeyAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Revoke “${name}”? Agents using it are refused at once.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="danger" size="sm" disabled={pending} aria-label={`Revoke ${name}`}>
        {pending ? 'Revoking…' : 'Revoke'}
      </Button>
      {state && !state.ok && (
        <p role="alert" className="mt-1 text-xs text-rose-700">
          {state.error}
        </p>
      )}
    </form>
  );
}
