'use client';

import { Button } from '@/components/ui/button';
import { useActionForm } from '@/components/ui/use-action-form';
import { alertAction } from './actions';

export function AlertActions({ id, state, title }: { id: string; state: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED'; title: string }) {
  const { state: result, pending, formProps } = useActionForm(alertAction);
  if (state === 'RESOLVED') return null;
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-1">
      <input type="hidden" name="id" value={id} />
      {state === 'OPEN' && (
        <Button
          type="submit"
          name="action"
          value="acknowledge"
          size="sm"
          variant="secondary"
          disabled={pending}
          aria-label={`Acknowledge: ${title}`}
        >
          Acknowledge
        </Button>
      )}
      <Button
        type="submit"
        name="action"
        value="resolve"
        size="sm"
        variant="secondary"
        disabled={pending}
        aria-label={`Resolve: ${title}`}
      >
        Resolve
      </Button>
      {result && !result.ok && (
        <p role="alert" tabIndex={-1} data-form-error className="text-xs text-rose-600">
          {result.error}
        </p>
      )}
    </form>
  );
}
