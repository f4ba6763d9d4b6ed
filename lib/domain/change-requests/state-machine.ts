import type { Environment } from '../types';

// Same values as the Prisma enums (lib/domain stays free of the data layer).
export type ChangeKind = 'NEW_TOOL' | 'VERSION_UPDATE' | 'PERMISSION_CHANGE' | 'REMOVAL';
export type ChangeState = 'COMPLIANCE_REVIEW' | 'SECURITY_REVIEW' | 'APPROVED' | 'REJECTED' | 'DEPLOYED' | 'WITHDRAWN';
export type ReviewStage = 'COMPLIANCE' | 'SECURITY';
export type Decision = 'APPROVED' | 'REJECTED';
export type UserRole = 'ADMIN' | 'COMPLIANCE_OFFICER' | 'SECURITY_REVIEWER' | 'AUDITOR';

export const CHANGE_KINDS: readonly ChangeKind[] = ['NEW_TOOL', 'VERSION_UPDATE', 'PERMISSION_CHANGE', 'REMOVAL'];
export const CHANGE_STATES: readonly ChangeState[] = [
  'COMPLIANCE_REVIEW',
  'SECURITY_REVIEW',
  'APPROVED',
  'REJECTED',
  'DEPLOYED',
  'WITHDRAWN',
];
export const REVIEW_STAGES: readonly ReviewStage[] = ['COMPLIANCE', 'SECURITY'];

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  NEW_TOOL: 'New tool',
  VERSION_UPDATE: 'Version update',
  PERMISSION_CHANGE: 'Permission change',
  REMOVAL: 'Removal',
};

export const CHANGE_STATE_LABELS: Record<ChangeState, string> = {
  COMPLIANCE_REVIEW: 'Compliance review',
  SECURITY_REVIEW: 'Security review',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  DEPLOYED: 'Deployed',
  WITHDRAWN: 'Withdrawn',
};

export const STAGE_LABELS: Record<ReviewStage, string> = { COMPLIANCE: 'Compliance review', SECURITY: 'Security review' };

/** The review stage a request is waiting on, or null once it left review. */
export const STAGE_OF_STATE: Record<ChangeState, ReviewStage | null> = {
  COMPLIANCE_REVIEW: 'COMPLIANCE',
  SECURITY_REVIEW: 'SECURITY',
  APPROVED: null,
  REJECTED: null,
  DEPLOYED: null,
  WITHDRAWN: null,
};

/** Who may decide each stage. Admins may stand in; auditors never decide anything. */
export const STAGE_DECIDERS: Record<ReviewStage, readonly UserRole[]> = {
  COMPLIANCE: ['COMPLIANCE_OFFICER', 'ADMIN'],
  SECURITY: ['SECURITY_REVIEWER', 'ADMIN'],
};

export const OPEN_STATES: readonly ChangeState[] = ['COMPLIANCE_REVIEW', 'SECURITY_REVIEW'];

export function isOpen(state: ChangeState): boolean {
  return STAGE_OF_STATE[state] !== null;
}

/** Why an action is or is not offered: the same answer for the server's refusal and the UI's note. */
export type Refusal = { ok: false; code: 'closed' | 'role' | 'segregation'; reason: string };
export type Check = { ok: true } | Refusal;
export type DecisionCheck = { ok: true; stage: ReviewStage } | Refusal;

/** A stage decision already recorded on the request (reviewerId null: the system's fast-track). */
export interface RecordedDecision {
  stage: ReviewStage;
  reviewerId: string | null;
}

/**
 * Segregation of duties, in one place. Every rule applies to admins too: the role says who may
 * do a kind of thing, these say that the same person may not do two of the things that must be
 * done by different people.
 */
export const SEGREGATION_REASONS = {
  decideOwnRequest: 'Segregation of duties: you raised this request, so someone else must decide it',
  decideBothStages: 'Segregation of duties: you decided the compliance review, so someone else must decide the security review',
  deployOwnRequest: 'You requested this change: another person must deploy it',
  reviewOwnAllowlistEntry: 'You added this allowlist entry: another person (a security reviewer) must approve it',
} as const;

/**
 * May this user decide the request's current stage? Nobody decides a request they raised, and
 * the security stage is decided by someone other than the compliance stage's reviewer.
 */
export function checkDecision(input: {
  state: ChangeState;
  role: UserRole;
  userId: string;
  requestedById: string | null;
  approvals?: readonly RecordedDecision[];
}): DecisionCheck {
  const stage = STAGE_OF_STATE[input.state];
  if (!stage)
    return {
      ok: false,
      code: 'closed',
      reason: `The request is ${CHANGE_STATE_LABELS[input.state].toLowerCase()}: there is nothing left to decide`,
    };
  if (!STAGE_DECIDERS[stage].includes(input.role)) {
    return {
      ok: false,
      code: 'role',
      reason: `${STAGE_LABELS[stage]} is decided by ${STAGE_DECIDERS[stage].join(' or ').toLowerCase().replaceAll('_', ' ')}`,
    };
  }
  if (input.requestedById !== null && input.requestedById === input.userId) {
    return { ok: false, code: 'segregation', reason: SEGREGATION_REASONS.decideOwnRequest };
  }
  const earlier = (input.approvals ?? []).filter((a) => a.stage !== stage);
  if (earlier.some((a) => a.reviewerId === input.userId))
    return { ok: false, code: 'segregation', reason: SEGREGATION_REASONS.decideBothStages };
  return { ok: true, stage };
}

/** Where a decision on the current stage leads. Security review follows only when a trigger fired. */
export function stateAfterDecision(state: ChangeState, decision: Decision, requiresSecurityReview: boolean): ChangeState {
  const stage = STAGE_OF_STATE[state];
  if (!stage) throw new Error(`no decision possible in state ${state}`);
  if (decision === 'REJECTED') return 'REJECTED';
  if (stage === 'COMPLIANCE' && requiresSecurityReview) return 'SECURITY_REVIEW';
  return 'APPROVED';
}

/** The stages a request goes through, in order. */
export function stagesFor(requiresSecurityReview: boolean): ReviewStage[] {
  return requiresSecurityReview ? ['COMPLIANCE', 'SECURITY'] : ['COMPLIANCE'];
}

export function canDeploy(state: ChangeState): boolean {
  return state === 'APPROVED';
}

/**
 * May this user roll the request out? Only an approved request, and never by the person who
 * asked for it: otherwise one person could request, get a fast-track and deploy alone.
 */
export function checkDeploy(input: { state: ChangeState; userId: string; requestedById: string | null }): Check {
  if (!canDeploy(input.state))
    return {
      ok: false,
      code: 'closed',
      reason: `Only approved requests can be deployed; this one is ${CHANGE_STATE_LABELS[input.state].toLowerCase()}`,
    };
  if (input.requestedById !== null && input.requestedById === input.userId)
    return { ok: false, code: 'segregation', reason: SEGREGATION_REASONS.deployOwnRequest };
  return { ok: true };
}

/** The requester (or an admin) may pull back a request still in review. */
export function checkWithdraw(input: {
  state: ChangeState;
  role: UserRole;
  userId: string;
  requestedById: string | null;
}): Check {
  if (!isOpen(input.state)) return { ok: false, code: 'closed', reason: 'Only requests still in review can be withdrawn' };
  if (input.role === 'ADMIN' || (input.requestedById !== null && input.requestedById === input.userId)) return { ok: true };
  return { ok: false, code: 'role', reason: 'Only the requester or an admin can withdraw a request' };
}

export function canWithdraw(input: {
  state: ChangeState;
  role: UserRole;
  userId: string;
  requestedById: string | null;
}): boolean {
  return checkWithdraw(input).ok;
}

// ---- Allowlist entries: PENDING → APPROVED | REJECTED; PENDING or APPROVED → REVOKED ----

export type AllowlistStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'REVOKED';
export const ALLOWLIST_STATUSES: readonly AllowlistStatus[] = ['PENDING', 'APPROVED', 'REJECTED', 'REVOKED'];
export const ALLOWLIST_STATUS_LABELS: Record<AllowlistStatus, string> = {
  PENDING: 'Awaiting security approval',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  REVOKED: 'Removed',
};

/** Entries that still hold a place for their tool and environment (a new one cannot be added beside them). */
export const LIVE_ALLOWLIST_STATUSES: readonly AllowlistStatus[] = ['PENDING', 'APPROVED'];

/** May this user approve or reject the entry? (The role, allowlist:approve, is checked by the caller.) */
export function checkAllowlistReview(input: { status: AllowlistStatus; userId: string; createdById: string }): Check {
  if (input.status !== 'PENDING')
    return {
      ok: false,
      code: 'closed',
      reason: `The entry is ${ALLOWLIST_STATUS_LABELS[input.status].toLowerCase()}: there is nothing left to decide`,
    };
  if (input.userId === input.createdById)
    return { ok: false, code: 'segregation', reason: SEGREGATION_REASONS.reviewOwnAllowlistEntry };
  return { ok: true };
}

export function checkAllowlistRevoke(input: { status: AllowlistStatus }): Check {
  if (!LIVE_ALLOWLIST_STATUSES.includes(input.status))
    return { ok: false, code: 'closed', reason: 'The entry was already rejected or removed' };
  return { ok: true };
}

/** Review SLA in hours: production changes and removals (risk going away) are handled first. */
export const REVIEW_SLA_HOURS: Record<Environment, Record<ChangeKind, number>> = {
  PRODUCTION: { NEW_TOOL: 72, VERSION_UPDATE: 48, PERMISSION_CHANGE: 48, REMOVAL: 24 },
  STAGING: { NEW_TOOL: 120, VERSION_UPDATE: 96, PERMISSION_CHANGE: 96, REMOVAL: 48 },
  DEVELOPMENT: { NEW_TOOL: 168, VERSION_UPDATE: 168, PERMISSION_CHANGE: 168, REMOVAL: 72 },
};

export function dueAtFor(kind: ChangeKind, environment: Environment, raisedAt: Date): Date {
  return new Date(raisedAt.getTime() + REVIEW_SLA_HOURS[environment][kind] * 3_600_000);
}

/** Overdue = still waiting on a review stage past its due time. Closed requests are never overdue. */
export function isOverdue(input: { state: ChangeState; dueAt: Date }, now: Date): boolean {
  return isOpen(input.state) && input.dueAt.getTime() < now.getTime();
}

/** Whole hours past due (0 when not overdue), for the inbox flag. */
export function hoursOverdue(input: { state: ChangeState; dueAt: Date }, now: Date): number {
  if (!isOverdue(input, now)) return 0;
  return Math.floor((now.getTime() - input.dueAt.getTime()) / 3_600_000);
}

/** Kinds that install something (their approval turns an installation APPROVED). */
export function installsVersion(kind: ChangeKind): boolean {
  return kind !== 'REMOVAL';
}
