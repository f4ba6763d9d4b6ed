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

  it('does not apply when the version is unknown to the inventory (no tool id)', () => {
    expect(exceptionInapplicableReason(base, { ...scope, toolId: undefined })).toBe('granted for another tool');
  });
});

describe('findCoveringExceptions', () => {
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
