import 'server-only';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { badRequest, notFound } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { ZUpdateUserRoleInput, type TUpdateUserRoleInput } from '@/lib/validation/user';
import { countOtherActiveAdmins, lockUserAdministration, userAuditView } from './user-admin-lock';

/** Changes a user's role; applies on the user's next request (the session reads the role from the database). */
export async function updateUserRole({ actor, input }: { actor: Actor; input: TUpdateUserRoleInput }) {
  assertActorCan(actor, 'user:manage');
  const { userId, role } = ZUpdateUserRoleInput.parse(input);
  const prisma = await getPrisma();
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
    const after = await tx.user.update({ where: { id: userId }, data: { role } });
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
