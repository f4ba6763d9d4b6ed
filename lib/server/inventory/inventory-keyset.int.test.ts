// Keyset paging of the inventory (issue 9.4): walking next from the first page, and previous
// back from the last, returns exactly the rows of one ordered read, in order, with no duplicate
// and no gap, for every sort and direction and with filters, also where the sort key ties
// (every tool shares one of four names, three publishers, a few trust scores, some unscored).
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { createBulkCatalog } from '@/lib/testing/bulk-catalog';
import { encodeInventoryCursor, ZInventoryQuery, type TInventoryQueryInput } from '@/lib/validation/inventory';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { findToolsForInventory } from './find-tools-for-inventory';
import { inventoryOrderBy, inventoryWhere } from './inventory-where';

const t = withTestDatabase();
const TOOLS = 90;
const PAGE = 7;
const find = (input: TInventoryQueryInput) => findToolsForInventory({ actor: SYSTEM_ACTOR, input: ZInventoryQuery.parse(input) });

/** Every matching id in the list's order, read at once (the reference the pages must add up to). */
async function reference(input: TInventoryQueryInput): Promise<string[]> {
  const q = ZInventoryQuery.parse(input);
  const rows = await t
    .db()
    .prisma.tool.findMany({ where: inventoryWhere(q), orderBy: inventoryOrderBy(q), select: { id: true } });
  return rows.map((r) => r.id);
}

async function walk(input: TInventoryQueryInput) {
  const forward: string[] = [];
  let page = await find({ ...input, pageSize: PAGE });
  let n = 1;
  for (;;) {
    expect(page.page).toBe(n);
    forward.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) break;
    page = await find({ ...input, pageSize: PAGE, after: page.nextCursor, page: ++n });
  }
  const backward: string[] = [...page.rows.map((r) => r.id)].reverse();
  while (page.prevCursor) {
    page = await find({ ...input, pageSize: PAGE, before: page.prevCursor, page: --n });
    backward.push(...[...page.rows.map((r) => r.id)].reverse());
  }
  expect(page.page).toBe(1);
  return { forward, backward: backward.reverse() };
}

describe('inventory keyset paging', () => {
  beforeAll(async () => {
    const prisma = t.db().prisma;
    await createBulkCatalog(prisma, { tools: TOOLS, versionsPerTool: 1, publishers: 3, agentsPerEnv: 2 });
    // Ties everywhere: four names, trust scores in steps of 25, every fifth tool unscored.
    const tools = await prisma.tool.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    for (const [i, tool] of tools.entries()) {
      await prisma.tool.update({
        where: { id: tool.id },
        data: { name: `tool-${i % 4}`, trustScore: i % 5 === 0 ? null : (i % 4) * 25 },
      });
    }
  }, 180_000);

  it.each([
    ['name', 'asc'],
    ['name', 'desc'],
    ['tier', 'asc'],
    ['tier', 'desc'],
    ['trustScore', 'asc'],
    ['trustScore', 'desc'],
    ['updatedAt', 'desc'],
    ['publisher', 'asc'],
    ['publisher', 'desc'],
  ] as const)('sorted by %s %s: next then previous give every tool once, in order', async (sort, dir) => {
    const expected = await reference({ sort, dir });
    expect(expected).toHaveLength(TOOLS);
    const { forward, backward } = await walk({ sort, dir });
    expect(forward).toEqual(expected);
    expect(backward).toEqual(expected);
  });

  it.each([
    ['a tier filter', { tier: ['GOLD', 'FAILED'], sort: 'tier' }],
    ['an environment', { env: 'PRODUCTION', sort: 'trustScore', dir: 'desc' }],
    ['a search', { q: 'tool-2', sort: 'publisher' }],
    ['permissions', { network: 'NONE', sort: 'name', dir: 'desc' }],
  ] as [string, TInventoryQueryInput][])('with %s the pages add up to the filtered list', async (_, input) => {
    const expected = await reference(input);
    const { forward, backward } = await walk(input);
    expect(forward).toEqual(expected);
    expect(backward).toEqual(expected);
  });

  it('counts from the page on, and a cursor of another sort is a field error, not a crash', async () => {
    const first = await find({ pageSize: PAGE });
    expect(first).toMatchObject({ total: TOOLS, totalIsLowerBound: false, pageCount: Math.ceil(TOOLS / PAGE) });
    const second = await find({ pageSize: PAGE, after: first.nextCursor!, page: 2 });
    expect(second.total).toBe(TOOLS);
    const wrong = encodeInventoryCursor(['tool-1', 'x']);
    // Straight to the operation (the helper above parses first): it answers 400 with the field.
    const raw = (input: TInventoryQueryInput) => findToolsForInventory({ actor: SYSTEM_ACTOR, input });
    await expect(raw({ sort: 'tier', after: wrong })).rejects.toMatchObject({ status: 400, issues: [{ path: 'after' }] });
    await expect(raw({ after: 'not base64 at all!' })).rejects.toMatchObject({ status: 400, issues: [{ path: 'after' }] });
  });

  it('a cursor past the last row gives an empty page that says how many match', async () => {
    const past = await find({ after: encodeInventoryCursor(['zzzz', 'zzzz']), page: 9 });
    expect(past).toMatchObject({ rows: [], total: TOOLS, nextCursor: null });
  });
});
