import { describe, expect, it } from 'vitest';
import { deriveTier, tierAtLeast } from './tiers';

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
