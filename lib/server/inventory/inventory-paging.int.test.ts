// Inventory paging over a catalogue larger than the count window (issue 9, point 4): the count
// stops INVENTORY_COUNT_WINDOW rows past the page and says so, pages further on count further,
// and walking every page returns every tool exactly once, also where the sort key ties.
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { createBulkCatalog } from '@/lib/testing/bulk-catalog';
import { ZInventoryQuery, type TInventoryQueryInput } from '@/lib/validation/inventory';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { findToolsForInventory, INVENTORY_COUNT_WINDOW } from './find-tools-for-inventory';

const t = withTestDatabase();
const TOOLS = INVENTORY_COUNT_WINDOW + 130;
const find = (input: TInventoryQueryInput) => findToolsForInventory({ actor: SYSTEM_ACTOR, input: ZInventoryQuery.parse(input) });

describe('inventory paging past the count window', () => {
  beforeAll(async () => {
    await createBulkCatalog(t.db().prisma, { tools: TOOLS, versionsPerTool: 1, publishers: 7, agentsPerEnv: 2 });
  }, 120_000);

  it('counts at most the window ahead of the page, then says "at least"', async () => {
    const first = await find({ pageSize: 25 });
    expect(first).toMatchObject({ total: INVENTORY_COUNT_WINDOW, totalIsLowerBound: true });
    expect(first.rows).toHaveLength(25);
    // From page 41 on (row 1,001) fewer than the window remain: the count is exact again.
    const later = await find({ pageSize: 25, page: 41 });
    expect(later).toMatchObject({ total: TOOLS, totalIsLowerBound: false, pageCount: Math.ceil(TOOLS / 25) });
    const past = await find({ pageSize: 25, page: 999 });
    expect(past).toMatchObject({ rows: [], total: TOOLS, totalIsLowerBound: false });
  });

  it('counts a narrow filter exactly', async () => {
    const failed = await find({ tier: ['FAILED'] });
    const all = await t.db().prisma.tool.count({ where: { tier: 'FAILED' } });
    expect(failed).toMatchObject({ total: all, totalIsLowerBound: false });
  });

  it.each([
    ['name', 'asc'],
    ['tier', 'desc'],
    ['trustScore', 'asc'],
    ['publisher', 'desc'],
  ] as const)('walks every page sorted by %s %s: each tool once, none skipped', async (sort, dir) => {
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const p = await find({ sort, dir, page, pageSize: 100 });
      if (p.rows.length === 0) break;
      seen.push(...p.rows.map((r) => r.id));
    }
    expect(seen).toHaveLength(TOOLS);
    expect(new Set(seen).size).toBe(TOOLS);
  });
});
