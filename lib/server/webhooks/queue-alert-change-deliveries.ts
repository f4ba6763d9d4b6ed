import 'server-only';
import type { Prisma } from '@prisma/client';
import { alertWebhookBody, endpointWants, type AlertChangeEventType } from '@/lib/domain/webhooks/webhook-payload';
import { alertWebhookFields } from './alert-webhook-fields';
import { newMessageId } from './run-webhook-deliveries';

/**
 * Queues a change made to an alert (assigned, unassigned, a note) as one message to every endpoint
 * that wants its event type, inside the transaction that makes the change: the message exists if
 * and only if the change does, and is queued exactly once (unlike alerts raised, which every
 * instance's outbox read may find). The body is the alert as it stands after the change, its
 * assignee and whole thread included. A disabled endpoint holds its messages until it is enabled
 * again, as it gets the alerts raised meanwhile. Returns how many were queued.
 */
export async function queueAlertChangeDeliveries(
  tx: Prisma.TransactionClient,
  alertId: string,
  change: AlertChangeEventType,
  now: Date,
): Promise<number> {
  const endpoints = (await tx.webhookEndpoint.findMany({ select: { id: true, eventTypes: true, format: true } })).filter((e) =>
    endpointWants(e.eventTypes, change),
  );
  if (endpoints.length === 0) return 0;
  const [alert] = await alertWebhookFields(tx, [await tx.alert.findUniqueOrThrow({ where: { id: alertId } })]);
  const { count } = await tx.webhookDelivery.createMany({
    data: endpoints.map((e) => ({
      endpointId: e.id,
      alertId,
      messageId: newMessageId(),
      eventType: change,
      body: alertWebhookBody(alert!, e.format, now, change),
      nextAttemptAt: now,
    })),
  });
  return count;
}
