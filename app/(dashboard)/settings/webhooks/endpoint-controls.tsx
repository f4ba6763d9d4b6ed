'use client';

import { Button } from '@/components/ui/button';
import { useActionForm } from '@/components/ui/use-action-form';
import { sendTestWebhookAction, setWebhookEndpointEnabledAction } from './actions';

/** Send test and disable/enable, for admins. */
export function EndpointControls({ id, enabled }: { id: string; enabled: boolean }) {
  const test = useActionForm(sendTestWebhookAction);
  const toggle = useActionForm(setWebhookEndpointEnabledAction);
  const result = test.state?.ok ? test.state.data : null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form {...test.formProps}>
        <input type="hidden" name="id" value={id} />
        <Button type="submit" variant="secondary" size="sm" disabled={test.pending || !enabled}>
          {test.pending ? 'Sending…' : 'Send test'}
        </Button>
      </form>
      <form {...toggle.formProps}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="enabled" value={enabled ? 'false' : 'true'} />
        <Button type="submit" variant={enabled ? 'danger' : 'secondary'} size="sm" disabled={toggle.pending}>
          {enabled ? 'Disable' : 'Enable'}
        </Button>
      </form>
      <span role="status" className="text-xs" data-testid="webhook-test-result">
        {result &&
          (result.status === 'SUCCEEDED'
            ? `Delivered (HTTP ${result.lastStatusCode})`
            : `Not delivered: ${result.lastError ?? 'no answer'}; it will be retried`)}
        {test.state && !test.state.ok && <span className="text-rose-700">{test.state.error}</span>}
        {toggle.state && !toggle.state.ok && <span className="text-rose-700">{toggle.state.error}</span>}
      </span>
    </div>
  );
}
