import { describe, expect, it } from 'vitest';
import { capTier, deriveTier, describeCappedTier, parseRegistryTier, tierAtLeast } from './tiers';

describe('deriveTier', () => {
  it.each([
    [100, 'GOLD'],
    [90, 'GOLD'],
    [89, 'VERIFIED'],
    [70, 'VERIFIED'],
    [69, 'PARTIAL'],
    [50, 'PARTIAL'],
    [49, 'UNVERIFIED'],
    [0, 'UNVERIFIED'],
  ] as const)('score %i → %s', (score, tier) => {
    expect(deriveTier({ score, anyCheckFailed: false })).toBe(tier);
  });

  it('is Failed when any check failed, whatever the score', () => {
    expect(deriveTier({ score: 98, anyCheckFailed: true })).toBe('FAILED');
  });

  it('is Unverified without a verification score', () => {
    expect(deriveTier({ score: null, anyCheckFailed: false })).toBe('UNVERIFIED');
    expect(deriveTier({ score: undefined, anyCheckFailed: false })).toBe('UNVERIFIED');
    expect(deriveTier({ score: Number.NaN, anyCheckFailed: false })).toBe('UNVERIFIED');
  });
});

describe('tierAtLeast', () => {
  it.each([
    ['GOLD', 'GOLD', true],
    ['GOLD', 'VERIFIED', true],
    ['VERIFIED', 'GOLD', false],
    ['PARTIAL', 'VERIFIED', false],
    ['UNVERIFIED', 'PARTIAL', false],
    ['FAILED', 'UNVERIFIED', false],
    ['UNVERIFIED', 'UNVERIFIED', true],
  ] as const)('%s ≥ %s is %s', (tier, min, expected) => {
    expect(tierAtLeast(tier, min)).toBe(expected);
  });
});

describe('capTier (AgentNode caps beyond the score)', () => {
  const gold = {
    scoreTier: 'GOLD' as const,
    mode: 'real',
    smokePassed: true,
    smokeReason: null,
    reliability: 1,
    registryTier: null,
  };
  it.each([
    ['a clean real-mode run stays Gold', {}, 'GOLD', null, []],
    ['mock mode: at most Partial', { mode: 'mock' }, 'PARTIAL', 'GOLD', ['mock-mode']],
    [
      'credential boundary: at most Partial',
      { smokePassed: false, smokeReason: 'credential_boundary_reached' },
      'PARTIAL',
      'GOLD',
      ['credential-boundary'],
    ],
    [
      'needs credentials: at most Partial',
      { smokePassed: false, smokeReason: 'needs_credentials' },
      'PARTIAL',
      'GOLD',
      ['credential-boundary'],
    ],
    ['limited mode: at most Verified', { mode: 'limited' }, 'VERIFIED', 'GOLD', ['limited-mode']],
    ['smoke failed: at most Verified', { smokePassed: false }, 'VERIFIED', 'GOLD', ['smoke-not-passed']],
    [
      'smoke inconclusive for a sandbox limit: at most Verified',
      { smokePassed: false, smokeReason: 'external_network_blocked' },
      'VERIFIED',
      'GOLD',
      ['smoke-not-passed'],
    ],
    ['reliability below 0.9: not Gold', { reliability: 2 / 3 }, 'VERIFIED', 'GOLD', ['gold-needs-reliability']],
    ['reliability exactly 0.9 is enough', { reliability: 0.9 }, 'GOLD', null, []],
    ['reliability not reported: no cap', { reliability: null }, 'GOLD', null, []],
    ['contract invalid: at most Verified', { contractValid: false }, 'VERIFIED', 'GOLD', ['contract-invalid']],
    ['auto mode without explicit cases: not Gold', { mode: 'real_auto' }, 'VERIFIED', 'GOLD', ['gold-needs-real-mode']],
    ['mode not reported counts as real', { mode: null }, 'GOLD', null, []],
    ['cases_real and fixture are real modes', { mode: 'cases_real' }, 'GOLD', null, []],
    ['registry tier lower than the score tier wins', { registryTier: 'VERIFIED' }, 'VERIFIED', 'GOLD', ['registry-tier']],
    [
      'registry tier Unverified wins over everything',
      { registryTier: 'UNVERIFIED', mode: 'mock' },
      'UNVERIFIED',
      'GOLD',
      ['registry-tier'],
    ],
    ['registry tier higher than ours never raises it', { registryTier: 'GOLD', mode: 'mock' }, 'PARTIAL', 'GOLD', ['mock-mode']],
    [
      'several caps at the same level are all named',
      { mode: 'mock', registryTier: 'PARTIAL' },
      'PARTIAL',
      'GOLD',
      ['mock-mode', 'registry-tier'],
    ],
    [
      'the lowest cap sets the tier, only it is named',
      { mode: 'limited', smokePassed: false, smokeReason: 'credential_boundary_reached' },
      'PARTIAL',
      'GOLD',
      ['credential-boundary'],
    ],
  ] as const)('%s', (_name, patch, tier, cappedFrom, keys) => {
    const out = capTier({ ...gold, ...patch });
    expect(out.tier).toBe(tier);
    expect(out.cappedFrom).toBe(cappedFrom);
    expect(out.caps.map((c) => c.key)).toEqual(keys);
  });

  it.each([
    ['Verified score in mock mode drops to Partial', 'VERIFIED', { mode: 'mock' }, 'PARTIAL'],
    [
      'Verified score with a failed smoke test stays Verified (the cap is not lower)',
      'VERIFIED',
      { smokePassed: false },
      'VERIFIED',
    ],
    ['Partial score in limited mode stays Partial', 'PARTIAL', { mode: 'limited' }, 'PARTIAL'],
    ['Unverified score is never raised by the registry', 'UNVERIFIED', { registryTier: 'GOLD' }, 'UNVERIFIED'],
    ['Failed stays Failed whatever the caps', 'FAILED', { mode: 'mock', registryTier: 'GOLD' }, 'FAILED'],
  ] as const)('%s', (_name, scoreTier, patch, tier) => {
    expect(capTier({ ...gold, scoreTier, ...patch }).tier).toBe(tier);
  });

  it('says the cap and its reason in words', () => {
    const out = capTier({ ...gold, mode: 'mock' });
    expect(describeCappedTier(out.tier, out.cappedFrom, out.caps.map((c) => c.reason).join('; '))).toBe(
      'Partial (capped from Gold: mock-mode run)',
    );
    expect(describeCappedTier('GOLD', null, null)).toBe('Gold');
  });
});

describe('parseRegistryTier', () => {
  it.each([
    ['gold', 'GOLD'],
    ['Verified', 'VERIFIED'],
    ['partial', 'PARTIAL'],
    ['unverified', 'UNVERIFIED'],
    ['Official', null],
    [null, null],
  ] as const)('%s → %s', (word, tier) => {
    expect(parseRegistryTier(word)).toBe(tier);
  });
});
