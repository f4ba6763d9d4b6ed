import { describe, expect, it } from 'vitest';
import { fastTrackEligibility, needsSecurityReview, type FastTrackInput } from './fast-track';

describe('fastTrackEligibility', () => {
  const trigger = { trigger: 'external-network', reason: 'Reaches external networks.' };
  const base: FastTrackInput = { kind: 'NEW_TOOL', evaluated: true, policyPasses: true, failedRules: [], triggers: [], onAllowlist: false };

  it.each([
    ['clean pass', {}, true, 'clean'],
    ['allowlisted with trigger', { triggers: [trigger], onAllowlist: true }, true, 'allowlist'],
    ['allowlisted, clean', { onAllowlist: true }, true, 'allowlist'],
    ['trigger fired', { triggers: [trigger] }, false, /manual review triggered: reaches external networks$/i],
    ['fails a rule', { policyPasses: false, failedRules: ['min-tier'] }, false, /fails policy rule: min-tier/i],
    ['allowlisted but fails a rule', { policyPasses: false, failedRules: ['min-tier', 'max-network'], onAllowlist: true }, false, /rules: min-tier, max-network/],
    ['unknown tool', { evaluated: false, policyPasses: false }, false, /not in the inventory/],
    ['removal', { kind: 'REMOVAL' }, false, /removals are always reviewed/i],
    ['version update, clean', { kind: 'VERSION_UPDATE' }, true, 'clean'],
    ['permission change with trigger', { kind: 'PERMISSION_CHANGE', triggers: [trigger] }, false, /triggered/],
  ] as [string, Partial<FastTrackInput>, boolean, string | RegExp][])('%s', (_name, patch, eligible, expected) => {
    const r = fastTrackEligibility({ ...base, ...patch });
    expect(r.eligible).toBe(eligible);
    if (r.eligible) expect(r.basis).toBe(expected);
    else expect(r.reason).toMatch(expected as RegExp);
  });
});

describe('needsSecurityReview', () => {
  const t = [{ trigger: 'code-execution', reason: 'Executes code.' }];
  it.each([
    ['clean pass', { kind: 'NEW_TOOL', evaluated: true, policyPasses: true, triggers: [] }, false],
    ['trigger', { kind: 'NEW_TOOL', evaluated: true, policyPasses: true, triggers: t }, true],
    ['fails policy', { kind: 'VERSION_UPDATE', evaluated: true, policyPasses: false, triggers: [] }, true],
    ['unknown tool', { kind: 'NEW_TOOL', evaluated: false, policyPasses: false, triggers: [] }, true],
    ['removal with trigger', { kind: 'REMOVAL', evaluated: true, policyPasses: false, triggers: t }, false],
  ] as const)('%s → %s', (_n, input, expected) => {
    expect(needsSecurityReview(input)).toBe(expected);
  });
});
