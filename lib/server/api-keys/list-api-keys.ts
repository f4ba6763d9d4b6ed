import 'server-only';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';

/** Every key with what people need to manage it; never the hash. */
export async function listApiKeys({ actor }: OperationCall<Record<string, never>>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'apiKey:read');
  const rows = await db.apiKey.findMany({
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    take: 500,
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      agent: { select: { id: true, name: true } },
      createdBy: { select: { name: true, email: true } },
    },
  });
  return rows.map((k) => ({ ...k, expired: k.expiresAt !== null && k.expiresAt.getTime() <= now.getTime() }));
}

export type ApiKeyListItem = Awaited<ReturnType<typeof listApiKeys>>[number];
