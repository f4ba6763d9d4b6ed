import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from './defaults';
import { evaluatePolicy, RULE_LABELS } from './evaluate';
import { POLICY_RULES, type ExceptionFacts, type PolicyFacts, type PolicyRule, type VersionFacts } from './types';

const NOW = new Date('2026-11-25T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

const prod: PolicyFacts = { ...DEFAULT_POLICIES.PRODUCTION, id: 'p-prod', environment: 'PRODUCTION', version: 3 };
const staging: PolicyFacts = { ...DEFAULT_POLICIES.STAGING, environment: 'STAGING', version: 1 };
const dev: PolicyFacts = { ...DEFAULT_POLICIES.DEVELOPMENT, environment: 'DEVELOPMENT', version: 1 };

const gold: VersionFacts = {
  toolId: 't1',
  toolVersionId: 'v1',
  tier: 'GOLD',
  trustScore: 95,
  verificationState: 'PASSED',
  lastVerifiedAt: daysAgo(10),
  network: 'NONE',
  filesystem: 'READ',
  codeExecution: 'NONE',
  dataAccess: 'READ',
  quarantineStatus: null,
  yankedAt: null,
};
const unverified: VersionFacts = {
  ...gold,
  tier: 'UNVERIFIED',
  trustScore: null,
  verificationState: 'UNVERIFIED',
  lastVerifiedAt: null,
};

const failedRules = (p: PolicyFacts, v: VersionFacts, exceptions: ExceptionFacts[] = []) =>
  evaluatePolicy(p, v, { now: NOW, exceptions }).blocking.map((b) => b.rule);

describe('evaluatePolicy', () => {
  it('returns one verdict per rule, each with a readable reason', () => {
    const r = evaluatePolicy(prod, gold, { now: NOW });
    expect(r.verdicts.map((v) => v.rule)).toEqual(POLICY_RULES);
    for (const v of r.verdicts) expect(v.reason.length).toBeGreaterThan(5);
    expect(r.passes).toBe(true);
    expect(r.policyVersion).toBe(3);
    expect(r.policyId).toBe('p-prod');
  });

  it('labels every rule', () => {
    for (const rule of POLICY_RULES) expect(RULE_LABELS[rule]).toBeTruthy();
  });

  it.each<[string, PolicyFacts, VersionFacts, PolicyRule[]]>([
    ['gold in production', prod, gold, []],
    ['verified tier in production', prod, { ...gold, tier: 'VERIFIED', trustScore: 80 }, ['min-tier']],
    ['partial in staging', staging, { ...gold, tier: 'PARTIAL', trustScore: 55 }, ['min-tier']],
    ['verified in staging', staging, { ...gold, tier: 'VERIFIED', trustScore: 75 }, []],
    ['failed tier in production', prod, { ...gold, tier: 'FAILED', verificationState: 'FAILED' }, ['min-tier']],
    ['unverified in production', prod, unverified, ['version-verified', 'min-tier']],
    ['unverified in development', dev, unverified, []],
    ['stale verification in production', prod, { ...gold, lastVerifiedAt: daysAgo(200) }, ['verification-fresh']],
    ['verification exactly at the limit', prod, { ...gold, lastVerifiedAt: daysAgo(180) }, []],
    ['quarantined', dev, { ...gold, quarantineStatus: 'quarantined' }, ['not-quarantined']],
    ['rejected (case-insensitive)', dev, { ...gold, quarantineStatus: 'REJECTED' }, ['not-quarantined']],
    ['quarantine cleared', dev, { ...gold, quarantineStatus: 'cleared' }, []],
    ['yanked', prod, { ...gold, yankedAt: daysAgo(1) }, ['not-quarantined']],
  ])('%s', (_name, policy, version, expected) => {
    expect(failedRules(policy, version)).toEqual(expected);
  });

  it.each<[string, Partial<PolicyFacts>, Partial<VersionFacts>, PolicyRule[]]>([
    ['network above maximum', { maxNetwork: 'INTERNAL' }, { network: 'EXTERNAL' }, ['max-network']],
    ['network at maximum', { maxNetwork: 'INTERNAL' }, { network: 'INTERNAL' }, []],
    ['filesystem above maximum', { maxFilesystem: 'NONE' }, { filesystem: 'READ' }, ['max-filesystem']],
    [
      'code execution above maximum',
      { maxCodeExecution: 'SANDBOXED' },
      { codeExecution: 'UNRESTRICTED' },
      ['max-code-execution'],
    ],
    ['data access above maximum', { maxDataAccess: 'READ' }, { dataAccess: 'READ_WRITE' }, ['max-data-access']],
    ['score below minimum', { minTrustScore: 96 }, {}, ['min-score']],
    ['score equal to minimum', { minTrustScore: 95 }, {}, []],
    ['no score with a minimum', { minTrustScore: 50, minTier: null }, { trustScore: null }, ['min-score']],
    ['no freshness limit', { maxVerificationAgeDays: null }, { lastVerifiedAt: daysAgo(5000) }, []],
  ])('%s', (_name, policyPatch, versionPatch, expected) => {
    expect(failedRules({ ...prod, ...policyPatch }, { ...gold, ...versionPatch })).toEqual(expected);
  });

  it('says why a tool below the production tier fails', () => {
    const r = evaluatePolicy(prod, { ...gold, tier: 'VERIFIED' }, { now: NOW });
    expect(r.passes).toBe(false);
    expect(r.blocking[0]).toMatchObject({
      rule: 'min-tier',
      severity: 'block',
      reason: 'Tier Verified is below the minimum Gold.',
    });
  });

  it('logs unverified use in development with a warning verdict', () => {
    const r = evaluatePolicy(dev, unverified, { now: NOW });
    expect(r.passes).toBe(true);
    expect(r.logAsUnverified).toBe(true);
    expect(r.verdicts.find((v) => v.rule === 'version-verified')?.severity).toBe('warn');
    expect(evaluatePolicy(dev, gold, { now: NOW }).logAsUnverified).toBe(false);
  });

  it('treats a verification record of another version as none (per-version facts only)', () => {
    const newVersion: VersionFacts = { ...unverified, toolVersionId: 'v2' };
    expect(failedRules(prod, newVersion)).toContain('version-verified');
  });
});

describe('review triggers', () => {
  it.each<[string, Partial<VersionFacts>, string[]]>([
    ['nothing risky', {}, []],
    ['external network', { network: 'EXTERNAL' }, ['external-network']],
    ['internal network', { network: 'INTERNAL' }, []],
    ['filesystem write', { filesystem: 'WRITE' }, ['filesystem-write']],
    ['sandboxed code execution', { codeExecution: 'SANDBOXED' }, ['code-execution']],
    [
      'all three',
      { network: 'EXTERNAL', filesystem: 'WRITE', codeExecution: 'UNRESTRICTED' },
      ['external-network', 'filesystem-write', 'code-execution'],
    ],
  ])('%s', (_name, patch, expected) => {
    const r = evaluatePolicy(prod, { ...gold, ...patch }, { now: NOW });
    expect(r.reviewTriggers.map((t) => t.trigger)).toEqual(expected);
    expect(r.passes).toBe(true);
  });

  it('can be switched off per trigger', () => {
    const p = { ...prod, reviewOnExternalNetwork: false, reviewOnFilesystemWrite: false, reviewOnCodeExecution: false };
    expect(
      evaluatePolicy(p, { ...gold, network: 'EXTERNAL', filesystem: 'WRITE', codeExecution: 'SANDBOXED' }, { now: NOW })
        .reviewTriggers,
    ).toEqual([]);
  });
});

describe('exceptions in evaluation', () => {
  const exception: ExceptionFacts = {
    id: 'ex1',
    rules: ['min-tier'],
    toolId: 't1',
    toolVersionId: null,
    environment: 'PRODUCTION',
    status: 'APPROVED',
    expiresAt: new Date('2027-01-01T00:00:00Z'),
  };
  const verifiedTier = { ...gold, tier: 'VERIFIED' as const };

  it('an approved, unexpired exception covers the failed rule', () => {
    const r = evaluatePolicy(prod, verifiedTier, { now: NOW, exceptions: [exception] });
    expect(r.passes).toBe(true);
    expect(r.coveredBy).toEqual(['ex1']);
    expect(r.verdicts.find((v) => v.rule === 'min-tier')).toMatchObject({ passed: false, severity: 'warn', coveredBy: 'ex1' });
  });

  it.each<[string, Partial<ExceptionFacts>]>([
    ['expired', { expiresAt: daysAgo(1) }],
    ['expiring right now', { expiresAt: NOW }],
    ['requested only', { status: 'REQUESTED' }],
    ['revoked', { status: 'REVOKED' }],
    ['other environment', { environment: 'STAGING' }],
    ['other tool', { toolId: 't2' }],
    ['other version', { toolVersionId: 'v9' }],
    ['other rule', { rules: ['max-network'] }],
  ])('does not cover when %s', (_name, patch) => {
    const r = evaluatePolicy(prod, verifiedTier, { now: NOW, exceptions: [{ ...exception, ...patch }] });
    expect(r.passes).toBe(false);
    expect(r.coveredBy).toEqual([]);
  });

  it('must cover every failed rule for the version to pass', () => {
    const v = { ...verifiedTier, network: 'EXTERNAL' as const };
    const r = evaluatePolicy({ ...prod, maxNetwork: 'INTERNAL' }, v, { now: NOW, exceptions: [exception] });
    expect(r.passes).toBe(false);
    expect(r.blocking.map((b) => b.rule)).toEqual(['max-network']);
  });

  it('never covers a quarantined version', () => {
    const r = evaluatePolicy(
      prod,
      { ...gold, quarantineStatus: 'quarantined' },
      { now: NOW, exceptions: [{ ...exception, rules: ['not-quarantined'] }] },
    );
    expect(r.passes).toBe(false);
  });
});
