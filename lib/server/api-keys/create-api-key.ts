import 'server-only';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { badRequest, forbidden } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZCreateApiKeyInput, type TCreateApiKeyInput } from '@/lib/validation/api-key';
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from './api-key-secret';

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  /** Shown once; only its hash is stored. */
  secret: string;
}

/**
 * The documented variant of the operation context: the demo seed (and test fixtures) pass the
 * fixed, documented secret. It lives in the context, not the input, so no form or API body can
 * choose a key's secret.
 */
export type CreateApiKeyContext = OperationContextInput & { secret?: string };

/** Creates a key; the secret leaves the server exactly once, in this return value. */
export async function createApiKey(
  { actor, input }: OperationCall<TCreateApiKeyInput>,
  ctx: CreateApiKeyContext = {},
): Promise<CreatedApiKey> {
  const { db, now } = await operationContext(ctx);
  const data = authorize(actor, 'apiKey:manage', ZCreateApiKeyInput, input);
  // A key records the person who created it (createdById): the system has no such row.
  if (actor.type !== 'USER') throw forbidden('Only a signed-in person can create an API key');
  const secret = ctx.secret ?? generateApiKeySecret(data.scopes);
  const expiresAt = data.expiresInDays ? new Date(now.getTime() + data.expiresInDays * 86_400_000) : null;
  return db.$transaction(async (tx) => {
    if (data.agentId) {
      const agent = await tx.agent.findUnique({ where: { id: data.agentId }, select: { id: true } });
      if (!agent) throw badRequest('agentId: unknown agent', [{ path: 'agentId', message: 'Unknown agent' }]);
    }
    const key = await tx.apiKey.create({
      data: {
        name: data.name,
        prefix: apiKeyPrefix(secret),
        secretHash: hashApiKeySecret(secret),
        scopes: [...new Set(data.scopes)],
        agentId: data.agentId ?? null,
        createdById: actor.id,
        expiresAt,
      },
    });
    const { secretHash: _omit, ...safe } = key;
    await recordAuditEvent(tx, actor, { action: 'apiKey.created', entityType: 'ApiKey', entityId: key.id, after: safe });
    return { id: key.id, name: key.name, prefix: key.prefix, secret };
  });
}
