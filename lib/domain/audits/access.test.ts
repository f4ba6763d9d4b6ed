import { describe, expect, it } from 'vitest';
import { auditorAccess } from './access';

const isOpen = (a: string) => a === 'open';

const opensAt = new Date('2026-04-01T00:00:00Z');
const closesAt = new Date('2026-05-01T00:00:00Z');

describe('auditor access window', () => {
  it.each([
    [true, '2026-03-31T23:59:59.999Z', 'notYetOpen'],
    [true, '2026-04-01T00:00:00.000Z', 'open'],
    [true, '2026-04-15T12:00:00.000Z', 'open'],
    [true, '2026-04-30T23:59:59.999Z', 'open'],
    [true, '2026-05-01T00:00:00.000Z', 'closed'],
    [true, '2027-01-01T00:00:00.000Z', 'closed'],
    [false, '2026-04-15T12:00:00.000Z', 'notAssigned'],
    [false, '2026-06-15T12:00:00.000Z', 'notAssigned'],
  ] as const)('assigned %s at %s → %s', (assigned, at, expected) => {
    const access = auditorAccess({ assigned, opensAt, closesAt, now: new Date(at) });
    expect(access).toBe(expected);
    expect(isOpen(access)).toBe(expected === 'open');
  });
});
