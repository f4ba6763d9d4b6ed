import 'server-only';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { conflict, notFound } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZRevokeApiKeyInput, type TRevokeApiKeyInput } from '@/lib/validation/api-key';
import { forgetCachedApiKeys } from './authenticate-api-key';

export async function revokeApiKey(
  { actor, input }: OperationCall<TRevokeApiKeyInput>,
  ctx?: OperationContextInput,
): Promise<{ id: string; revokedAt: Date }> {
  const { db, now } = await operationContext(ctx);
  const { id } = authorize(actor, 'apiKey:manage', ZRevokeApiKeyInput, input);
  const result = await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id }, select: { id: true, name: true, prefix: true, revokedAt: true } });
    if (!key) throw notFound('API key');
    if (key.revokedAt) throw conflict('This key is already revoked');
    // Conditional update: two revocations at once cannot both succeed.
    const { count } = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    if (count !== 1) throw conflict('This key is already revoked');
    const after = await tx.apiKey.findUniqueOrThrow({ where: { id }, select: { revokedAt: true } });
    await recordAuditEvent(tx, actor, {
      action: 'apiKey.revoked',
      entityType: 'ApiKey',
      entityId: id,
      before: { name: key.name, prefix: key.prefix, revokedAt: null },
      after,
    });
    return { id, revokedAt: after.revokedAt! };
  });
  forgetCachedApiKeys();
  return result;
}
