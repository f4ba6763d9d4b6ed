import 'server-only';
import type { User } from '@prisma/client';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import {
  clearSignInFailures,
  countSignInFailure,
  signInBlockedForMs,
  tooManyAttemptsMessage,
} from '@/lib/server/rate-limit/sign-in-throttle';
import { ZPasswordSignInAttempt, type TPasswordSignInAttempt } from '@/lib/validation/auth';
import { assertSignInService, personActor, type SignedInUser } from './sign-in-service';

export type PasswordSignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number; message: string };

// Compared against when the email is unknown, so timing does not tell which emails exist.
let dummyHash: Promise<string> | undefined;

function failureReason(user: User | null): string {
  if (!user) return 'unknown_email';
  if (!user.active) return 'deactivated';
  return user.passwordHash ? 'wrong_password' : 'no_password';
}

/**
 * Email and password sign-in: throttled per account and per client address (shared through the
 * database), and every outcome but a throttled one lands in the audit trail (SOC 2 CC6): the
 * success with `lastSignInAt` in one transaction, the failure with its reason, never the password.
 * Throttled attempts are only logged: they check no password, and writing each one would let a
 * flood of them grow the audit chain.
 */
export async function signInWithPassword(
  { actor, input }: OperationCall<TPasswordSignInAttempt>,
  ctx?: OperationContextInput,
): Promise<PasswordSignInResult> {
  const { db, now } = await operationContext(ctx);
  assertSignInService(actor);
  const parsed = ZPasswordSignInAttempt.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { password, clientAddress } = parsed.data;
  const email = parsed.data.email.toLowerCase();
  const attempt = { email, clientAddress };

  const blockedMs = await signInBlockedForMs(db, attempt);
  if (blockedMs > 0) {
    console.warn(`[security] sign-in throttled for ${email} from ${clientAddress ?? 'unknown address'}`);
    return { ok: false, reason: 'throttled', retryAfterMs: blockedMs, message: tooManyAttemptsMessage(blockedMs) };
  }

  const user = await db.user.findUnique({ where: { email } });
  const usable = user?.active && user.passwordHash ? user.passwordHash : null;
  dummyHash ??= hashPassword('not-a-real-password');
  const valid = await verifyPassword(usable ?? (await dummyHash), password);

  if (!user || !usable || !valid) {
    const waitMs = await countSignInFailure(db, attempt);
    await db.$transaction((tx) =>
      recordAuditEvent(tx, actor, {
        action: 'user.signInFailed',
        entityType: user ? 'User' : 'SignIn',
        entityId: user?.id ?? email,
        after: { email, method: 'password', reason: failureReason(user), clientAddress, throttled: waitMs > 0 },
      }),
    );
    if (waitMs > 0) {
      console.warn(`[security] sign-in blocked for ${email} from ${clientAddress ?? 'unknown address'} after repeated failures`);
      return { ok: false, reason: 'throttled', retryAfterMs: waitMs, message: tooManyAttemptsMessage(waitMs) };
    }
    return { ok: false, reason: 'invalid' };
  }

  const signedIn = await db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    await recordAuditEvent(tx, personActor(updated), {
      action: 'user.signedIn',
      entityType: 'User',
      entityId: updated.id,
      before: { lastSignInAt: user.lastSignInAt },
      after: { email: updated.email, method: 'password', clientAddress, lastSignInAt: updated.lastSignInAt },
    });
    return updated;
  });
  await clearSignInFailures(db, attempt);
  const { id, name, role, sessionVersion } = signedIn;
  return { ok: true, user: { id, email: signedIn.email, name, role, sessionVersion } };
}
