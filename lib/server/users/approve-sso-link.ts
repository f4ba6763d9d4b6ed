import 'server-only';
import { conflict, notFound } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZApproveSsoLinkInput, type TApproveSsoLinkInput } from '@/lib/validation/user';

/**
 * An admin allows a local account (one with a password) to be signed into through company SSO.
 * The identity provider's `sub` is bound at that person's next SSO sign-in with the same,
 * verified email; until an admin does this, a matching email never opens the account.
 */
export async function approveSsoLink({ actor, input }: OperationCall<TApproveSsoLinkInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  const { userId } = authorize(actor, 'user:manage', ZApproveSsoLinkInput, input);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw notFound('User');
    if (before.oidcSubject) throw conflict(`${before.email} already signs in through SSO`);
    if (before.ssoLinkApprovedAt) return { id: before.id, email: before.email, ssoLinkApprovedAt: before.ssoLinkApprovedAt };
    const after = await tx.user.update({
      where: { id: userId },
      data: { ssoLinkApprovedAt: now, ssoLinkApprovedById: actor.type === 'SYSTEM' ? null : actor.id },
    });
    await recordAuditEvent(tx, actor, {
      action: 'user.ssoLinkApproved',
      entityType: 'User',
      entityId: userId,
      before: { email: before.email, ssoLinkApprovedAt: null },
      after: { email: after.email, ssoLinkApprovedAt: after.ssoLinkApprovedAt },
    });
    return { id: after.id, email: after.email, ssoLinkApprovedAt: after.ssoLinkApprovedAt };
  });
}
