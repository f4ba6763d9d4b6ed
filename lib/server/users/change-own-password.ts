import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/server/actor';
import { badRequest, forbidden } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { ZChangeOwnPasswordInput, type TChangeOwnPasswordInput } from '@/lib/validation/user';

/**
 * Any signed-in person changes their own password, proving the current one first. Allowed for
 * every role (the auditor included): it changes their credential, not the governed records.
 */
export async function changeOwnPassword({ actor, input }: { actor: Actor; input: TChangeOwnPasswordInput }) {
  if (actor.type !== 'USER') throw forbidden('Only a signed-in person can change their password');
  const data = ZChangeOwnPasswordInput.parse(input);
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({
    where: { id: actor.id },
    select: { id: true, email: true, passwordHash: true, active: true },
  });
  if (!user || !user.active) throw forbidden();
  if (!user.passwordHash) throw badRequest('Your account signs in through company SSO and has no password here');
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw badRequest('The current password is wrong', [{ path: 'currentPassword', message: 'The current password is wrong' }]);
  }
  const passwordHash = await hashPassword(data.newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await recordAuditEvent(tx, actor, {
      action: 'user.passwordChanged',
      entityType: 'User',
      entityId: user.id,
      after: { email: user.email },
    });
  });
  return { id: user.id };
}
