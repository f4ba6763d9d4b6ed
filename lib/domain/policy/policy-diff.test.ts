import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from './defaults';
import { diffPolicies, formatPolicySetting, POLICY_FIELD_LABELS } from './policy-diff';
import type { PolicySettings } from './types';

const prod = DEFAULT_POLICIES.PRODUCTION;

describe('diffPolicies', () => {
  it('is empty for identical settings', () => {
    expect(diffPolicies(prod, { ...prod })).toEqual([]);
  });

  it.each<[string, Partial<PolicySettings>, { label: string; from: string; to: string }]>([
    ['tier lowered', { minTier: 'VERIFIED' }, { label: 'Minimum tier', from: 'Gold', to: 'Verified' }],
    ['tier removed', { minTier: null }, { label: 'Minimum tier', from: 'Gold', to: 'none' }],
    ['score added', { minTrustScore: 85 }, { label: 'Minimum trust score', from: 'none', to: '85' }],
    ['network capped', { maxNetwork: 'INTERNAL' }, { label: 'Maximum network', from: 'external', to: 'internal' }],
    ['data access capped', { maxDataAccess: 'READ' }, { label: 'Maximum data access', from: 'read-write', to: 'read' }],
    ['review switched off', { reviewOnCodeExecution: false }, { label: 'Review on code execution', from: 'yes', to: 'no' }],
    [
      'freshness removed',
      { maxVerificationAgeDays: null },
      { label: 'Verification valid for (days)', from: '180', to: 'no limit' },
    ],
    ['logging on', { logUnverified: true }, { label: 'Log unverified use', from: 'no', to: 'yes' }],
  ])('%s', (_n, patch, expected) => {
    expect(diffPolicies(prod, { ...prod, ...patch })).toEqual([expect.objectContaining(expected)]);
  });

  it('lists every setting for the first version', () => {
    const all = diffPolicies(null, prod);
    expect(all).toHaveLength(Object.keys(POLICY_FIELD_LABELS).length);
    expect(all.every((c) => c.from === '—')).toBe(true);
  });

  it('formats single settings', () => {
    expect(formatPolicySetting('maxCodeExecution', 'SANDBOXED')).toBe('sandboxed');
    expect(formatPolicySetting('minTier', 'GOLD')).toBe('Gold');
  });
});
