import 'server-only';
import type { WebhookDelivery, WebhookEndpoint } from '@prisma/client';
import { Webhook } from 'standardwebhooks';
import { isDelivered, MAX_ATTEMPTS, nextAttemptAt } from '@/lib/domain/webhooks/retry-schedule';
import { attemptSignal } from '@/lib/registries/attempt-signal';
import type { operationContext } from '@/lib/server/operation';
import { webhookFetch } from './webhook-network';
import { openWebhookSecret } from './webhook-secret';

type Db = Awaited<ReturnType<typeof operationContext>>['db'];
const TIMEOUT_MS = 10_000;

/** The three Standard Webhooks headers for one attempt: the id stays, the timestamp is the attempt's. */
export function signedHeaders(secret: string, messageId: string, at: Date, body: string): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': Math.floor(at.getTime() / 1000).toString(),
    'webhook-signature': new Webhook(secret).sign(messageId, at, body),
  };
}

/**
 * One attempt: POST the stored body, signed, through the SSRF-guarded fetch; a 2xx answer is
 * delivered, anything else (or no answer within 10 s) is retried on the backoff schedule until
 * the last attempt, then the delivery is FAILED. No transaction is held while the receiver
 * answers (PGlite has one connection); the row is updated afterwards.
 */
export async function attemptDelivery(
  db: Db,
  delivery: WebhookDelivery,
  endpoint: WebhookEndpoint,
  now: Date,
): Promise<WebhookDelivery> {
  let status: number | null = null;
  let error: string | null = null;
  // One timer for the attempt (headers and body), cleared as soon as it ends rather than left to
  // run out its 10 s as AbortSignal.timeout's does.
  const attempt = attemptSignal(undefined, TIMEOUT_MS);
  try {
    const headers = signedHeaders(openWebhookSecret(endpoint.secretSealed), delivery.messageId, now, delivery.body);
    const res = await webhookFetch()(endpoint.url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'user-agent': 'ToolLedger-Webhooks/1' },
      body: delivery.body,
      signal: attempt.signal,
    });
    status = res.status;
    const text = await res.text().catch(() => '');
    if (!isDelivered(status)) error = `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}`;
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : 'delivery failed';
  } finally {
    attempt.release();
  }
  const attempts = delivery.attempts + 1;
  const delivered = isDelivered(status);
  const next = delivered ? null : nextAttemptAt(attempts, now);
  return db.webhookDelivery.update({
    where: { id: delivery.id },
    data: {
      attempts,
      lastStatusCode: status,
      lastError: error,
      lastAttemptAt: now,
      status: delivered ? 'SUCCEEDED' : next && attempts < MAX_ATTEMPTS ? 'PENDING' : 'FAILED',
      nextAttemptAt: next,
      deliveredAt: delivered ? now : null,
    },
  });
}
