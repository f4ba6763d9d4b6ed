import 'server-only';
import type { Environment } from '@prisma/client';
import { auditorToolScope } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZInventoryQuery, type TInventoryQueryInput } from '@/lib/validation/inventory';
import {
  inventoryOrderBy,
  inventoryRowSelect,
  inventoryWhere,
  searchedPublisherIds,
  type InventoryRowBase,
} from './inventory-where';

export interface InventoryRow extends InventoryRowBase {
  /** Environments where an agent has it installed (not revoked). */
  environments: Environment[];
}

export interface InventoryPage {
  rows: InventoryRow[];
  /** Exact, unless `totalIsLowerBound`: then at least this many match (the count stopped). */
  total: number;
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
  pageCount: number;
}

const ENV_ORDER: Environment[] = ['PRODUCTION', 'STAGING', 'DEVELOPMENT'];

/**
 * Matches counted from the page's first row on, at most: counting every match of a broad filter
 * over 100,000 tools costs more than the page itself, so beyond this the list says "N+" and the
 * pages further on are counted when reached.
 */
export const INVENTORY_COUNT_WINDOW = 1000;

/** One page of the inventory list, filtered and sorted in the database. A page past the end is empty. */
export async function findToolsForInventory(
  { actor, input }: OperationCall<TInventoryQueryInput>,
  ctx?: OperationContextInput,
): Promise<InventoryPage> {
  const { db: prisma, now } = await operationContext(ctx);
  assertActorCan(actor, 'inventory:read');
  const query = parseInput(ZInventoryQuery, input);
  // An auditor sees the tools in use in their open audits' environments and periods (ADR 0010).
  const scope = await auditorToolScope(prisma, actor, now);
  const filtered = inventoryWhere(query, await searchedPublisherIds(prisma, query), now);
  const where = scope ? { AND: [filtered, scope] } : filtered;
  const skip = (query.page - 1) * query.pageSize;
  const ahead = await prisma.tool.count({ where, skip, take: INVENTORY_COUNT_WINDOW + 1 });
  const totalIsLowerBound = ahead > INVENTORY_COUNT_WINDOW;
  const pageOf = (total: number) => ({
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  });
  if (ahead === 0) {
    // Past the end (or nothing matches): the real total, so the page can say where the end is.
    const total = skip === 0 ? 0 : await prisma.tool.count({ where });
    return { rows: [], total, totalIsLowerBound: false, ...pageOf(total) };
  }
  const total = skip + Math.min(ahead, INVENTORY_COUNT_WINDOW);

  const tools = await prisma.tool.findMany({
    where,
    orderBy: inventoryOrderBy(query),
    skip,
    take: query.pageSize,
    select: inventoryRowSelect,
  });
  const envs = tools.length
    ? await prisma.installation.groupBy({
        by: ['toolId', 'environment'],
        where: { toolId: { in: tools.map((t) => t.id) }, state: { not: 'REVOKED' } },
      })
    : [];
  const byTool = new Map<string, Set<Environment>>();
  for (const e of envs) {
    const set = byTool.get(e.toolId) ?? new Set<Environment>();
    set.add(e.environment);
    byTool.set(e.toolId, set);
  }
  const rows = tools.map((t) => ({ ...t, environments: ENV_ORDER.filter((e) => byTool.get(t.id)?.has(e)) }));
  return { rows, total, totalIsLowerBound, ...pageOf(total) };
}
