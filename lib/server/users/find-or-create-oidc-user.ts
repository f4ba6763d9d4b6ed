import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { env } from '@/lib/env';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { SYSTEM_ACTOR } from '@/lib/server/actor';

/** Company SSO: the first sign-in creates the user with the configured default role. */
export async function findOrCreateOidcUser(email: string, name: string) {
  const prisma = await getPrisma();
  const normalized = email.toLowerCase();
  const existing = await prisma.user.findUnique({ where: { email: normalized } });
  if (existing) return existing.active ? existing : null;
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: normalized, name: name || normalized, role: env().OIDC_DEFAULT_ROLE } });
    await recordAuditEvent(tx, SYSTEM_ACTOR, { action: 'user.createdBySso', entityType: 'User', entityId: user.id, after: { email: user.email, role: user.role } });
    return user;
  });
}
