import 'server-only';
import { badRequest, notFound } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZSetUserActiveInput, type TSetUserActiveInput } from '@/lib/validation/user';
import { END_SESSIONS } from './sign-in-service';
import { countOtherActiveAdmins, lockUserAdministration, userAuditView } from './user-admin-lock';

/**
 * Deactivates or reactivates a user. Users are never deleted: their id stays in the audit
 * trail. Deactivation ends every session the user holds (their session version moves on), so a
 * reactivated user signs in afresh.
 */
export async function setUserActive({ actor, input }: OperationCall<TSetUserActiveInput>, ctx?: OperationContextInput) {
  const { db: prisma } = await operationContext(ctx);
  const { userId, active } = authorize(actor, 'user:manage', ZSetUserActiveInput, input);
  return prisma.$transaction(async (tx) => {
    await lockUserAdministration(tx);
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw notFound('User');
    if (before.active === active) return userAuditView(before);
    if (!active) {
      if (actor.type === 'USER' && actor.id === userId) {
        throw badRequest('You cannot deactivate yourself', [{ path: 'active', message: 'Ask another admin to do this' }]);
      }
      if (before.role === 'ADMIN' && (await countOtherActiveAdmins(tx, userId)) === 0) {
        throw badRequest('At least one active admin must remain', [{ path: 'active', message: 'This is the last active admin' }]);
      }
    }
    const after = await tx.user.update({ where: { id: userId }, data: { active, ...(active ? {} : END_SESSIONS) } });
    await recordAuditEvent(tx, actor, {
      action: active ? 'user.reactivated' : 'user.deactivated',
      entityType: 'User',
      entityId: userId,
      before: userAuditView(before),
      after: userAuditView(after),
    });
    return userAuditView(after);
  });
}
