import type { Environment } from '../types';

// Same values as the Prisma enums (lib/domain stays free of the data layer).
export type ChangeKind = 'NEW_TOOL' | 'VERSION_UPDATE' | 'PERMISSION_CHANGE' | 'REMOVAL';
export type ChangeState = 'COMPLIANCE_REVIEW' | 'SECURITY_REVIEW' | 'APPROVED' | 'REJECTED' | 'DEPLOYED' | 'WITHDRAWN';
export type ReviewStage = 'COMPLIANCE' | 'SECURITY';
export type Decision = 'APPROVED' | 'REJECTED';
export type UserRole = 'ADMIN' | 'COMPLIANCE_OFFICER' | 'SECURITY_REVIEWER' | 'AUDITOR';

export const CHANGE_KINDS: readonly ChangeKind[] = ['NEW_TOOL', 'VERSION_UPDATE', 'PERMISSION_CHANGE', 'REMOVAL'];
export const CHANGE_STATES: readonly ChangeState[] = ['COMPLIANCE_REVIEW', 'SECURITY_REVIEW', 'APPROVED', 'REJECTED', 'DEPLOYED', 'WITHDRAWN'];
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

export type DecisionCheck =
  | { ok: true; stage: ReviewStage }
  | { ok: false; code: 'closed' | 'role' | 'segregation'; reason: string };

/**
 * May this user decide the request's current stage? Segregation of duties: nobody decides a
 * request they raised, whatever their role (an admin included).
 */
export function checkDecision(input: { state: ChangeState; role: UserRole; userId: string; requestedById: string | null }): DecisionCheck {
  const stage = STAGE_OF_STATE[input.state];
  if (!stage) return { ok: false, code: 'closed', reason: `The request is ${CHANGE_STATE_LABELS[input.state].toLowerCase()}: there is nothing left to decide` };
  if (!STAGE_DECIDERS[stage].includes(input.role)) {
    return { ok: false, code: 'role', reason: `${STAGE_LABELS[stage]} is decided by ${STAGE_DECIDERS[stage].join(' or ').toLowerCase().replaceAll('_', ' ')}` };
  }
  if (input.requestedById !== null && input.requestedById === input.userId) {
    return { ok: false, code: 'segregation', reason: 'Segregation of duties: you raised this request, so someone else must decide it' };
  }
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

/** The requester (or an admin) may pull back a request still in review. */
export function canWithdraw(input: { state: ChangeState; role: UserRole; userId: string; requestedById: string | null }): boolean {
  if (!isOpen(input.state)) return false;
  return input.role === 'ADMIN' || (input.requestedById !== null && input.requestedById === input.userId);
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
