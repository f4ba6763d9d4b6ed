import { describe, expect, it } from 'vitest';
import type { ExceptionFacts } from '../policy/types';
import { complianceReportCells, complianceReportRecord } from './compliance-report-columns';
import {
  complianceTotals,
  shapeComplianceRow,
  type ComplianceReportRow,
  type InUseVersionFacts,
  type RiskFacts,
} from './compliance-report';

const now = new Date('2026-06-01T00:00:00Z');
const later = new Date('2026-09-01T00:00:00Z');
const earlier = new Date('2026-05-01T00:00:00Z');

const version: InUseVersionFacts = {
  toolId: 't1',
  toolName: 'email-parser',
  toolVersionId: 'v1',
  version: '2.1.0',
  tier: 'PARTIAL',
  trustScore: 61,
  verificationState: 'PASSED',
  lastVerifiedAt: earlier,
  network: 'EXTERNAL',
  filesystem: 'READ',
  codeExecution: 'NONE',
  dataAccess: 'READ',
  installations: [
    { environment: 'STAGING', agentId: 'a2' },
    { environment: 'PRODUCTION', agentId: 'a1' },
    { environment: 'PRODUCTION', agentId: 'a3' },
  ],
};

const exception = (over: Partial<ExceptionFacts>): ExceptionFacts => ({
  id: 'e1',
  rules: ['min-tier'],
  toolId: 't1',
  toolVersionId: null,
  versionRange: null,
  environment: 'PRODUCTION',
  status: 'APPROVED',
  expiresAt: later,
  ...over,
});

const risk = (over: Partial<RiskFacts>): RiskFacts => ({
  toolId: 't1',
  residualScore: 12,
  treatment: 'MITIGATE',
  nextReviewAt: later,
  assessedAt: earlier,
  ...over,
});

describe('shapeComplianceRow', () => {
  it('lists environments in order and counts distinct agents', () => {
    const row = shapeComplianceRow(version, [], [], now);
    expect(row.environments).toEqual(['PRODUCTION', 'STAGING']);
    expect(row.agents).toBe(3);
    expect(row.risk).toBeNull();
    expect(row.exceptions).toEqual([]);
  });

  it.each<[string, Partial<ExceptionFacts>, boolean]>([
    ['tool-wide, approved, unexpired, production', {}, true],
    ['for this very version', { toolVersionId: 'v1' }, true],
    ['for another version', { toolVersionId: 'v9' }, false],
    ['over a range holding the version', { versionRange: '>=2.0.0 <3.0.0' }, true],
    ['over a range missing the version', { versionRange: '>=3.0.0' }, false],
    ['expired', { expiresAt: earlier }, false],
    ['still requested', { status: 'REQUESTED' }, false],
    ['revoked', { status: 'REVOKED' }, false],
    ['for an environment the version is not installed in', { environment: 'DEVELOPMENT' }, false],
    ['for staging, where it is installed', { environment: 'STAGING' }, true],
    ['for another tool', { toolId: 't2' }, false],
  ])('an exception %s covers it: %s', (_, over, covers) => {
    const row = shapeComplianceRow(version, [exception(over)], [], now);
    expect(row.exceptions.map((e) => e.id)).toEqual(covers ? ['e1'] : []);
  });

  it.each<[string, RiskFacts[], { score: number; band: string; overdue: boolean } | null]>([
    ['no assessment', [], null],
    ['another tool only', [risk({ toolId: 't2' })], null],
    ['one assessment', [risk({})], { score: 12, band: 'HIGH', overdue: false }],
    ['review date passed', [risk({ nextReviewAt: earlier })], { score: 12, band: 'HIGH', overdue: true }],
    [
      'the newest of two',
      [risk({ residualScore: 20 }), risk({ residualScore: 4, assessedAt: new Date('2026-05-20T00:00:00Z') })],
      { score: 4, band: 'LOW', overdue: false },
    ],
  ])('risk: %s', (_, risks, expected) => {
    const row = shapeComplianceRow(version, [], risks, now);
    expect(row.risk && { score: row.risk.residualScore, band: row.risk.band, overdue: row.risk.overdue }).toEqual(expected);
  });
});

describe('complianceTotals', () => {
  const rows: ComplianceReportRow[] = [
    shapeComplianceRow(version, [exception({})], [risk({ residualScore: 18, nextReviewAt: earlier })], now),
    shapeComplianceRow(
      {
        ...version,
        toolVersionId: 'v0',
        version: '2.0.0',
        tier: 'GOLD',
        installations: [{ environment: 'DEVELOPMENT', agentId: 'a9' }],
      },
      [exception({})],
      [risk({ residualScore: 18, nextReviewAt: earlier })],
      now,
    ),
    shapeComplianceRow(
      { ...version, toolId: 't2', toolVersionId: 'v5', verificationState: 'UNVERIFIED', tier: 'UNVERIFIED' },
      [],
      [],
      now,
    ),
  ];

  it('counts tools once and versions each', () => {
    const t = complianceTotals(rows);
    expect(t.tools).toBe(2);
    expect(t.versions).toBe(3);
    expect(t.byEnvironment).toEqual({ PRODUCTION: 2, STAGING: 2, DEVELOPMENT: 1 });
    expect(t.byTier).toEqual({ GOLD: 1, VERIFIED: 0, PARTIAL: 1, UNVERIFIED: 1, FAILED: 0 });
    expect(t.byVerification).toEqual({ PASSED: 2, FAILED: 0, UNVERIFIED: 1 });
  });

  it('counts exceptions by id and risks per tool', () => {
    const t = complianceTotals(rows);
    // The development-only version is not covered by a production exception.
    expect(t.versionsUnderException).toBe(1);
    expect(t.exceptions).toBe(1);
    expect(t.byRiskBand).toEqual({ LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 1 });
    expect(t.unassessed).toBe(1);
    expect(t.reviewsOverdue).toBe(1);
  });

  it('is all zeroes for no rows', () => {
    const t = complianceTotals([]);
    expect([t.tools, t.versions, t.exceptions, t.unassessed]).toEqual([0, 0, 0, 0]);
  });
});

describe('flat forms', () => {
  const row = shapeComplianceRow(version, [exception({})], [risk({})], now);

  it('record carries every column as a plain value', () => {
    expect(complianceReportRecord(row)).toMatchObject({
      environments: 'PRODUCTION STAGING',
      exceptionIds: 'e1',
      riskResidualScore: 12,
      riskBand: 'HIGH',
      lastVerifiedAt: earlier.toISOString(),
    });
  });

  it('cells read as a person would write them', () => {
    expect(complianceReportCells(row)).toEqual({
      tool: 'email-parser 2.1.0',
      environments: 'Production, Staging',
      verification: 'Passed',
      tier: 'Partial (61)',
      permissions: 'net external, fs read, exec none, data read',
      exceptions: 'min-tier (Production, to 2026-09-01)',
      risk: '12 High, Mitigate',
    });
  });
});
