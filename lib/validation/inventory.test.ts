import { describe, expect, it } from 'vitest';
import { inventorySearchParams, parseInventoryQuery, parseInventoryQueryStrict, ZInventoryQuery } from './inventory';

describe('parseInventoryQuery (page)', () => {
  it.each([
    [{}, {}],
    [{ tier: 'GOLD,VERIFIED' }, { tier: ['GOLD', 'VERIFIED'] }],
    [{ tier: ['GOLD', 'FAILED'] }, { tier: ['GOLD', 'FAILED'] }],
    [
      { env: 'PRODUCTION', network: 'EXTERNAL', q: '  mail ' },
      { env: 'PRODUCTION', network: 'EXTERNAL', q: 'mail' },
    ],
    [
      { sort: 'trustScore', dir: 'desc', page: '3', pageSize: '50' },
      { sort: 'trustScore', dir: 'desc', page: 3, pageSize: 50 },
    ],
    [{ page: '', q: '' }, {}],
  ])('%j → %j', (params, expected) => {
    const { query, issues } = parseInventoryQuery(params);
    expect(issues).toEqual([]);
    expect(query).toMatchObject({ sort: 'name', dir: 'asc', page: 1, pageSize: 25, ...expected });
  });

  it.each([
    ['tier', 'PLATINUM', 'Unknown tier "PLATINUM"'],
    ['env', 'prod', 'Unknown environment "prod"'],
    ['filesystem', 'ANY', 'Unknown filesystem level "ANY"'],
    ['verification', 'maybe', 'Unknown verification state'],
    ['sort', 'hackers', 'Unknown sort column'],
    ['page', '0', 'Page starts at 1'],
    ['page', 'abc', 'Page must be a number'],
    ['pageSize', '1000', 'Page size is at most 100'],
    ['publisher', "x' or 1=1", 'Not a valid id'],
    ['q', 'x'.repeat(201), 'Search at most 200 characters'],
  ])('drops and reports %s=%s', (key, value, message) => {
    const { query, issues } = parseInventoryQuery({ [key]: value, network: 'INTERNAL' });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe(key);
    expect(issues[0]!.message).toContain(message);
    expect(query.network).toBe('INTERNAL');
  });
});

describe('parseInventoryQueryStrict (API)', () => {
  it('refuses any bad field with its path', () => {
    const r = parseInventoryQueryStrict(new URLSearchParams('tier=GOLD&tier=NOPE&env=STAGING'));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['tier', 1]);
  });
  it('accepts repeated and comma-separated tiers', () => {
    const r = parseInventoryQueryStrict(new URLSearchParams('tier=GOLD&tier=PARTIAL,FAILED'));
    expect(r.data?.tier).toEqual(['GOLD', 'PARTIAL', 'FAILED']);
  });
});

describe('inventorySearchParams', () => {
  it('leaves defaults out and round-trips', () => {
    const q = ZInventoryQuery.parse({ tier: ['GOLD'], env: 'STAGING', sort: 'tier', page: 2 });
    const qs = inventorySearchParams(q).toString();
    expect(qs).toBe('env=STAGING&tier=GOLD&sort=tier&page=2');
    expect(parseInventoryQuery(Object.fromEntries(new URLSearchParams(qs))).query).toEqual(q);
  });
});

describe('inventory page cursors', () => {
  it('round-trips a sort key and checks it fits the sort', async () => {
    const { encodeInventoryCursor, decodeInventoryCursor, inventoryCursorIssues } = await import('./inventory');
    const c = encodeInventoryCursor(['GOLD', 'weather', 'c1']);
    expect(decodeInventoryCursor(c)).toEqual(['GOLD', 'weather', 'c1']);
    expect(inventoryCursorIssues({ sort: 'tier', after: c })).toEqual([]);
    expect(inventoryCursorIssues({ sort: 'name', after: c })).toEqual([
      { path: 'after', message: expect.stringContaining('another sort') },
    ]);
    expect(inventoryCursorIssues({ sort: 'trustScore', before: encodeInventoryCursor([null, 'c1']) })).toEqual([]);
    expect(parseInventoryQuery({ after: 'bad cursor!' }).issues).toEqual([
      { path: 'after', message: expect.stringContaining('Not a page cursor') },
    ]);
  });
});
