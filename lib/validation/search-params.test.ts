import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildHref, dateRangeIssues, parseSearchBox, parseSearchParams, urlList, ZUrlDay, ZUrlPage } from './search-params';
import { CONTROL_CHARACTER_MESSAGE } from './text';
import { ZEnforcementLogFilter } from './enforce';

const ZQuery = z.object({
  q: z.string().trim().max(10, 'Too long').optional(),
  tier: urlList(z.enum(['GOLD', 'PARTIAL'], { error: 'Unknown tier' })),
  from: ZUrlDay.optional(),
  to: ZUrlDay.optional(),
  page: ZUrlPage.default(1),
});

describe('ZUrlDay', () => {
  it.each([
    ['2026-11-25', true],
    ['2024-02-29', true],
    ['2026-13-01', false],
    ['2026-02-30', false],
    ['2026-00-10', false],
    ['26-11-25', false],
    ['2026-11-25T00:00', false],
  ])('%s → %s', (value, ok) => {
    expect(ZUrlDay.safeParse(value).success).toBe(ok);
  });
});

describe('parseSearchParams', () => {
  it.each<[string, Record<string, string | string[]>, Record<string, unknown>, string[]]>([
    ['defaults when empty', {}, { page: 1 }, []],
    ['keeps good fields', { q: 'pdf', page: '3' }, { q: 'pdf', page: 3 }, []],
    ['drops only the bad field', { q: 'pdf', from: '2026-13-01' }, { q: 'pdf', page: 1 }, ['from']],
    ['lists from repeated keys or commas', { tier: ['GOLD', 'PARTIAL'] }, { tier: ['GOLD', 'PARTIAL'], page: 1 }, []],
    ['lists from one comma value', { tier: 'GOLD,PARTIAL' }, { tier: ['GOLD', 'PARTIAL'], page: 1 }, []],
    ['an unknown list value drops the list', { tier: 'GOLD,PLATINUM' }, { page: 1 }, ['tier']],
    ['first of repeated plain values', { q: ['a', 'b'] }, { q: 'a', page: 1 }, []],
    ['blank values are no filter', { q: '  ', from: '' }, { page: 1 }, []],
    ['NUL and other controls refused', { q: 'a\u0000b' }, { page: 1 }, ['q']],
    ['page zero refused', { page: '0' }, { page: 1 }, ['page']],
    ['unknown keys ignored', { bogus: 'x' }, { page: 1 }, []],
  ])('%s', (_name, raw, query, paths) => {
    const parsed = parseSearchParams(ZQuery, raw);
    expect(parsed.query).toEqual(query);
    expect(parsed.issues.map((i) => i.path)).toEqual(paths);
  });

  it('applies cross-field rules and drops what they refuse', () => {
    const parsed = parseSearchParams(ZQuery, { from: '2026-11-25', to: '2026-11-01' }, dateRangeIssues);
    expect(parsed.query).toEqual({ from: '2026-11-25', page: 1 });
    expect(parsed.issues).toEqual([{ path: 'to', message: 'The end date is before the start date' }]);
  });

  it('reads the enforcement log URL that used to answer 500', () => {
    const parsed = parseSearchParams(ZEnforcementLogFilter, { from: '2026-13-01', outcome: 'DENY' });
    expect(parsed.query).toEqual({ outcome: 'DENY' });
    expect(parsed.issues).toEqual([{ path: 'from', message: 'Not a real date' }]);
  });
});

describe('buildHref', () => {
  it.each<[Record<string, string | number | string[] | undefined>, Record<string, string | number>, string]>([
    [{}, {}, '/x'],
    [{ q: 'a b', page: 1 }, { page: 1 }, '/x?q=a+b'],
    [{ tier: ['GOLD', 'PARTIAL'], page: 2 }, { page: 1 }, '/x?tier=GOLD%2CPARTIAL&page=2'],
    [{ q: '', tier: [], state: 'OPEN' }, { state: 'OPEN' }, '/x'],
  ])('%j', (query, defaults, expected) => {
    expect(buildHref('/x', query, defaults)).toBe(expected);
  });
});

describe('parseSearchBox', () => {
  it('keeps a search and trims it', () => {
    expect(parseSearchBox('  pdf ')).toEqual({ search: 'pdf' });
    expect(parseSearchBox(undefined)).toEqual({ search: '' });
    expect(parseSearchBox(['a', 'b'])).toEqual({ search: '' });
  });
  it('refuses a NUL byte or an over-long value with the problem to show, searching for nothing', () => {
    expect(parseSearchBox('a\u0000b')).toEqual({ search: '', issue: CONTROL_CHARACTER_MESSAGE });
    expect(parseSearchBox('x'.repeat(201))).toEqual({ search: '', issue: 'Use at most 200 characters' });
  });
});
