import 'server-only';
import type { PrismaClient } from '@prisma/client';
import { isLimitReached, prismaLimiter, type LimiterSpec } from './prisma-limiter';

/**
 * Failed sign-ins counted per account (the attempted email, known or not, so the limit does not
 * tell which emails exist) and per client address. Past either limit, sign-in is refused without
 * checking the password until the block ends. A successful sign-in clears the account's count.
 */
export const SIGN_IN_LIMITS = {
  account: { keyPrefix: 'signin-account', points: 5, durationSeconds: 15 * 60, blockDurationSeconds: 15 * 60 },
  address: { keyPrefix: 'signin-address', points: 50, durationSeconds: 15 * 60, blockDurationSeconds: 15 * 60 },
} as const satisfies Record<string, LimiterSpec>;

export interface SignInAttemptKey {
  email: string;
  clientAddress: string | null;
}

function limiters(db: PrismaClient, key: SignInAttemptKey) {
  const list = [{ limiter: prismaLimiter(db, SIGN_IN_LIMITS.account), key: key.email.toLowerCase() }];
  if (key.clientAddress) list.push({ limiter: prismaLimiter(db, SIGN_IN_LIMITS.address), key: key.clientAddress });
  return list;
}

/** Milliseconds until sign-in is allowed again for this account or address; 0 when allowed now. */
export async function signInBlockedForMs(db: PrismaClient, key: SignInAttemptKey): Promise<number> {
  let wait = 0;
  for (const { limiter, key: k } of limiters(db, key)) {
    const res = await limiter.get(k);
    if (res && res.consumedPoints > limiter.points) wait = Math.max(wait, res.msBeforeNext);
  }
  return wait;
}

/**
 * Counts one failure; returns how long sign-in is now blocked (0 while still under the limits).
 * The failure that reaches a limit starts the block, so the limit is the number of failures allowed.
 */
export async function countSignInFailure(db: PrismaClient, key: SignInAttemptKey): Promise<number> {
  let wait = 0;
  for (const { limiter, key: k } of limiters(db, key)) {
    try {
      const res = await limiter.consume(k);
      if (res.consumedPoints < limiter.points) continue;
      await limiter.block(k, limiter.blockDuration);
      wait = Math.max(wait, limiter.blockDuration * 1000);
    } catch (err) {
      if (!isLimitReached(err)) throw err;
      wait = Math.max(wait, err.msBeforeNext);
    }
  }
  return wait;
}

export async function clearSignInFailures(db: PrismaClient, key: SignInAttemptKey): Promise<void> {
  await prismaLimiter(db, SIGN_IN_LIMITS.account).delete(key.email.toLowerCase());
}

export function tooManyAttemptsMessage(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `Too many attempts: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
