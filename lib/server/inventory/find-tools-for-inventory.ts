import 'server-only';
import type { Environment } from '@prisma/client';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZInventoryQuery, type TInventoryQueryInput } from '@/lib/validation/inventory';
import { inventoryOrderBy, inventoryRowSelect, inventoryWhere, type InventoryRowBase } from './inventory-where';

export interface InventoryRow extends InventoryRowBase {
  /** Environments where an agent has it installed (not revoked). */
  environments: Environment[];
}

export interface InventoryPage {
  rows: InventoryRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

const ENV_ORDER: Environment[] = ['PRODUCTION', 'STAGING', 'DEVELOPMENT'];

/** One page of the inventory list, filtered and sorted in the database. A page past the end is empty. */
export async function findToolsForInventory(
  { actor, input }: OperationCall<TInventoryQueryInput>,
  ctx?: OperationContextInput,
): Promise<InventoryPage> {
  const { db: prisma } = await operationContext(ctx);
  assertActorCan(actor, 'inventory:read');
  const query = parseInput(ZInventoryQuery, input);
  const where = inventoryWhere(query);
  const total = await prisma.tool.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const skip = (query.page - 1) * query.pageSize;
  if (skip >= total) return { rows: [], total, page: query.page, pageSize: query.pageSize, pageCount };

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
  return { rows, total, page: query.page, pageSize: query.pageSize, pageCount };
}
