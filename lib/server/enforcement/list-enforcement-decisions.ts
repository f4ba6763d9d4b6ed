import 'server-only';
import type { Prisma } from '@prisma/client';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { auditorWindows, windowsWhere } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { ZEnforcementLogFilter, type TEnforcementLogFilter } from '@/lib/validation/enforce';

const PAGE = 50;
const DAY_MS = 86_400_000;

/**
 * The enforcement log, newest first, in keyset pages (`before` = id of the last row shown), so
 * paging stays fast however many attempts are logged. Agent and tool match exactly (indexed).
 * Each row carries the name of the API key that asked (the log keeps only its id, so a revoked
 * or renamed key still shows what it is called now).
 */
export async function listEnforcementDecisions(
  { actor, input }: OperationCall<TEnforcementLogFilter>,
  ctx?: OperationContextInput,
) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'enforcement:read');
  const filter = parseInput(ZEnforcementLogFilter, input);
  const where: Prisma.EnforcementDecisionWhereInput = {
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.agent ? { agentName: filter.agent } : {}),
    ...(filter.tool ? { toolName: filter.tool } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS) } : {}),
          },
        }
      : {}),
  };
  // An auditor sees the decisions of their open audits' periods and environments (ADR 0010);
  // an unknown agent's call has no environment: it counts only in an audit of every environment.
  const windows = await auditorWindows(db, actor, now);
  const agents = windows
    ? await db.agent.findMany({
        where: { environment: { in: windows.flatMap((w) => w.environments) } },
        select: { id: true, environment: true },
      })
    : [];
  const scope = windowsWhere(windows, (w, createdAt, all): Prisma.EnforcementDecisionWhereInput => ({
    createdAt,
    OR: [
      { agentId: { in: agents.filter((a) => w.environments.includes(a.environment)).map((a) => a.id) } },
      ...(all ? [{ agentId: null }] : []),
    ],
  }));
  if (scope) where.AND = [scope];
  let cursorWhere: Prisma.EnforcementDecisionWhereInput = {};
  if (filter.before) {
    const last = await db.enforcementDecision.findUnique({ where: { id: filter.before }, select: { id: true, createdAt: true } });
    if (last) cursorWhere = { OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }] };
  }
  const found = await db.enforcementDecision.findMany({
    where: { AND: [where, cursorWhere] },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: PAGE + 1,
  });
  const page = found.slice(0, PAGE);
  const keyIds = [...new Set(page.flatMap((d) => (d.apiKeyId ? [d.apiKeyId] : [])))];
  const keys = keyIds.length
    ? await db.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true, prefix: true } })
    : [];
  const keyById = new Map(keys.map((k) => [k.id, k]));
  const rows = page.map((d) => ({ ...d, apiKey: d.apiKeyId ? (keyById.get(d.apiKeyId) ?? null) : null }));
  return { rows, nextBefore: found.length > PAGE ? page[PAGE - 1]!.id : null };
}

export type EnforcementLogRow = Awaited<ReturnType<typeof listEnforcementDecisions>>['rows'][number];
