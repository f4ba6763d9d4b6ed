import 'server-only';
import type { WebhookDelivery } from '@prisma/client';
import { testWebhookBody } from '@/lib/domain/webhooks/webhook-payload';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { notFound } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZWebhookEndpointIdInput, type TWebhookEndpointIdInput } from '@/lib/validation/webhook';
import { attemptDelivery } from './attempt-delivery';
import { newMessageId } from './run-webhook-deliveries';

/**
 * "Send test": a `webhook.test` message, attempted at once so the admin sees the receiver's
 * answer; if it fails it stays queued and retries like any delivery (the log shows it).
 */
export async function sendTestWebhook(
  { actor, input }: OperationCall<TWebhookEndpointIdInput>,
  ctx?: OperationContextInput,
): Promise<WebhookDelivery> {
  const { db, now } = await operationContext(ctx);
  const { id } = authorize(actor, 'webhook:manage', ZWebhookEndpointIdInput, input);
  const { endpoint, delivery } = await db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id } });
    if (!endpoint) throw notFound('Webhook endpoint');
    const delivery = await tx.webhookDelivery.create({
      data: {
        endpointId: id,
        messageId: newMessageId(),
        eventType: 'webhook.test',
        body: testWebhookBody(id, now),
        // Leased for a minute: the loop leaves it alone while this attempt runs.
        nextAttemptAt: new Date(now.getTime() + 60_000),
      },
    });
    await recordAuditEvent(tx, actor, {
      action: 'webhookEndpoint.tested',
      entityType: 'WebhookEndpoint',
      entityId: id,
      after: { deliveryId: delivery.id, messageId: delivery.messageId },
    });
    return { endpoint, delivery };
  });
  return attemptDelivery(db, delivery, endpoint, now);
}
