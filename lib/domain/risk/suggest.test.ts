import { describe, expect, it } from 'vitest';
import { NO_PERMISSIONS } from '../permissions';
import { TIERS } from '../types';
import { suggestRisk, TIER_LIKELIHOOD, type RiskFacts } from './suggest';
import { checkOverrides } from './overrides';

const base: RiskFacts = {
  tier: 'GOLD',
  trustScore: 95,
  permissions: NO_PERMISSIONS,
  externalHosts: [],
  dataClassification: 'PUBLIC',
  publisherTrust: 'VERIFIED',
  riskSignals: [],
  openAlerts: [],
};

describe('suggestRisk: likelihood', () => {
  it.each(TIERS.map((t) => [t, TIER_LIKELIHOOD[t]] as const))('tier %s starts at %i', (tier, value) => {
    const s = suggestRisk({ ...base, tier });
    expect(s.likelihood.value).toBe(value);
    expect(s.likelihood.reasons[0]).toMatch(/^Tier /);
  });

  it.each<[string, Partial<RiskFacts>, number, RegExp | null]>([
    ['nothing aggravating', {}, 1, null],
    ['low and medium signals do not count', { riskSignals: [{ label: 'deprecated', severity: 'medium' }] }, 1, null],
    ['a high signal', { riskSignals: [{ label: 'install scripts', severity: 'high' }] }, 2, /install scripts \(high\)/],
    ['a critical signal', { riskSignals: [{ label: 'malware', severity: 'critical' }] }, 2, /malware/],
    ['a medium alert does not count', { openAlerts: [{ title: 'stale', severity: 'MEDIUM' }] }, 1, null],
    ['a high alert', { openAlerts: [{ title: 'Digest changed', severity: 'HIGH' }] }, 2, /Digest changed/],
    ['an unverified publisher', { publisherTrust: 'UNVERIFIED' }, 2, /publisher/],
    ['a trusted publisher', { publisherTrust: 'TRUSTED' }, 1, null],
  ])('%s', (_name, over, value, reason) => {
    const s = suggestRisk({ ...base, ...over });
    expect(s.likelihood.value).toBe(value);
    if (reason) expect(s.likelihood.reasons.at(-1)).toMatch(reason);
    else expect(s.likelihood.reasons).toHaveLength(1);
  });

  it('caps at 5 and says so', () => {
    const s = suggestRisk({
      ...base,
      tier: 'FAILED',
      publisherTrust: 'UNVERIFIED',
      riskSignals: [{ label: 'x', severity: 'high' }],
      openAlerts: [{ title: 'y', severity: 'CRITICAL' }],
    });
    expect(s.likelihood.value).toBe(5);
    expect(s.likelihood.reasons.at(-1)).toBe('Capped at 5 (the factors add up to 8)');
  });
});

describe('suggestRisk: impact', () => {
  it.each<[string, Partial<RiskFacts>, number, RegExp | null]>([
    ['public, no powers', {}, 1, null],
    ['internal', { dataClassification: 'INTERNAL' }, 2, null],
    ['confidential', { dataClassification: 'CONFIDENTIAL' }, 3, null],
    ['restricted', { dataClassification: 'RESTRICTED' }, 4, null],
    ['network external', { permissions: { ...NO_PERMISSIONS, network: 'EXTERNAL' } }, 2, /leave the environment/],
    ['an allowed external host', { externalHosts: ['api.example.com'] }, 2, /api\.example\.com/],
    ['network internal only', { permissions: { ...NO_PERMISSIONS, network: 'INTERNAL' } }, 1, null],
    ['filesystem write', { permissions: { ...NO_PERMISSIONS, filesystem: 'WRITE' } }, 2, /filesystem write/],
    ['filesystem read', { permissions: { ...NO_PERMISSIONS, filesystem: 'READ' } }, 1, null],
    ['unrestricted code', { permissions: { ...NO_PERMISSIONS, codeExecution: 'UNRESTRICTED' } }, 2, /unrestricted code/],
    ['sandboxed code', { permissions: { ...NO_PERMISSIONS, codeExecution: 'SANDBOXED' } }, 1, null],
    ['read-write data', { permissions: { ...NO_PERMISSIONS, dataAccess: 'READ_WRITE' } }, 2, /read-write data/],
  ])('%s', (_name, over, value, reason) => {
    const s = suggestRisk({ ...base, ...over });
    expect(s.impact.value).toBe(value);
    if (reason) expect(s.impact.reasons.at(-1)).toMatch(reason);
    else expect(s.impact.reasons).toHaveLength(1);
  });

  it('counts several powers once, and caps at 5', () => {
    const s = suggestRisk({
      ...base,
      dataClassification: 'RESTRICTED',
      externalHosts: ['a.example'],
      permissions: { network: 'EXTERNAL', filesystem: 'WRITE', codeExecution: 'UNRESTRICTED', dataAccess: 'READ_WRITE' },
    });
    expect(s.impact.value).toBe(5);
    expect(s.impact.reasons).toContain(
      '+1 it can change things: filesystem write, unrestricted code execution, read-write data access',
    );
    expect(s.impact.reasons.at(-1)).toBe('Capped at 5 (the factors add up to 6)');
  });
});

describe('checkOverrides', () => {
  const suggestion = suggestRisk({ ...base, dataClassification: 'INTERNAL' }); // likelihood 1, impact 2
  it.each<[string, { likelihood: number; impact: number }, Record<string, string>, string[] | null, number]>([
    ['confirmed as suggested', { likelihood: 1, impact: 2 }, {}, null, 0],
    ['reason on a confirmed value is dropped', { likelihood: 1, impact: 2 }, { likelihood: 'x' }, null, 0],
    ['override with reason', { likelihood: 3, impact: 2 }, { likelihood: 'Pen test found an SSRF' }, null, 1],
    ['override without reason', { likelihood: 3, impact: 2 }, {}, ['likelihoodReason'], 0],
    ['blank reason', { likelihood: 1, impact: 4 }, { impact: '   ' }, ['impactReason'], 0],
    ['both overridden, one reason', { likelihood: 2, impact: 3 }, { impact: 'handles payroll' }, ['likelihoodReason'], 0],
  ])('%s', (_name, chosen, reasons, problems, count) => {
    const r = checkOverrides(suggestion, chosen, reasons);
    if (problems) expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(problems);
    else expect(r).toMatchObject({ ok: true, overrides: expect.any(Array) });
    if (r.ok) expect(r.overrides).toHaveLength(count);
  });

  it('names the suggested and chosen value', () => {
    const r = checkOverrides(suggestion, { likelihood: 4, impact: 2 }, {});
    expect(r).toEqual({
      ok: false,
      problems: [{ path: 'likelihoodReason', message: 'Say why you override the suggested likelihood (1) with 4' }],
    });
  });
});
