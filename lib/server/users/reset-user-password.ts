import 'server-only';
import { hashPassword } from '@/lib/auth/password';
import { notFound } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { END_SESSIONS } from './sign-in-service';
import { ZResetUserPasswordInput, type TResetUserPasswordInput } from '@/lib/validation/user';

/**
 * An admin sets a new password for a user (e.g. a forgotten one) and ends every session the user
 * holds. The audit says it happened, never what it is.
 */
export async function resetUserPassword({ actor, input }: OperationCall<TResetUserPasswordInput>, ctx?: OperationContextInput) {
  const { db: prisma } = await operationContext(ctx);
  const { userId, password } = authorize(actor, 'user:manage', ZResetUserPasswordInput, input);
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, passwordHash: true } });
    if (!before) throw notFound('User');
    await tx.user.update({ where: { id: userId }, data: { passwordHash, ...END_SESSIONS } });
    await recordAuditEvent(tx, actor, {
      action: 'user.passwordReset',
      entityType: 'User',
      entityId: userId,
      before: { email: before.email, hadPassword: before.passwordHash !== null },
      after: { email: before.email, hadPassword: true, sessionsEnded: true },
    });
    return { id: before.id, email: before.email };
  });
}
