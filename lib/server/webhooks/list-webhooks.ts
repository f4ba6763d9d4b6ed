import 'server-only';
import type { Prisma } from '@prisma/client';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZListWebhookDeliveriesInput, type TListWebhookDeliveriesInput } from '@/lib/validation/webhook';

export const DELIVERY_PAGE_SIZE = 50;

/** Endpoints as the settings page shows them: never the sealed secret, only its hint. */
export async function listWebhookEndpoints({ actor }: OperationCall<Record<string, never>>, ctx?: OperationContextInput) {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'webhook:read');
  const endpoints = await db.webhookEndpoint.findMany({
    orderBy: { createdAt: 'desc' },
    omit: { secretSealed: true },
    include: { _count: { select: { deliveries: true } } },
  });
  return endpoints.map(({ _count, ...e }) => ({ ...e, deliveryCount: _count.deliveries }));
}

/** The delivery log: newest first, by endpoint and status, 50 a page. */
export async function listWebhookDeliveries(
  { actor, input }: OperationCall<TListWebhookDeliveriesInput>,
  ctx?: OperationContextInput,
) {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'webhook:read');
  const { endpointId, status, page } = parseInput(ZListWebhookDeliveriesInput, input);
  const where: Prisma.WebhookDeliveryWhereInput = { ...(endpointId ? { endpointId } : {}), ...(status ? { status } : {}) };
  const [rows, total] = await Promise.all([
    db.webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * DELIVERY_PAGE_SIZE,
      take: DELIVERY_PAGE_SIZE,
      omit: { body: true },
      include: { endpoint: { select: { url: true } } },
    }),
    db.webhookDelivery.count({ where }),
  ]);
  return { rows, total, page, pageSize: DELIVERY_PAGE_SIZE };
}
