'use client';

import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { useActionForm } from '@/components/ui/use-action-form';
import { setRegistryEnabledAction, testConnectionAction } from './actions';

export function TestConnectionButton({ registryId, registryName }: { registryId: string; registryName: string }) {
  const { state, pending, formProps } = useActionForm(testConnectionAction);
  return (
    <form {...formProps} className="space-y-1">
      <input type="hidden" name="id" value={registryId} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={`Test connection to ${registryName}`}>
        {pending ? 'Testing…' : 'Test connection'}
      </Button>
      {state && (
        <p
          role="status"
          className={`max-w-xs text-xs ${state.ok && state.data.ok ? 'text-emerald-700' : 'text-rose-700'}`}
          data-testid="connection-result"
        >
          {state.ok ? (state.data.ok ? `✓ ${state.data.detail}` : `✗ ${state.data.detail}`) : state.error}
        </p>
      )}
    </form>
  );
}

export function EnableToggle({
  registryId,
  registryName,
  enabled,
}: {
  registryId: string;
  registryName: string;
  enabled: boolean;
}) {
  const { state, pending, formProps } = useActionForm(setRegistryEnabledAction);
  return (
    <form {...formProps}>
      <input type="hidden" name="id" value={registryId} />
      <input type="hidden" name="enabled" value={String(!enabled)} />
      <Button
        type="submit"
        size="sm"
        variant="secondary"
        disabled={pending}
        aria-label={`${enabled ? 'Disable' : 'Enable'} ${registryName}`}
      >
        {enabled ? 'Disable' : 'Enable'}
      </Button>
      <FormError state={state} className="text-xs" />
    </form>
  );
}
