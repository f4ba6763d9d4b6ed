import { describe, expect, it } from 'vitest';
import { exceptionInapplicableReason, findCoveringExceptions } from './exceptions';
import type { ExceptionFacts } from './types';

const NOW = new Date('2026-11-25T12:00:00Z');
const base: ExceptionFacts = {
  id: 'tool-wide',
  rules: ['min-tier', 'max-network'],
  toolId: 't1',
  toolVersionId: null,
  environment: 'PRODUCTION',
  status: 'APPROVED',
  expiresAt: new Date('2027-06-01T00:00:00Z'),
};
const scope = { toolId: 't1', toolVersionId: 'v1', environment: 'PRODUCTION' as const, now: NOW };

describe('exceptionInapplicableReason', () => {
  it.each<[string, Partial<ExceptionFacts>, string | null]>([
    ['applies', {}, null],
    ['version-specific, same version', { toolVersionId: 'v1' }, null],
    ['version-specific, other version', { toolVersionId: 'v2' }, 'granted for another version'],
    ['rejected', { status: 'REJECTED' }, 'status is rejected'],
    ['expired', { expiresAt: new Date('2026-01-01T00:00:00Z') }, 'expired 2026-01-01'],
    ['other environment', { environment: 'DEVELOPMENT' }, 'granted for development'],
    ['other tool', { toolId: 'x' }, 'granted for another tool'],
  ])('%s', (_n, patch, expected) => {
    expect(exceptionInapplicableReason({ ...base, ...patch }, scope)).toBe(expected);
  });

  it.each<[string, Partial<ExceptionFacts>, string | undefined, string | null]>([
    ['range covers the version', { versionRange: '>=2.0.0 <3.0.0' }, '2.1.0', null],
    ['range lower bound inclusive', { versionRange: '>=2.0.0 <3.0.0' }, '2.0.0', null],
    ['range upper bound exclusive', { versionRange: '>=2.0.0 <3.0.0' }, '3.0.0', 'granted for versions >=2.0.0 <3.0.0'],
    ['caret range', { versionRange: '^1.2.0' }, '1.9.9', null],
    ['tilde range misses the next minor', { versionRange: '~1.2.0' }, '1.3.0', 'granted for versions ~1.2.0'],
    ['loose version name coerced (v-prefix)', { versionRange: '>=2.0.0' }, 'v2.1.0', null],
    ['non-semver version name', { versionRange: '>=2.0.0' }, 'latest', 'granted for versions >=2.0.0'],
    ['version name unknown', { versionRange: '>=2.0.0' }, undefined, 'granted for versions >=2.0.0'],
    ['invalid range covers nothing', { versionRange: 'not a range' }, '2.0.0', 'granted for versions not a range'],
    ['version id wins over range', { toolVersionId: 'v2', versionRange: '*' }, '2.0.0', 'granted for another version'],
    ['range but expired', { versionRange: '*', expiresAt: NOW }, '2.0.0', 'expired 2026-11-25'],
  ])('%s', (_n, patch, version, expected) => {
    expect(exceptionInapplicableReason({ ...base, ...patch }, { ...scope, version })).toBe(expected);
  });

  it('does not apply when the version is unknown to the inventory (no tool id)', () => {
    expect(exceptionInapplicableReason(base, { ...scope, toolId: undefined })).toBe('granted for another tool');
  });
});

describe('findCoveringExceptions', () => {
  it('prefers one version over a range, and a range over every version', () => {
    const range = { ...base, id: 'range', versionRange: '>=1.0.0', expiresAt: new Date('2026-12-01T00:00:00Z') };
    const one = { ...base, id: 'one', toolVersionId: 'v1', expiresAt: new Date('2026-11-30T00:00:00Z') };
    const s = { ...scope, version: '1.2.0' };
    expect(findCoveringExceptions(['min-tier'], [base, range], s)['min-tier']?.id).toBe('range');
    expect(findCoveringExceptions(['min-tier'], [base, range, one], s)['min-tier']?.id).toBe('one');
  });

  it('covers only the rules it names', () => {
    expect(findCoveringExceptions(['min-score', 'min-tier'], [base], scope)).toEqual({ 'min-tier': base });
  });

  it('prefers a version-specific exception over a tool-wide one', () => {
    const specific = { ...base, id: 'specific', toolVersionId: 'v1', expiresAt: new Date('2026-12-01T00:00:00Z') };
    expect(findCoveringExceptions(['min-tier'], [base, specific], scope)['min-tier']?.id).toBe('specific');
  });

  it('then the one that lasts longest', () => {
    const longer = { ...base, id: 'longer', expiresAt: new Date('2028-01-01T00:00:00Z') };
    expect(findCoveringExceptions(['min-tier'], [base, longer], scope)['min-tier']?.id).toBe('longer');
  });

  it('covers only listed rules and never not-quarantined', () => {
    const all = { ...base, rules: ['min-tier', 'not-quarantined'] };
    const out = findCoveringExceptions(['min-tier', 'not-quarantined', 'max-filesystem'], [all], scope);
    expect(Object.keys(out)).toEqual(['min-tier']);
  });

  it('returns nothing without exceptions', () => {
    expect(findCoveringExceptions(['min-tier'], [], scope)).toEqual({});
  });
});
