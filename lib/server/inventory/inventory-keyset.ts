import 'server-only';
import { Prisma, type Tier } from '@prisma/client';
import type { CursorValue, TInventoryQuery } from '@/lib/validation/inventory';
import { inventoryRowSelect, type InventoryRowBase } from './inventory-where';
import { allOf, anyOf, compare, isNull, type CompareOp, type ToolCondition } from './tool-condition';

/**
 * Keyset paging of the inventory (issue 9.4): a page starts after (or ends before) one row's
 * sort key, so page 2,000 costs what page 1 costs, where OFFSET reads and drops every row before
 * it. Each sort is a list of keys ending with the id, the tie-break that makes the order total.
 *
 * Prisma has no row comparison, so "after (a, b, id)" is spelled a > x OR (a = x AND (b > y OR …))
 * plus the redundant bound a >= x, which the index turns into its start. Where the first key has
 * a few values (the tier) or nulls (the trust score), the list is read in segments, one per value
 * (or non-null, then null), each an index range in (key, name, id) order: a sort on "tier, name"
 * with a bound on the tier alone would scan and drop a whole tier's rows before the cursor.
 */

type Dir = 'asc' | 'desc';
type Field = 'name' | 'id' | 'tier' | 'trustScore' | 'updatedAt' | 'publisherName';
interface Key {
  field: Field;
  dir: Dir;
}
/** One part of the order: rows matching `where`, in `keys` order (the segment's fixed key left out). */
interface Segment {
  where: ToolCondition;
  keys: Key[];
  /** Index of the segment's first key in the cursor (1 when the segment fixes the first key). */
  from: number;
  /** Where a cursor lies: in this segment, or before or after it in the list's order. */
  locate: (cursor: CursorValue[]) => 'in' | 'before' | 'after';
}

const flip = (d: Dir): Dir => (d === 'asc' ? 'desc' : 'asc');
// The Tier enum is declared best first (GOLD … FAILED).
const TIERS: Tier[] = ['GOLD', 'VERIFIED', 'PARTIAL', 'UNVERIFIED', 'FAILED'];

/** The sort's segments in reading order; `dir` of the query, not yet flipped for paging back. */
function segmentsOf(q: Pick<TInventoryQuery, 'sort' | 'dir'>): Segment[] {
  const all = (keys: Key[]): Segment[] => [{ where: allOf([]), keys, from: 0, locate: () => 'in' }];
  const d = q.dir;
  switch (q.sort) {
    case 'name':
      return all([
        { field: 'name', dir: d },
        { field: 'id', dir: d },
      ]);
    case 'updatedAt':
      return all([
        { field: 'updatedAt', dir: d },
        { field: 'id', dir: d },
      ]);
    case 'publisher':
      return all([
        { field: 'publisherName', dir: d },
        { field: 'name', dir: 'asc' },
        { field: 'id', dir: 'asc' },
      ]);
    case 'tier': {
      // "Descending by rank" = best first = ascending enum order; within a tier by name.
      const order = d === 'desc' ? TIERS : [...TIERS].reverse();
      return order.map((tier, i) => ({
        where: compare('tier', 'equals', tier),
        keys: [
          { field: 'name', dir: 'asc' },
          { field: 'id', dir: 'asc' },
        ],
        from: 1,
        locate: (c) => {
          const at = order.indexOf(c[0] as Tier);
          return at === i ? 'in' : at < i ? 'before' : 'after';
        },
      }));
    }
    case 'trustScore':
      // Unscored tools last in both directions.
      return [
        {
          where: isNull('trustScore', false),
          keys: [
            { field: 'trustScore', dir: d },
            { field: 'id', dir: d },
          ],
          from: 0,
          locate: (c) => (c[0] === null ? 'after' : 'in'),
        },
        {
          where: isNull('trustScore', true),
          keys: [{ field: 'id', dir: d }],
          from: 1,
          locate: (c) => (c[0] === null ? 'in' : 'before'),
        },
      ];
  }
}

/** The sort key of a row, as a cursor holds it. */
export function cursorOf(q: Pick<TInventoryQuery, 'sort'>, row: InventoryKeyRow): CursorValue[] {
  switch (q.sort) {
    case 'name':
      return [row.name, row.id];
    case 'updatedAt':
      return [row.updatedAt.toISOString(), row.id];
    case 'publisher':
      return [row.publisherName, row.name, row.id];
    case 'tier':
      return [row.tier, row.name, row.id];
    case 'trustScore':
      return [row.trustScore, row.id];
  }
}

// A cursor's values are never null where they are compared: the null trust scores are a segment of their own.
const value = (field: Field, v: CursorValue) => (field === 'updatedAt' ? new Date(v as string) : (v as string | number));

/** Rows strictly after the cursor in `keys` order: the expanded row comparison, plus its leading bound. */
function afterCursor(keys: Key[], values: CursorValue[]): ToolCondition {
  const cmp = (i: number, strict: boolean) => {
    const k = keys[i]!;
    const op: CompareOp = k.dir === 'asc' ? (strict ? 'gt' : 'gte') : strict ? 'lt' : 'lte';
    return compare(k.field, op, value(k.field, values[i]!));
  };
  const chain = (i: number): ToolCondition => {
    if (i === keys.length - 1) return cmp(i, true);
    const k = keys[i]!;
    return anyOf([cmp(i, true), allOf([compare(k.field, 'equals', value(k.field, values[i]!)), chain(i + 1)])]);
  };
  return keys.length > 1 ? allOf([cmp(0, false), chain(0)]) : chain(0);
}

export const inventoryKeySelect = { ...inventoryRowSelect, publisherName: true } satisfies Prisma.ToolSelect;
export type InventoryKeyRow = InventoryRowBase & { publisherName: string };

export interface KeysetRead {
  rows: InventoryKeyRow[];
  /** More rows lie beyond the last one read, in the direction read. */
  more: boolean;
}

/**
 * Up to `take` rows of `where` after the cursor (forward) or before it (backward, returned in
 * reading order), or from the start when there is no cursor. One query per segment touched.
 */
export async function readKeysetPage(
  prisma: Prisma.TransactionClient,
  where: Prisma.ToolWhereInput,
  q: Pick<TInventoryQuery, 'sort' | 'dir'>,
  opts: { cursor?: CursorValue[]; backward?: boolean; take: number },
): Promise<KeysetRead> {
  let segments = segmentsOf(q);
  if (opts.backward)
    segments = [...segments].reverse().map((s) => ({ ...s, keys: s.keys.map((k) => ({ ...k, dir: flip(k.dir) })) }));
  const rows: InventoryKeyRow[] = [];
  const want = opts.take + 1;
  for (const s of segments) {
    const where1: Prisma.ToolWhereInput[] = [where, s.where.where];
    if (opts.cursor) {
      const at = s.locate(opts.cursor);
      // Segments wholly behind the cursor in the reading direction hold nothing to read.
      const passed = opts.backward ? at === 'before' : at === 'after';
      if (passed) continue;
      if (at === 'in') where1.push(afterCursor(s.keys, opts.cursor.slice(s.from)).where);
    }
    const found = await prisma.tool.findMany({
      where: { AND: where1 },
      orderBy: s.keys.map((k) => ({ [k.field]: k.dir })),
      take: want - rows.length,
      select: inventoryKeySelect,
    });
    rows.push(...found);
    if (rows.length >= want) break;
  }
  const more = rows.length > opts.take;
  const page = rows.slice(0, opts.take);
  if (opts.backward) page.reverse();
  return { rows: page, more };
}

/**
 * Rows of `filter` up to `limit`, counted in SQL without an order: Prisma would order the limited
 * read by id, and for a selective filter PostgreSQL then walks the id index until `limit` rows
 * match (the whole table when fewer do). Without the order it reads the filter's own indexes (the
 * trigram bitmap, a permission's index) and stops at `limit`.
 */
async function countUpTo(prisma: Prisma.TransactionClient, filter: ToolCondition, limit: number): Promise<number> {
  if (limit <= 0) return 0;
  // An integer of ours, inlined so the planner sees the limit it plans for.
  const rows = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "Tool" t WHERE ${filter.sql} LIMIT ${Prisma.raw(String(Math.floor(limit)))}) s`;
  return rows[0]?.n ?? 0;
}

/** The list's order as SQL over `t`, the same order the segments read (inventoryOrderBy). */
function orderSql(q: Pick<TInventoryQuery, 'sort' | 'dir'>): Prisma.Sql {
  const d = q.dir === 'desc' ? 'DESC' : 'ASC';
  switch (q.sort) {
    case 'name':
      return Prisma.raw(`t."name" ${d}, t."id" ${d}`);
    case 'updatedAt':
      return Prisma.raw(`t."updatedAt" ${d}, t."id" ${d}`);
    case 'publisher':
      return Prisma.raw(`t."publisherName" ${d}, t."name" ASC, t."id" ASC`);
    case 'tier':
      // Best first (descending by rank) is ascending enum order, as in segmentsOf.
      return Prisma.raw(`t."tier" ${d === 'DESC' ? 'ASC' : 'DESC'}, t."name" ASC, t."id" ASC`);
    case 'trustScore':
      return Prisma.raw(`t."trustScore" ${d} NULLS LAST, t."id" ${d}`);
  }
}

export interface FirstPageIds {
  /** Ids of the first `take` rows of the list, in its order. */
  ids: string[];
  /** Rows of the filter, counted up to `limit`. */
  count: number;
}

/**
 * The first page's ids and the bounded count, in one statement. The filter's rows are read once
 * without an order, up to `limit` (its own indexes: the trigram bitmap, the environments' GIN
 * index). When fewer than `limit` match, that set is every match and the page is sorted from it;
 * otherwise the filter is broad and the page walks the sort's index, where matches come soon.
 * Left to itself the planner guesses a trigram match at 1 % of the tools (3,000 of 100,000) and
 * walks the sort's index for "kafka-s3" (254 matches) through 43,000 tools (issue 9.4). Only the
 * CASE branch taken runs.
 */
export async function firstPageIds(
  prisma: Prisma.TransactionClient,
  filter: ToolCondition,
  q: Pick<TInventoryQuery, 'sort' | 'dir'>,
  limit: number,
  take: number,
): Promise<FirstPageIds> {
  // Integers of ours, inlined so the planner sees the limits it plans for.
  const lim = Prisma.raw(String(Math.floor(limit)));
  const tk = Prisma.raw(String(Math.floor(take)));
  const order = orderSql(q);
  const rows = await prisma.$queryRaw<{ n: number; ids: string[] }[]>`
    WITH m AS MATERIALIZED (
      SELECT t."id", t."name", t."tier", t."trustScore", t."updatedAt", t."publisherName"
      FROM "Tool" t WHERE ${filter.sql} LIMIT ${lim})
    SELECT (SELECT count(*)::int FROM m) AS n,
      CASE WHEN (SELECT count(*) FROM m) < ${lim}
        THEN ARRAY(SELECT t."id" FROM m t ORDER BY ${order} LIMIT ${tk})
        ELSE ARRAY(SELECT t."id" FROM "Tool" t WHERE ${filter.sql} ORDER BY ${order} LIMIT ${tk})
      END AS ids`;
  return { ids: rows[0]?.ids ?? [], count: rows[0]?.n ?? 0 };
}

/**
 * Rows of `filter` from `first` on (inclusive), counted up to `limit`: the bounded count of the
 * list. `first` null = from the start of the list.
 */
export async function countFrom(
  prisma: Prisma.TransactionClient,
  filter: ToolCondition,
  q: Pick<TInventoryQuery, 'sort' | 'dir'>,
  first: CursorValue[] | null,
  limit: number,
): Promise<number> {
  if (!first) return countUpTo(prisma, filter, limit);
  // "From the first row on" = the first row, plus the rows after it.
  let total = 1;
  for (const s of segmentsOf(q)) {
    const at = s.locate(first);
    if (at === 'after') continue;
    const parts = [filter, s.where];
    if (at === 'in') parts.push(afterCursor(s.keys, first.slice(s.from)));
    total += await countUpTo(prisma, allOf(parts), limit - total);
    if (total >= limit) break;
  }
  return total;
}
