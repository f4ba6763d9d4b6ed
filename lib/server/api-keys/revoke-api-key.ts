import 'server-only';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { conflict, notFound } from '@/lib/server/errors';
import { forgetCachedApiKeys } from './authenticate-api-key';

export async function revokeApiKey(actor: Actor, id: string): Promise<{ id: string; revokedAt: Date }> {
  assertActorCan(actor, 'apiKey:manage');
  const prisma = await getPrisma();
  const result = await prisma.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id }, select: { id: true, name: true, prefix: true, revokedAt: true } });
    if (!key) throw notFound('API key');
    if (key.revokedAt) throw conflict('This key is already revoked');
    // Conditional update: two revocations at once cannot both succeed.
    const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count !== 1) throw conflict('This key is already revoked');
    const after = await tx.apiKey.findUniqueOrThrow({ where: { id }, select: { revokedAt: true } });
    await recordAuditEvent(tx, actor, { action: 'apiKey.revoked', entityType: 'ApiKey', entityId: id, before: { name: key.name, prefix: key.prefix, revokedAt: null }, after });
    return { id, revokedAt: after.revokedAt! };
  });
  forgetCachedApiKeys();
  return result;
}
