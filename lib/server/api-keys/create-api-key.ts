import 'server-only';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import type { PrismaClient } from '@prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { badRequest } from '@/lib/server/errors';
import type { TCreateApiKeyInput } from '@/lib/validation/api-key';
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from './api-key-secret';

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  /** Shown once; only its hash is stored. */
  secret: string;
}

/** Creates a key; the secret leaves the server exactly once, in this return value. */
export async function createApiKey(
  actor: Actor & { type: 'USER' },
  input: TCreateApiKeyInput,
  // The demo seed passes its fixed, documented secret and the database being bootstrapped.
  options: { secret?: string; prisma?: PrismaClient } = {},
): Promise<CreatedApiKey> {
  assertActorCan(actor, 'apiKey:manage');
  const prisma = options.prisma ?? (await getPrisma());
  const secret = options.secret ?? generateApiKeySecret(input.scopes);
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  return prisma.$transaction(async (tx) => {
    if (input.agentId) {
      const agent = await tx.agent.findUnique({ where: { id: input.agentId }, select: { id: true } });
      if (!agent) throw badRequest('agentId: unknown agent', [{ path: 'agentId', message: 'Unknown agent' }]);
    }
    const key = await tx.apiKey.create({
      data: {
        name: input.name,
        prefix: apiKeyPrefix(secret),
        secretHash: hashApiKeySecret(secret),
        scopes: [...new Set(input.scopes)],
        agentId: input.agentId ?? null,
        createdById: actor.id,
        expiresAt,
      },
    });
    const { secretHash: _omit, ...safe } = key;
    await recordAuditEvent(tx, actor, { action: 'apiKey.created', entityType: 'ApiKey', entityId: key.id, after: safe });
    return { id: key.id, name: key.name, prefix: key.prefix, secret };
  });
}
