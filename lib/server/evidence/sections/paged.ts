import type { PackScope } from './types';

const PAGE = 500;

/**
 * Reads a table page by page in id order, so memory holds one page whatever the table's size and
 * the order never depends on the database's whim. `page` gets the last id seen.
 */
export async function* paged<T extends { id: string }>(page: (afterId: string | undefined, take: number) => Promise<T[]>) {
  let after: string | undefined;
  for (;;) {
    const rows = await page(after, PAGE);
    for (const r of rows) yield r;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

export const afterId = (after: string | undefined) => (after ? { id: { gt: after } } : {});

/** Records made inside the period. */
export const inPeriod = (scope: PackScope) => ({ gte: scope.from, lt: scope.to });

export const envFilter = (scope: PackScope) => (scope.environments.length ? { environment: { in: scope.environments } } : {});

export const toolFilter = (scope: PackScope) => (scope.toolIds.length ? { toolId: { in: scope.toolIds } } : {});

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
