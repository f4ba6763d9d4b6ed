import 'server-only';
import type { Environment } from '@prisma/client';
import { auditorToolScopeCondition } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { badRequest } from '@/lib/server/errors';
import {
  decodeInventoryCursor,
  encodeInventoryCursor,
  inventoryCursorIssues,
  ZInventoryQuery,
  type TInventoryQueryInput,
} from '@/lib/validation/inventory';
import { inventoryConditions, inventoryOrderBy, searchedPublisherIds, type InventoryRowBase } from './inventory-where';
import { allOf } from './tool-condition';
import { countFrom, cursorOf, firstPageIds, inventoryKeySelect, readKeysetPage, type InventoryKeyRow } from './inventory-keyset';

export interface InventoryRow extends InventoryRowBase {
  /** Environments where an agent has it installed (not revoked). */
  environments: Environment[];
}

export interface InventoryPage {
  rows: InventoryRow[];
  /** Exact, unless `totalIsLowerBound`: then at least this many match (the count stopped). */
  total: number;
  totalIsLowerBound: boolean;
  /** The page's number, for the reader; with a cursor it is carried in the URL, not computed. */
  page: number;
  pageSize: number;
  pageCount: number;
  /** Keyset cursors of the pages after and before this one, null at either end. */
  nextCursor: string | null;
  prevCursor: string | null;
}

const ENV_ORDER: Environment[] = ['PRODUCTION', 'STAGING', 'DEVELOPMENT'];

/**
 * Matches counted from the page's first row on, at most: counting every match of a broad filter
 * over 100,000 tools costs more than the page itself, so beyond this the list says "N+" and the
 * pages further on are counted when reached.
 */
export const INVENTORY_COUNT_WINDOW = 500;

/**
 * One page of the inventory list, filtered and sorted in the database. The list pages by keyset
 * (`after`/`before` a row's sort key), so a deep page costs what the first does; a bare `page`
 * beyond 1 is still read by OFFSET for old links and the API. A page past the end is empty.
 */
export async function findToolsForInventory(
  { actor, input }: OperationCall<TInventoryQueryInput>,
  ctx?: OperationContextInput,
): Promise<InventoryPage> {
  const { db: prisma, now } = await operationContext(ctx);
  assertActorCan(actor, 'inventory:read');
  const query = parseInput(ZInventoryQuery, input);
  const issues = inventoryCursorIssues(query);
  if (issues.length) throw badRequest(issues[0]!.message, issues);
  // An auditor sees the tools in use in their open audits' environments and periods (ADR 0010).
  const scope = await auditorToolScopeCondition(prisma, actor, now);
  // One filter, read by the pages in its Prisma form and by the bounded count in its SQL form.
  const filter = allOf([
    ...inventoryConditions(query, await searchedPublisherIds(prisma, query), now),
    ...(scope ? [scope] : []),
  ]);
  const where = filter.where;

  const cursor = query.after ?? query.before;
  const backward = !query.after && !!query.before;
  let tools: InventoryKeyRow[];
  let hasNext: boolean;
  let hasPrev: boolean;
  let page = query.page;
  // The first page's bounded count, read with its ids.
  let counted: number | null = null;
  if (!cursor && page === 1) {
    // One SQL statement gives the page's ids in order and the bounded count, and chooses between
    // sorting a narrow filter's few matches and walking the sort's index (firstPageIds); the rows
    // are then read by id, so no plan walks thousands of tools to fill 25 rows.
    const first = await firstPageIds(prisma, filter, query, INVENTORY_COUNT_WINDOW + 1, query.pageSize + 1);
    const ids = first.ids.slice(0, query.pageSize);
    const found = ids.length ? await prisma.tool.findMany({ where: { id: { in: ids } }, select: inventoryKeySelect }) : [];
    const byId = new Map(found.map((t) => [t.id, t]));
    tools = ids.flatMap((id) => byId.get(id) ?? []);
    hasNext = first.ids.length > query.pageSize;
    hasPrev = false;
    counted = first.count;
  } else if (cursor) {
    const read = await readKeysetPage(prisma, where, query, {
      cursor: decodeInventoryCursor(cursor)!,
      backward,
      take: query.pageSize,
    });
    tools = read.rows;
    hasNext = backward ? true : read.more;
    hasPrev = backward ? read.more : true;
    // Paged back to the start: whatever the link said, this is page 1.
    if (backward && !read.more) page = 1;
  } else {
    const found = await prisma.tool.findMany({
      where,
      orderBy: inventoryOrderBy(query),
      skip: (page - 1) * query.pageSize,
      take: query.pageSize + 1,
      select: inventoryKeySelect,
    });
    tools = found.slice(0, query.pageSize);
    hasNext = found.length > query.pageSize;
    hasPrev = true;
  }

  const pageOf = (total: number) => ({
    page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  });
  if (tools.length === 0) {
    // Past the end (or nothing matches): the real total, so the page can say where the end is.
    const total = page === 1 && !cursor ? 0 : await prisma.tool.count({ where });
    return { rows: [], total, totalIsLowerBound: false, ...pageOf(total), nextCursor: null, prevCursor: null };
  }
  const before = (page - 1) * query.pageSize;
  // The first page counts from the start of the list, which needs no cursor condition.
  const from = cursor || page > 1 ? cursorOf(query, tools[0]!) : null;
  const ahead = counted ?? (await countFrom(prisma, filter, query, from, INVENTORY_COUNT_WINDOW + 1));
  const totalIsLowerBound = ahead > INVENTORY_COUNT_WINDOW;
  const total = before + Math.min(ahead, INVENTORY_COUNT_WINDOW);

  const envs = await prisma.installation.groupBy({
    by: ['toolId', 'environment'],
    where: { toolId: { in: tools.map((t) => t.id) }, state: { not: 'REVOKED' } },
  });
  const byTool = new Map<string, Set<Environment>>();
  for (const e of envs) {
    const set = byTool.get(e.toolId) ?? new Set<Environment>();
    set.add(e.environment);
    byTool.set(e.toolId, set);
  }
  const rows = tools.map(({ publisherName: _p, ...t }) => ({
    ...t,
    environments: ENV_ORDER.filter((e) => byTool.get(t.id)?.has(e)),
  }));
  return {
    rows,
    total,
    totalIsLowerBound,
    ...pageOf(total),
    nextCursor: hasNext ? encodeInventoryCursor(cursorOf(query, tools[tools.length - 1]!)) : null,
    prevCursor: hasPrev ? encodeInventoryCursor(cursorOf(query, tools[0]!)) : null,
  };
}
