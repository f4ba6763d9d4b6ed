import 'server-only';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { badRequest, forbidden } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZChangeOwnPasswordInput, type TChangeOwnPasswordInput } from '@/lib/validation/user';
import { END_SESSIONS } from './sign-in-service';

/**
 * Any signed-in person changes their own password, proving the current one first. Allowed for
 * every role (the auditor included, ADR 0002): it changes their credential, not the governed
 * records. It ends every session the person holds, this one included: whoever else held a
 * session (a stolen cookie, a forgotten browser) is out at once, and the person signs in again
 * with the new password (the form says so and takes them to sign-in).
 */
export async function changeOwnPassword({ actor, input }: OperationCall<TChangeOwnPasswordInput>, ctx?: OperationContextInput) {
  const { db: prisma } = await operationContext(ctx);
  if (actor.type !== 'USER') throw forbidden('Only a signed-in person can change their password');
  const data = parseInput(ZChangeOwnPasswordInput, input);
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
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, ...END_SESSIONS } });
    await recordAuditEvent(tx, actor, {
      action: 'user.passwordChanged',
      entityType: 'User',
      entityId: user.id,
      after: { email: user.email, sessionsEnded: true },
    });
  });
  return { id: user.id, signInAgain: true as const };
}
