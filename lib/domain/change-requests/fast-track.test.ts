import { describe, expect, it } from 'vitest';
import { allowlistStanding, fastTrackEligibility, needsSecurityReview, type FastTrackInput } from './fast-track';

describe('fastTrackEligibility', () => {
  const trigger = { trigger: 'external-network', reason: 'Reaches external networks.' };
  const base: FastTrackInput = {
    kind: 'NEW_TOOL',
    evaluated: true,
    policyPasses: true,
    failedRules: [],
    triggers: [],
    allowlistEntry: null,
    requestedById: 'carla',
  };
  const approvedBySam = { status: 'APPROVED', createdById: 'chris' } as const;

  it.each([
    ['clean pass', {}, true, 'clean'],
    ['allowlisted with trigger', { triggers: [trigger], allowlistEntry: approvedBySam }, true, 'allowlist'],
    ['allowlisted, clean', { allowlistEntry: approvedBySam }, true, 'allowlist'],
    [
      'allowlisted, raised by the enforcement API',
      { triggers: [trigger], allowlistEntry: approvedBySam, requestedById: null },
      true,
      'allowlist',
    ],
    [
      'allowlist entry pending, trigger',
      { triggers: [trigger], allowlistEntry: { status: 'PENDING', createdById: 'chris' } },
      false,
      /allowlist does not apply: its allowlist entry still awaits/,
    ],
    [
      'allowlist entry by the requester, trigger',
      { triggers: [trigger], allowlistEntry: { status: 'APPROVED', createdById: 'carla' } },
      false,
      /you added its allowlist entry yourself/,
    ],
    [
      'allowlist entry rejected, trigger',
      { triggers: [trigger], allowlistEntry: { status: 'REJECTED', createdById: 'chris' } },
      false,
      /triggered: reaches external networks$/,
    ],
    [
      'allowlist entry revoked, trigger',
      { triggers: [trigger], allowlistEntry: { status: 'REVOKED', createdById: 'chris' } },
      false,
      /triggered: reaches external networks$/,
    ],
    ['allowlist entry pending, clean', { allowlistEntry: { status: 'PENDING', createdById: 'chris' } }, true, 'clean'],
    ['trigger fired', { triggers: [trigger] }, false, /manual review triggered: reaches external networks$/i],
    ['fails a rule', { policyPasses: false, failedRules: ['min-tier'] }, false, /fails policy rule: min-tier/i],
    [
      'allowlisted but fails a rule',
      { policyPasses: false, failedRules: ['min-tier', 'max-network'], allowlistEntry: approvedBySam },
      false,
      /rules: min-tier, max-network/,
    ],
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

describe('allowlistStanding', () => {
  it.each([
    ['no entry', null, 'carla', false],
    ['pending', { status: 'PENDING', createdById: 'chris' }, 'carla', false],
    ['approved, other creator', { status: 'APPROVED', createdById: 'chris' }, 'carla', true],
    ['approved, own entry', { status: 'APPROVED', createdById: 'carla' }, 'carla', false],
    ['approved, enforcement request', { status: 'APPROVED', createdById: 'carla' }, null, true],
    ['rejected', { status: 'REJECTED', createdById: 'chris' }, 'carla', false],
    ['revoked', { status: 'REVOKED', createdById: 'chris' }, 'carla', false],
  ] as const)('%s → waives %s', (_n, entry, requester, waives) => {
    expect(allowlistStanding(entry, requester).waives).toBe(waives);
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
