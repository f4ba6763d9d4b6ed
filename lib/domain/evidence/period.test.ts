import { describe, expect, it } from 'vitest';
import { periodIssues, periodOfDays } from './period';

const NOW = new Date('2026-07-15T10:00:00Z');

describe('periodIssues', () => {
  it.each([
    ['2026-04-01', '2026-06-30', []],
    ['2026-07-15', '2026-07-15', []],
    ['2026-06-30', '2026-04-01', ['to']],
    ['2026-07-01', '2026-07-16', ['to']],
    ['2026-08-01', '2026-08-31', ['from', 'to']],
  ] as const)('%s to %s → %j', (from, to, paths) => {
    expect(periodIssues(from, to, NOW).map((i) => i.path)).toEqual(paths);
  });
});

describe('periodOfDays', () => {
  it('ends at the midnight after the last day', () => {
    expect(periodOfDays('2026-04-01', '2026-06-30')).toEqual({
      from: new Date('2026-04-01T00:00:00Z'),
      to: new Date('2026-07-01T00:00:00Z'),
    });
  });
});
