import 'server-only';
import type { Prisma, User } from '@prisma/client';
import { oidcPolicy } from '@/lib/auth/oidc-policy';
import {
  decideOidcSignIn,
  normalizeOidcEmail,
  OIDC_REFUSAL_MESSAGES,
  type KnownAccount,
  type OidcRefusal,
} from '@/lib/domain/auth/oidc-sign-in';
import { env } from '@/lib/env';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZOidcSignInAttempt, type TOidcSignInAttempt } from '@/lib/validation/auth';
import { assertSignInService, personActor, type SignedInUser } from './sign-in-service';

export type OidcSignInResult =
  { ok: true; user: SignedInUser; created: boolean } | { ok: false; reason: OidcRefusal; message: string };

function known(u: User | null): KnownAccount | null {
  if (!u) return null;
  const { id, active, oidcSubject } = u;
  return { id, active, oidcSubject, hasPassword: u.passwordHash !== null, ssoLinkApproved: u.ssoLinkApprovedAt !== null };
}

async function signedIn(
  tx: Prisma.TransactionClient,
  user: User,
  now: Date,
  details: Record<string, unknown>,
): Promise<SignedInUser> {
  const updated = await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  await recordAuditEvent(tx, personActor(updated), {
    action: 'user.signedIn',
    entityType: 'User',
    entityId: updated.id,
    before: { lastSignInAt: user.lastSignInAt },
    after: { email: updated.email, method: 'oidc', lastSignInAt: updated.lastSignInAt, ...details },
  });
  const { id, email, name, role, sessionVersion } = updated;
  return { id, email, name, role, sessionVersion };
}

/**
 * Company SSO sign-in (decided by lib/domain/auth/oidc-sign-in): an identity the provider has
 * verified, from an allowed domain or group, signs into the account bound to its `sub`, or is
 * bound to an account an admin linked (or an SSO-only one), or gets a new account with
 * OIDC_DEFAULT_ROLE. It never enters a local account on a matching email alone. Every outcome is
 * audited, refusals included.
 */
export async function findOrCreateOidcUser(
  { actor, input }: OperationCall<TOidcSignInAttempt>,
  ctx?: OperationContextInput,
): Promise<OidcSignInResult> {
  const { db, now } = await operationContext(ctx);
  assertSignInService(actor);
  const { claims, clientAddress } = parseInput(ZOidcSignInAttempt, input);
  const email = normalizeOidcEmail(claims.email);
  return db.$transaction(async (tx) => {
    const bySubject = await tx.user.findUnique({ where: { oidcSubject: claims.sub } });
    const byEmail = bySubject || !email ? null : await tx.user.findUnique({ where: { email } });
    const decision = decideOidcSignIn({ claims, policy: oidcPolicy(), bySubject: known(bySubject), byEmail: known(byEmail) });
    const details = { clientAddress, subject: claims.sub };

    if (decision.outcome === 'refuse') {
      const account = bySubject ?? byEmail;
      await recordAuditEvent(tx, actor, {
        action: 'user.signInFailed',
        entityType: account ? 'User' : 'SignIn',
        entityId: account?.id ?? email ?? `oidc:${claims.sub}`,
        after: { email, method: 'oidc', reason: decision.reason, emailVerified: claims.email_verified ?? null, ...details },
      });
      console.warn(`[security] SSO sign-in refused (${decision.reason}) for ${email ?? claims.sub}`);
      return { ok: false, reason: decision.reason, message: OIDC_REFUSAL_MESSAGES[decision.reason] };
    }

    if (decision.outcome === 'create') {
      const name = claims.name?.trim() || decision.email;
      const user = await tx.user.create({
        data: { email: decision.email, name, role: env().OIDC_DEFAULT_ROLE, oidcSubject: claims.sub },
      });
      await recordAuditEvent(tx, actor, {
        action: 'user.createdBySso',
        entityType: 'User',
        entityId: user.id,
        after: { email: user.email, role: user.role, subject: claims.sub },
      });
      return { ok: true, user: await signedIn(tx, user, now, details), created: true };
    }

    let user = (bySubject ?? byEmail)!;
    if (decision.bindSubject) {
      user = await tx.user.update({ where: { id: user.id }, data: { oidcSubject: claims.sub } });
      await recordAuditEvent(tx, actor, {
        action: 'user.ssoLinked',
        entityType: 'User',
        entityId: user.id,
        before: { oidcSubject: null },
        after: { email: user.email, oidcSubject: claims.sub, approvedByAdmin: user.ssoLinkApprovedAt !== null },
      });
    }
    return { ok: true, user: await signedIn(tx, user, now, details), created: false };
  });
}
