import { describe, expect, it } from 'vitest';
import { RULE_COVERABLE } from '../policy/exceptions';
import type { PolicyRule } from '../policy/types';
import {
  checkExceptionDecision,
  checkExceptionExtend,
  checkExceptionRequest,
  checkExceptionRevoke,
  exceptionStanding,
  type ExceptionStanding,
  type ExceptionStatus,
} from './state-machine';
import type { UserRole } from '../change-requests/state-machine';

const NOW = new Date('2026-12-01T12:00:00Z');
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

describe('exceptionStanding', () => {
  it.each<[ExceptionStatus, Date, Date | null, ExceptionStanding]>([
    ['REQUESTED', day(30), null, 'requested'],
    ['REQUESTED', day(30), day(-1), 'reopened'],
    ['REQUESTED', day(-1), null, 'expired'],
    ['APPROVED', day(30), null, 'approved'],
    ['APPROVED', day(14), null, 'expiring'],
    ['APPROVED', day(1), null, 'expiring'],
    ['APPROVED', NOW, null, 'expired'],
    ['APPROVED', day(-3), null, 'expired'],
    ['REJECTED', day(30), null, 'rejected'],
    ['REVOKED', day(30), null, 'revoked'],
    ['REVOKED', day(-30), null, 'revoked'],
  ])('%s expiring %s (reopened %s) is %s', (status, expiresAt, reopenedAt, expected) => {
    expect(exceptionStanding({ status, expiresAt, reopenedAt }, NOW)).toBe(expected);
  });
});

describe('checkExceptionDecision (segregation of duties)', () => {
  const base = { status: 'REQUESTED' as ExceptionStatus, expiresAt: day(30), now: NOW, requestedById: 'officer' };
  it.each<[string, Partial<typeof base> & { role: UserRole; userId: string }, string | null]>([
    ['security reviewer, not the requester', { role: 'SECURITY_REVIEWER', userId: 'reviewer' }, null],
    ['admin, not the requester', { role: 'ADMIN', userId: 'admin' }, null],
    ['the requester, even as admin', { role: 'ADMIN', userId: 'officer' }, 'segregation'],
    ['the requester as security reviewer', { role: 'SECURITY_REVIEWER', userId: 'officer' }, 'segregation'],
    ['a compliance officer', { role: 'COMPLIANCE_OFFICER', userId: 'other' }, 'role'],
    ['an auditor', { role: 'AUDITOR', userId: 'auditor' }, 'role'],
    ['already approved', { status: 'APPROVED', role: 'SECURITY_REVIEWER', userId: 'reviewer' }, 'closed'],
    ['rejected', { status: 'REJECTED', role: 'SECURITY_REVIEWER', userId: 'reviewer' }, 'closed'],
    ['revoked', { status: 'REVOKED', role: 'SECURITY_REVIEWER', userId: 'reviewer' }, 'closed'],
    ['requested expiry has passed', { expiresAt: day(-1), role: 'SECURITY_REVIEWER', userId: 'reviewer' }, 'closed'],
  ])('%s', (_n, patch, code) => {
    const r = checkExceptionDecision({ ...base, ...patch });
    expect(r.ok ? null : r.code).toBe(code);
  });
});

describe('checkExceptionRevoke and checkExceptionExtend', () => {
  it.each<[ExceptionStatus, UserRole, string | null]>([
    ['APPROVED', 'SECURITY_REVIEWER', null],
    ['REQUESTED', 'ADMIN', null],
    ['APPROVED', 'COMPLIANCE_OFFICER', 'role'],
    ['APPROVED', 'AUDITOR', 'role'],
    ['REVOKED', 'SECURITY_REVIEWER', 'closed'],
    ['REJECTED', 'SECURITY_REVIEWER', 'closed'],
  ])('revoke %s by %s', (status, role, code) => {
    const r = checkExceptionRevoke({ status, role });
    expect(r.ok ? null : r.code).toBe(code);
  });
  it.each<[ExceptionStatus, boolean]>([
    ['APPROVED', true],
    ['REQUESTED', false],
    ['REJECTED', false],
    ['REVOKED', false],
  ])('extend %s: %s', (status, ok) => {
    expect(checkExceptionExtend({ status }).ok).toBe(ok);
  });
});

describe('checkExceptionRequest', () => {
  const base = {
    rules: ['min-tier'] as PolicyRule[],
    failingRules: ['min-tier', 'max-network'] as PolicyRule[],
    coverable: RULE_COVERABLE,
    expiresAt: day(30),
    remediationDate: day(20),
    now: NOW,
    maxDays: 90,
  };
  it.each<[string, Partial<typeof base>, string[]]>([
    ['a missed rule within the maximum', {}, []],
    ['two missed rules', { rules: ['min-tier', 'max-network'] }, []],
    ['a rule the version does not miss', { rules: ['min-score'] }, ['rules']],
    ['one missed, one not', { rules: ['min-tier', 'max-filesystem'] }, ['rules']],
    ['a rule no exception may waive', { rules: ['not-quarantined'], failingRules: ['not-quarantined'] }, ['rules']],
    ['expiry in the past', { expiresAt: day(-1), remediationDate: day(-2) }, ['expiresAt']],
    ['expiry now', { expiresAt: NOW, remediationDate: NOW }, ['expiresAt']],
    ['expiry exactly at the maximum', { expiresAt: day(90) }, []],
    ['expiry beyond the maximum', { expiresAt: day(91) }, ['expiresAt']],
    ['remediation after the expiry', { remediationDate: day(31) }, ['remediationDate']],
  ])('%s', (_n, patch, fields) => {
    expect(checkExceptionRequest({ ...base, ...patch }).map((p) => p.field)).toEqual(fields);
  });
  it('names the rule the version does not miss', () => {
    expect(checkExceptionRequest({ ...base, rules: ['min-score'] })[0]?.message).toContain('min-score');
  });
});
