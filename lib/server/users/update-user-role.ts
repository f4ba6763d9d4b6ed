import 'server-only';
import { badRequest, notFound } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZUpdateUserRoleInput, type TUpdateUserRoleInput } from '@/lib/validation/user';
import { END_SESSIONS } from './sign-in-service';
import { countOtherActiveAdmins, lockUserAdministration, userAuditView } from './user-admin-lock';

/**
 * Changes a user's role and ends the user's sessions, so they sign in again under the new role
 * (a session that outlived a role change would be hard to explain to an auditor).
 */
export async function updateUserRole({ actor, input }: OperationCall<TUpdateUserRoleInput>, ctx?: OperationContextInput) {
  const { db: prisma } = await operationContext(ctx);
  const { userId, role } = authorize(actor, 'user:manage', ZUpdateUserRoleInput, input);
  return prisma.$transaction(async (tx) => {
    await lockUserAdministration(tx);
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw notFound('User');
    if (before.role === role) return userAuditView(before);
    if (before.role === 'ADMIN') {
      if (actor.type === 'USER' && actor.id === userId) {
        throw badRequest('You cannot remove your own admin role', [
          { path: 'role', message: 'Ask another admin to change your role' },
        ]);
      }
      if (before.active && (await countOtherActiveAdmins(tx, userId)) === 0) {
        throw badRequest('At least one active admin must remain', [{ path: 'role', message: 'This is the last active admin' }]);
      }
    }
    const after = await tx.user.update({ where: { id: userId }, data: { role, ...END_SESSIONS } });
    await recordAuditEvent(tx, actor, {
      action: 'user.roleChanged',
      entityType: 'User',
      entityId: userId,
      before: userAuditView(before),
      after: userAuditView(after),
    });
    return userAuditView(after);
  });
}
