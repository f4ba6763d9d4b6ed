import 'server-only';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { notFound } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZSetWebhookEndpointEnabledInput, type TSetWebhookEndpointEnabledInput } from '@/lib/validation/webhook';

/** Disabling stops new deliveries and retries to it; the log stays. Enabling resumes with alerts raised from then on. */
export async function setWebhookEndpointEnabled(
  { actor, input }: OperationCall<TSetWebhookEndpointEnabledInput>,
  ctx?: OperationContextInput,
): Promise<{ id: string; enabled: boolean }> {
  const { db, now } = await operationContext(ctx);
  const { id, enabled } = authorize(actor, 'webhook:manage', ZSetWebhookEndpointEnabledInput, input);
  return db.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({ where: { id }, select: { disabledAt: true } });
    if (!before) throw notFound('Webhook endpoint');
    if ((before.disabledAt === null) === enabled) return { id, enabled };
    await tx.webhookEndpoint.update({ where: { id }, data: { disabledAt: enabled ? null : now } });
    await recordAuditEvent(tx, actor, {
      action: enabled ? 'webhookEndpoint.enabled' : 'webhookEndpoint.disabled',
      entityType: 'WebhookEndpoint',
      entityId: id,
      before: { disabledAt: before.disabledAt?.toISOString() ?? null },
      after: { disabledAt: enabled ? null : now.toISOString() },
    });
    return { id, enabled };
  });
}
