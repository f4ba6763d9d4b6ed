'use client';

import { Button } from '@/components/ui/button';
import { useActionForm } from '@/components/ui/use-action-form';
import { revokeApiKeyAction } from './actions';

export function RevokeButton({ id, name }: { id: string; name: string }) {
  const { state, pending, formProps } = useActionForm(revokeApiKeyAction);
  return (
    <form
      {...formProps}
      onSubmit={(e) => {
        if (window.confirm(`Revoke “${name}”? Agents using it are refused at once.`)) formProps.onSubmit(e);
        else e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="danger" size="sm" disabled={pending} aria-label={`Revoke ${name}`}>
        {pending ? 'Revoking…' : 'Revoke'}
      </Button>
      {state && !state.ok && (
        <p role="alert" tabIndex={-1} data-form-error className="mt-1 text-xs text-rose-700">
          {state.error}
        </p>
      )}
    </form>
  );
}
