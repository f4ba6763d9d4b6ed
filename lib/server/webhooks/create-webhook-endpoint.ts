import 'server-only';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZCreateWebhookEndpointInput, type TCreateWebhookEndpointInput } from '@/lib/validation/webhook';
import { assertWebhookUrlAllowed } from './webhook-network';
import { newWebhookSecret, sealWebhookSecret } from './webhook-secret';

export interface CreatedWebhookEndpoint {
  id: string;
  url: string;
  /** `whsec_…`: shown once, here; the receiver verifies signatures with it. */
  secret: string;
}

/** An admin adds a receiver; the URL passes the SSRF guard, the secret is sealed and leaves the server once. */
export async function createWebhookEndpoint(
  { actor, input }: OperationCall<TCreateWebhookEndpointInput>,
  ctx?: OperationContextInput,
): Promise<CreatedWebhookEndpoint> {
  const { db } = await operationContext(ctx);
  const data = authorize(actor, 'webhook:manage', ZCreateWebhookEndpointInput, input);
  await assertWebhookUrlAllowed(data.url);
  const secret = newWebhookSecret();
  const secretSealed = sealWebhookSecret(secret);
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        url: data.url,
        description: data.description,
        eventTypes: data.eventTypes ?? [],
        format: data.format,
        secretSealed,
        secretHint: `…${secret.slice(-4)}`,
        createdById: actor.type === 'USER' ? actor.id : null,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: 'webhookEndpoint.created',
      entityType: 'WebhookEndpoint',
      entityId: endpoint.id,
      after: {
        url: endpoint.url,
        description: endpoint.description,
        eventTypes: endpoint.eventTypes,
        format: endpoint.format,
        secretHint: endpoint.secretHint,
      },
    });
    return { id: endpoint.id, url: endpoint.url, secret };
  });
}
