import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/server/actor';
import { notFound } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { ZResetUserPasswordInput, type TResetUserPasswordInput } from '@/lib/validation/user';

/** An admin sets a new password for a user (e.g. a forgotten one). The audit says it happened, never what it is. */
export async function resetUserPassword({ actor, input }: { actor: Actor; input: TResetUserPasswordInput }) {
  assertActorCan(actor, 'user:manage');
  const { userId, password } = ZResetUserPasswordInput.parse(input);
  const prisma = await getPrisma();
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, passwordHash: true } });
    if (!before) throw notFound('User');
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await recordAuditEvent(tx, actor, {
      action: 'user.passwordReset',
      entityType: 'User',
      entityId: userId,
      before: { email: before.email, hadPassword: before.passwordHash !== null },
      after: { email: before.email, hadPassword: true },
    });
    return { id: before.id, email: before.email };
  });
}
