import 'server-only';
import { randomBytes } from 'node:crypto';
import { Prisma, type Alert } from '@prisma/client';
import { alertWebhookBody, alertEventType } from '@/lib/domain/webhooks/webhook-payload';
import { operationContext, type OperationContextInput } from '@/lib/server/operation';
import { alertWebhookFields } from './alert-webhook-fields';
import { attemptDelivery } from './attempt-delivery';

type Db = Awaited<ReturnType<typeof operationContext>>['db'];

// Any constant works; it only has to be the same for every instance.
const WEBHOOK_LOCK = 4_242_061;
/** A claimed delivery is someone's for this long; a crashed instance's claims come back after it. */
const LEASE_MS = 60_000;
const BATCH = 25;

export const newMessageId = () => `msg_${randomBytes(16).toString('hex')}`;

/**
 * Queues one delivery per enabled endpoint and alert it wants (its event types), for alerts
 * raised since the endpoint was created. An outbox read from the alerts table, not a hook in every
 * place that raises an alert: whoever adds an alert kind gets webhooks for free. The unique
 * (endpoint, raised alert) pair makes a second instance's enqueue a no-op. The body is the alert
 * as it stands now: assigned or noted before this tick, it says so (each change also has its
 * own message, queued by queueAlertChangeDeliveries).
 */
export async function enqueueAlertDeliveries(db: Db, now: Date): Promise<number> {
  const endpoints = await db.webhookEndpoint.findMany({ where: { disabledAt: null } });
  let queued = 0;
  for (const endpoint of endpoints) {
    const wanted = endpoint.eventTypes.length
      ? Prisma.sql`AND ('alert.' || a.kind) = ANY(${endpoint.eventTypes}::text[])`
      : Prisma.empty;
    const alerts = await db.$queryRaw<Alert[]>`
      SELECT a.* FROM "Alert" a
      WHERE a."createdAt" >= ${endpoint.createdAt} ${wanted}
        AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" d WHERE d."endpointId" = ${endpoint.id} AND d."raisedAlertId" = a.id)
      ORDER BY a."createdAt" LIMIT 200`;
    if (!alerts.length) continue;
    const { count } = await db.webhookDelivery.createMany({
      data: (await alertWebhookFields(db, alerts)).map((a) => ({
        endpointId: endpoint.id,
        alertId: a.id,
        raisedAlertId: a.id,
        messageId: newMessageId(),
        eventType: alertEventType(a.kind),
        body: alertWebhookBody(a, endpoint.format, now),
        nextAttemptAt: now,
      })),
      skipDuplicates: true,
    });
    queued += count;
  }
  return queued;
}

/**
 * One tick of the delivery loop (ADR 0001's pattern: a timer in every instance, the database
 * decides who works): queue new alerts, claim the due deliveries under a lease, attempt each
 * outside any transaction, one after another. Returns how many were attempted.
 */
export async function runWebhookDeliveries(ctx?: OperationContextInput): Promise<number> {
  const { db, now } = await operationContext(ctx);
  await enqueueAlertDeliveries(db, now);
  const due = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${WEBHOOK_LOCK}) AS locked`;
    if (!rows[0]?.locked) return [];
    const found = await tx.webhookDelivery.findMany({
      where: { status: 'PENDING', nextAttemptAt: { lte: now }, endpoint: { disabledAt: null } },
      orderBy: { nextAttemptAt: 'asc' },
      take: BATCH,
      include: { endpoint: true },
    });
    // The lease: committed before any attempt, so another instance's tick skips these.
    await tx.webhookDelivery.updateMany({
      where: { id: { in: found.map((d) => d.id) } },
      data: { nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
    });
    return found;
  });
  for (const { endpoint, ...delivery } of due) await attemptDelivery(db, delivery, endpoint, now);
  return due.length;
}

const holder = globalThis as typeof globalThis & { __toolledgerWebhookDeliveries?: NodeJS.Timeout };
const TICK_MS = 5_000;

/** Starts the delivery loop in this process (every 5 s). */
export function startWebhookDeliveryScheduler(): void {
  if (holder.__toolledgerWebhookDeliveries) return;
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    runWebhookDeliveries()
      .catch((e: unknown) => console.error('Webhook delivery tick failed:', e))
      .finally(() => {
        busy = false;
      });
  };
  holder.__toolledgerWebhookDeliveries = setInterval(tick, TICK_MS);
  holder.__toolledgerWebhookDeliveries.unref();
}
