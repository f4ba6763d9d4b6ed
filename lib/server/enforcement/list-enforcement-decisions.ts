import 'server-only';
import type { Prisma } from '@prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { TEnforcementLogFilter } from '@/lib/validation/enforce';

const PAGE = 50;

/**
 * The enforcement log, newest first, in keyset pages (`before` = id of the last row shown), so
 * paging stays fast however many attempts are logged. Agent and tool match exactly (indexed).
 */
export async function listEnforcementDecisions(filter: TEnforcementLogFilter) {
  const prisma = await getPrisma();
  const where: Prisma.EnforcementDecisionWhereInput = {
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.agent ? { agentName: filter.agent } : {}),
    ...(filter.tool ? { toolName: filter.tool } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
  let cursorWhere: Prisma.EnforcementDecisionWhereInput = {};
  if (filter.before) {
    const last = await prisma.enforcementDecision.findUnique({ where: { id: filter.before }, select: { id: true, createdAt: true } });
    if (last) cursorWhere = { OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }] };
  }
  const rows = await prisma.enforcementDecision.findMany({
    where: { AND: [where, cursorWhere] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: PAGE + 1,
  });
  return { rows: rows.slice(0, PAGE), nextBefore: rows.length > PAGE ? rows[PAGE - 1]!.id : null };
}

export type EnforcementLogRow = Awaited<ReturnType<typeof listEnforcementDecisions>>['rows'][number];
