import { describe, expect, it } from 'vitest';
import {
  ALLOWLIST_STATUSES,
  canDeploy,
  canWithdraw,
  checkAllowlistReview,
  checkAllowlistRevoke,
  checkDeploy,
  CHANGE_KINDS,
  CHANGE_STATES,
  checkDecision,
  dueAtFor,
  hoursOverdue,
  isOverdue,
  REVIEW_SLA_HOURS,
  stagesFor,
  stateAfterDecision,
  type ChangeState,
  type UserRole,
} from './state-machine';
import { ENVIRONMENTS } from '../types';

const ROLES: UserRole[] = ['ADMIN', 'COMPLIANCE_OFFICER', 'SECURITY_REVIEWER', 'AUDITOR'];

describe('checkDecision', () => {
  // [state, role, expected] for a user who did NOT raise the request
  const table: [ChangeState, UserRole, 'COMPLIANCE' | 'SECURITY' | 'closed' | 'role'][] = [
    ['COMPLIANCE_REVIEW', 'COMPLIANCE_OFFICER', 'COMPLIANCE'],
    ['COMPLIANCE_REVIEW', 'ADMIN', 'COMPLIANCE'],
    ['COMPLIANCE_REVIEW', 'SECURITY_REVIEWER', 'role'],
    ['COMPLIANCE_REVIEW', 'AUDITOR', 'role'],
    ['SECURITY_REVIEW', 'SECURITY_REVIEWER', 'SECURITY'],
    ['SECURITY_REVIEW', 'ADMIN', 'SECURITY'],
    ['SECURITY_REVIEW', 'COMPLIANCE_OFFICER', 'role'],
    ['SECURITY_REVIEW', 'AUDITOR', 'role'],
    ...(['APPROVED', 'REJECTED', 'DEPLOYED', 'WITHDRAWN'] as const).flatMap((s) =>
      ROLES.map((r) => [s, r, 'closed'] as [ChangeState, UserRole, 'closed']),
    ),
  ];
  it.each(table)('%s decided by %s → %s', (state, role, expected) => {
    const r = checkDecision({ state, role, userId: 'u2', requestedById: 'u1' });
    if (expected === 'COMPLIANCE' || expected === 'SECURITY') expect(r).toEqual({ ok: true, stage: expected });
    else expect(r).toMatchObject({ ok: false, code: expected });
  });

  it.each(ROLES.filter((r) => r !== 'AUDITOR'))('refuses %s deciding a request they raised (segregation of duties)', (role) => {
    const state: ChangeState = role === 'SECURITY_REVIEWER' ? 'SECURITY_REVIEW' : 'COMPLIANCE_REVIEW';
    const r = checkDecision({ state, role, userId: 'u1', requestedById: 'u1' });
    expect(r).toMatchObject({ ok: false, code: 'segregation' });
  });

  // The security stage's reviewer differs from the compliance stage's reviewer and from the requester, admins included.
  it.each([
    [
      'admin decided compliance, admin decides security',
      'ADMIN',
      'u2',
      [{ stage: 'COMPLIANCE', reviewerId: 'u2' }],
      'segregation',
    ],
    [
      'security reviewer after another person',
      'SECURITY_REVIEWER',
      'u3',
      [{ stage: 'COMPLIANCE', reviewerId: 'u2' }],
      'SECURITY',
    ],
    ['admin after another person', 'ADMIN', 'u3', [{ stage: 'COMPLIANCE', reviewerId: 'u2' }], 'SECURITY'],
    ['after an automatic compliance approval', 'ADMIN', 'u3', [{ stage: 'COMPLIANCE', reviewerId: null }], 'SECURITY'],
    ['the requester, even an admin', 'ADMIN', 'u1', [{ stage: 'COMPLIANCE', reviewerId: 'u2' }], 'segregation'],
  ] as const)('security stage: %s → %s', (_n, role, userId, approvals, expected) => {
    const r = checkDecision({ state: 'SECURITY_REVIEW', role, userId, requestedById: 'u1', approvals });
    if (expected === 'SECURITY') expect(r).toEqual({ ok: true, stage: 'SECURITY' });
    else
      expect(r).toMatchObject({
        ok: false,
        code: expected,
        reason: expect.stringMatching(/you decided the compliance review|you raised this request/),
      });
  });

  it('lets anyone entitled decide a request raised by the system (requester unknown)', () => {
    expect(checkDecision({ state: 'COMPLIANCE_REVIEW', role: 'COMPLIANCE_OFFICER', userId: 'u1', requestedById: null })).toEqual({
      ok: true,
      stage: 'COMPLIANCE',
    });
  });
});

describe('stateAfterDecision', () => {
  it.each([
    ['COMPLIANCE_REVIEW', 'APPROVED', true, 'SECURITY_REVIEW'],
    ['COMPLIANCE_REVIEW', 'APPROVED', false, 'APPROVED'],
    ['COMPLIANCE_REVIEW', 'REJECTED', true, 'REJECTED'],
    ['COMPLIANCE_REVIEW', 'REJECTED', false, 'REJECTED'],
    ['SECURITY_REVIEW', 'APPROVED', true, 'APPROVED'],
    ['SECURITY_REVIEW', 'REJECTED', true, 'REJECTED'],
  ] as const)('%s + %s (security review %s) → %s', (state, decision, sec, expected) => {
    expect(stateAfterDecision(state, decision, sec)).toBe(expected);
  });

  it.each(['APPROVED', 'REJECTED', 'DEPLOYED', 'WITHDRAWN'] as const)('throws in closed state %s', (state) => {
    expect(() => stateAfterDecision(state, 'APPROVED', false)).toThrow();
  });

  it('orders the stages compliance first', () => {
    expect(stagesFor(true)).toEqual(['COMPLIANCE', 'SECURITY']);
    expect(stagesFor(false)).toEqual(['COMPLIANCE']);
  });
});

describe('deploy and withdraw', () => {
  it.each(CHANGE_STATES.map((s) => [s, s === 'APPROVED'] as const))('deploy from %s → %s', (state, expected) => {
    expect(canDeploy(state)).toBe(expected);
  });

  it.each([
    ['APPROVED', 'u2', 'u1', true, null],
    ['APPROVED', 'u1', 'u1', false, 'You requested this change: another person must deploy it'],
    ['APPROVED', 'u2', null, true, null],
    ['COMPLIANCE_REVIEW', 'u2', 'u1', false, /only approved requests can be deployed; this one is compliance review/i],
    ['DEPLOYED', 'u2', 'u1', false, /this one is deployed/],
  ] as const)('checkDeploy in %s by %s (requested by %s) → %s', (state, userId, requestedById, ok, reason) => {
    const r = checkDeploy({ state, userId, requestedById });
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.reason).toMatch(reason!);
  });

  it.each([
    ['COMPLIANCE_REVIEW', 'COMPLIANCE_OFFICER', 'u1', true],
    ['SECURITY_REVIEW', 'COMPLIANCE_OFFICER', 'u1', true],
    ['COMPLIANCE_REVIEW', 'COMPLIANCE_OFFICER', 'u2', false],
    ['COMPLIANCE_REVIEW', 'ADMIN', 'u2', true],
    ['APPROVED', 'COMPLIANCE_OFFICER', 'u1', false],
    ['REJECTED', 'ADMIN', 'u2', false],
    ['COMPLIANCE_REVIEW', 'AUDITOR', 'u2', false],
  ] as const)('withdraw in %s by %s (%s) → %s', (state, role, userId, expected) => {
    expect(canWithdraw({ state, role, userId, requestedById: 'u1' })).toBe(expected);
  });
});

describe('SLA and overdue', () => {
  const raised = new Date('2026-11-20T10:00:00Z');

  it('has an SLA for every environment and kind, production the tightest', () => {
    for (const env of ENVIRONMENTS) for (const kind of CHANGE_KINDS) expect(REVIEW_SLA_HOURS[env][kind]).toBeGreaterThan(0);
    for (const kind of CHANGE_KINDS)
      expect(REVIEW_SLA_HOURS.PRODUCTION[kind]).toBeLessThanOrEqual(REVIEW_SLA_HOURS.STAGING[kind]);
  });

  it('computes the due time from the SLA', () => {
    expect(dueAtFor('NEW_TOOL', 'PRODUCTION', raised).toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(dueAtFor('REMOVAL', 'PRODUCTION', raised).toISOString()).toBe('2026-11-21T10:00:00.000Z');
  });

  const due = new Date('2026-11-21T10:00:00Z');
  it.each([
    ['COMPLIANCE_REVIEW', '2026-11-21T09:59:59Z', false, 0],
    ['COMPLIANCE_REVIEW', '2026-11-21T10:00:00Z', false, 0],
    ['COMPLIANCE_REVIEW', '2026-11-21T13:30:00Z', true, 3],
    ['SECURITY_REVIEW', '2026-11-22T10:00:01Z', true, 24],
    ['APPROVED', '2026-11-30T00:00:00Z', false, 0],
    ['REJECTED', '2026-11-30T00:00:00Z', false, 0],
    ['DEPLOYED', '2026-11-30T00:00:00Z', false, 0],
    ['WITHDRAWN', '2026-11-30T00:00:00Z', false, 0],
  ] as const)('%s at %s → overdue %s (%s h)', (state, now, overdue, hours) => {
    expect(isOverdue({ state, dueAt: due }, new Date(now))).toBe(overdue);
    expect(hoursOverdue({ state, dueAt: due }, new Date(now))).toBe(hours);
  });
});

describe('allowlist entries', () => {
  it.each([
    ['PENDING', 'u2', 'u1', 'ok'],
    ['PENDING', 'u1', 'u1', 'segregation'],
    ['APPROVED', 'u2', 'u1', 'closed'],
    ['REJECTED', 'u2', 'u1', 'closed'],
    ['REVOKED', 'u2', 'u1', 'closed'],
  ] as const)('review of a %s entry by %s (created by %s) → %s', (status, userId, createdById, expected) => {
    const r = checkAllowlistReview({ status, userId, createdById });
    if (expected === 'ok') expect(r).toEqual({ ok: true });
    else expect(r).toMatchObject({ ok: false, code: expected });
  });

  it('says why the creator cannot approve their own entry', () => {
    expect(checkAllowlistReview({ status: 'PENDING', userId: 'u1', createdById: 'u1' })).toMatchObject({
      reason: expect.stringMatching(/another person \(a security reviewer\) must approve it/),
    });
  });

  it.each(ALLOWLIST_STATUSES.map((s) => [s, s === 'PENDING' || s === 'APPROVED'] as const))(
    'revoke from %s → %s',
    (status, ok) => {
      expect(checkAllowlistRevoke({ status }).ok).toBe(ok);
    },
  );
});
