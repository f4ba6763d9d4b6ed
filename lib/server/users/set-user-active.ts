import 'server-only';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { badRequest, notFound } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { ZSetUserActiveInput, type TSetUserActiveInput } from '@/lib/validation/user';
import { countOtherActiveAdmins, lockUserAdministration, userAuditView } from './user-admin-lock';

/**
 * Deactivates or reactivates a user. Users are never deleted: their id stays in the audit
 * trail. A deactivated user's open session is refused on its next request.
 */
export async function setUserActive({ actor, input }: { actor: Actor; input: TSetUserActiveInput }) {
  assertActorCan(actor, 'user:manage');
  const { userId, active } = ZSetUserActiveInput.parse(input);
  const prisma = await getPrisma();
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
    const after = await tx.user.update({ where: { id: userId }, data: { active } });
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
