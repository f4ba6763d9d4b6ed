// The compliance matrix pages (issue 9.4): each page evaluates its own versions only, the pages
// add up to the total with no repeat, and the summary, computed once per governing change, moves
// as soon as a change commits (the enforcement generation) without a restart.
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { createBulkCatalog } from '@/lib/testing/bulk-catalog';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { getComplianceMatrix, type MatrixQuery } from './get-compliance-matrix';

const t = withTestDatabase();
const TOOLS = 45;
const matrix = (input: MatrixQuery) => getComplianceMatrix({ actor: SYSTEM_ACTOR, input });

describe('compliance matrix paging', () => {
  beforeAll(async () => {
    await createBulkCatalog(t.db().prisma, { tools: TOOLS, versionsPerTool: 2, publishers: 3, agentsPerEnv: 1 });
  }, 180_000);

  it('pages through every latest version once, with the same summary on every page', async () => {
    const first = await matrix({ pageSize: 10 });
    expect(first.total).toBe(TOOLS);
    expect(first.rows).toHaveLength(10);
    const seen = first.rows.map((r) => r.toolVersionId);
    for (let page = 2; page <= Math.ceil(TOOLS / 10); page++) {
      const p = await matrix({ pageSize: 10, page });
      expect(p.summary).toEqual(first.summary);
      seen.push(...p.rows.map((r) => r.toolVersionId));
    }
    expect(new Set(seen).size).toBe(TOOLS);
    const every = await matrix({ pageSize: 200, scope: 'all' });
    expect(every.total).toBe(TOOLS * 2);
  });

  it('a status filter pages through the matching versions, and a governing change shows at once', async () => {
    const failing = await matrix({ status: 'failing', environment: 'PRODUCTION', pageSize: 5 });
    const passingBefore = (await matrix({ environment: 'PRODUCTION' })).summary.PRODUCTION!;
    expect(failing.rows.every((r) => r.cells.some((c) => !c.passes))).toBe(true);
    expect(failing.total).toBe(passingBefore.fail);
    // Fail every latest version (a failed verification is below every policy's minimum tier).
    const ids = (await matrix({ pageSize: 200 })).rows.map((r) => r.toolVersionId);
    await t
      .db()
      .prisma.toolVersion.updateMany({ where: { id: { in: ids } }, data: { tier: 'FAILED', verificationState: 'FAILED' } });
    const after = await matrix({ environment: 'PRODUCTION' });
    expect(after.summary.PRODUCTION).toMatchObject({ fail: TOOLS, pass: 0 });
  });
});
