import { describe, expect, it } from 'vitest';
import { fastTrackEligibility, reviewTriggers, type FastTrackInput } from './fast-track';
import type { PermissionSet } from '../types';

const ALL_ON = { reviewOnExternalNetwork: true, reviewOnFilesystemWrite: true, reviewOnCodeExecution: true };
const NONE: PermissionSet = { network: 'NONE', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'NONE' };

describe('reviewTriggers', () => {
  it.each([
    [NONE, []],
    [{ ...NONE, network: 'INTERNAL' }, []],
    [{ ...NONE, network: 'EXTERNAL' }, ['external-network']],
    [{ ...NONE, filesystem: 'READ' }, []],
    [{ ...NONE, filesystem: 'WRITE' }, ['filesystem-write']],
    [{ ...NONE, codeExecution: 'SANDBOXED' }, ['code-execution']],
    [{ ...NONE, codeExecution: 'UNRESTRICTED' }, ['code-execution']],
    [{ ...NONE, dataAccess: 'READ_WRITE' }, []],
    [{ network: 'EXTERNAL', filesystem: 'WRITE', codeExecution: 'SANDBOXED', dataAccess: 'READ' }, ['external-network', 'filesystem-write', 'code-execution']],
  ] as [PermissionSet, string[]][])('%o → %o', (perms, expected) => {
    expect(reviewTriggers(perms, ALL_ON).map((t) => t.key)).toEqual(expected);
  });

  it('respects triggers switched off in the policy', () => {
    const all: PermissionSet = { network: 'EXTERNAL', filesystem: 'WRITE', codeExecution: 'UNRESTRICTED', dataAccess: 'READ' };
    expect(reviewTriggers(all, { reviewOnExternalNetwork: false, reviewOnFilesystemWrite: false, reviewOnCodeExecution: false })).toEqual([]);
    expect(reviewTriggers(all, { ...ALL_ON, reviewOnFilesystemWrite: false }).map((t) => t.key)).toEqual(['external-network', 'code-execution']);
  });
});

describe('fastTrackEligibility', () => {
  const trigger = { key: 'external-network' as const, reason: 'The version reaches external networks' };
  const base: FastTrackInput = { kind: 'NEW_TOOL', evaluated: true, policyPasses: true, failedRules: [], triggers: [], onAllowlist: false };

  it.each([
    ['clean pass', {}, true, 'clean'],
    ['allowlisted with trigger', { triggers: [trigger], onAllowlist: true }, true, 'allowlist'],
    ['allowlisted, clean', { onAllowlist: true }, true, 'allowlist'],
    ['trigger fired', { triggers: [trigger] }, false, /manual review triggered: the version reaches external networks/i],
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
