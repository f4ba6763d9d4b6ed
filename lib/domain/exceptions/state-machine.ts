import type { Refusal, UserRole } from '../change-requests/state-machine';
import type { ExceptionStatus, PolicyRule } from '../policy/types';

// Policy exceptions: REQUESTED → APPROVED | REJECTED; APPROVED → REVOKED (by a reviewer) or back
// to REQUESTED (reopened by a material change of the tool). Expiry is not a state: coverage
// compares expiresAt with now at read time, so an exception lapses at its second, scheduler or not.

export type { ExceptionStatus };
export type ExceptionCheck = { ok: true } | Refusal;

export const EXCEPTION_STATUSES: readonly ExceptionStatus[] = ['REQUESTED', 'APPROVED', 'REJECTED', 'REVOKED'];

/** What a person sees: the stored status, refined by time and reopening. */
export type ExceptionStanding = 'requested' | 'reopened' | 'approved' | 'expiring' | 'expired' | 'rejected' | 'revoked';

export const STANDING_LABELS: Record<ExceptionStanding, string> = {
  requested: 'Awaiting review',
  reopened: 'Reopened for review',
  approved: 'Approved',
  expiring: 'Expiring soon',
  expired: 'Expired',
  rejected: 'Rejected',
  revoked: 'Revoked',
};

export const STANDING_TONES = {
  requested: 'blue',
  reopened: 'yellow',
  approved: 'green',
  expiring: 'yellow',
  expired: 'red',
  rejected: 'gray',
  revoked: 'gray',
} as const satisfies Record<ExceptionStanding, string>;

/** An approved exception this close to its expiry is flagged and alerted. */
export const EXPIRING_SOON_DAYS = 14;
export const DAY_MS = 86_400_000;

export function exceptionStanding(
  e: { status: ExceptionStatus; expiresAt: Date; reopenedAt: Date | null },
  now: Date,
): ExceptionStanding {
  if (e.status === 'REJECTED') return 'rejected';
  if (e.status === 'REVOKED') return 'revoked';
  if (e.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (e.status === 'REQUESTED') return e.reopenedAt ? 'reopened' : 'requested';
  return e.expiresAt.getTime() - now.getTime() <= EXPIRING_SOON_DAYS * DAY_MS ? 'expiring' : 'approved';
}

export const EXCEPTION_REASONS = {
  decideOwn: 'Segregation of duties: you requested this exception, so another security reviewer must decide it',
  role: 'Exceptions are decided by a security reviewer or an admin',
} as const;

const DECIDERS: readonly UserRole[] = ['SECURITY_REVIEWER', 'ADMIN'];

/** May this person approve or reject it? Only one awaiting review, not expired, never by its requester. */
export function checkExceptionDecision(input: {
  status: ExceptionStatus;
  expiresAt: Date;
  now: Date;
  role: UserRole;
  userId: string;
  requestedById: string;
}): ExceptionCheck {
  if (input.status !== 'REQUESTED')
    return { ok: false, code: 'closed', reason: `The exception is ${input.status.toLowerCase()}: there is nothing to decide` };
  if (input.expiresAt.getTime() <= input.now.getTime())
    return { ok: false, code: 'closed', reason: 'The requested expiry has passed: request a new exception' };
  if (!DECIDERS.includes(input.role)) return { ok: false, code: 'role', reason: EXCEPTION_REASONS.role };
  if (input.userId === input.requestedById) return { ok: false, code: 'segregation', reason: EXCEPTION_REASONS.decideOwn };
  return { ok: true };
}

/** Revocation withdraws coverage at once: an approved or pending exception, by a security reviewer or admin. */
export function checkExceptionRevoke(input: { status: ExceptionStatus; role: UserRole }): ExceptionCheck {
  if (input.status !== 'APPROVED' && input.status !== 'REQUESTED')
    return { ok: false, code: 'closed', reason: `The exception is already ${input.status.toLowerCase()}` };
  if (!DECIDERS.includes(input.role))
    return { ok: false, code: 'role', reason: 'Exceptions are revoked by a security reviewer or an admin' };
  return { ok: true };
}

/** Only an approved exception can be extended, and the extension is a new request that needs approval. */
export function checkExceptionExtend(input: { status: ExceptionStatus }): ExceptionCheck {
  if (input.status !== 'APPROVED')
    return {
      ok: false,
      code: 'closed',
      reason: `Only an approved exception can be extended; this one is ${input.status.toLowerCase()}`,
    };
  return { ok: true };
}

export type RequestProblem = { field: 'rules' | 'expiresAt' | 'remediationDate'; message: string };

/**
 * What a request may ask for: only rules the version really misses under the policy in force
 * (and that an exception may waive), an expiry after now and no further than the policy's
 * maximum, a remediation date no later than the expiry.
 */
export function checkExceptionRequest(input: {
  rules: readonly PolicyRule[];
  failingRules: readonly PolicyRule[];
  coverable: Record<PolicyRule, boolean>;
  expiresAt: Date;
  remediationDate: Date;
  now: Date;
  maxDays: number;
}): RequestProblem[] {
  const problems: RequestProblem[] = [];
  const notMissed = input.rules.filter((r) => !input.failingRules.includes(r));
  if (notMissed.length)
    problems.push({
      field: 'rules',
      message: `The version does not miss ${notMissed.join(', ')}: no exception is needed for it`,
    });
  const unwaivable = input.rules.filter((r) => !input.coverable[r]);
  if (unwaivable.length) problems.push({ field: 'rules', message: `No exception can waive ${unwaivable.join(', ')}` });
  if (input.expiresAt.getTime() <= input.now.getTime())
    problems.push({ field: 'expiresAt', message: 'The expiry must be in the future' });
  else if (input.expiresAt.getTime() > input.now.getTime() + input.maxDays * DAY_MS)
    problems.push({ field: 'expiresAt', message: `The policy allows exceptions of at most ${input.maxDays} days` });
  if (input.remediationDate.getTime() > input.expiresAt.getTime())
    problems.push({ field: 'remediationDate', message: 'Remediation must be done by the expiry' });
  return problems;
}
