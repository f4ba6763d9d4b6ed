import 'server-only';
import type { Prisma } from '@prisma/client';
import { z } from 'zod';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { auditorWindows, windowsWhere } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { userNames } from '@/lib/server/exceptions/list-policy-exceptions';
import type { Actor } from '@/lib/server/actor';
import { ZAlertsPageQuery } from '@/lib/validation/list-queries';

export const ALERTS_PAGE_SIZE = 30;

const ZListAlertsInput = ZAlertsPageQuery.omit({ hide: true });
export type TListAlertsInput = z.input<typeof ZListAlertsInput>;

/** The alert inbox: filtered in the database, most severe first, then newest. */
export async function listAlerts({ actor, input }: OperationCall<TListAlertsInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'alert:read');
  const filter = parseInput(ZListAlertsInput, input);
  const where: Prisma.AlertWhereInput = {
    ...(filter.state !== 'ALL' ? { state: filter.state } : {}),
    ...(filter.severity ? { severity: filter.severity } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.toolId ? { toolId: filter.toolId } : {}),
    ...(filter.assignee ? assigneeWhere(filter.assignee, actor) : {}),
  };
  // An auditor sees the alerts raised in their open audits' periods (ADR 0010; alerts name no environment).
  const scope = windowsWhere(await auditorWindows(db, actor, now), (_w, createdAt) => ({ createdAt }));
  if (scope) where.AND = [scope];
  const [alerts, total, bySeverity, kinds] = await Promise.all([
    db.alert.findMany({
      where,
      // Severity is an enum declared LOW..CRITICAL: descending puts CRITICAL first.
      orderBy: [{ severity: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
      skip: (filter.page - 1) * ALERTS_PAGE_SIZE,
      take: ALERTS_PAGE_SIZE,
      include: { tool: { select: { id: true, name: true } } },
    }),
    db.alert.count({ where }),
    db.alert.groupBy({ by: ['severity'], where: scope ? { AND: [{ state: 'OPEN' }, scope] } : { state: 'OPEN' }, _count: true }),
    db.alert.findMany({ distinct: ['kind'], select: { kind: true }, orderBy: { kind: 'asc' } }),
  ]);
  const openCounts = Object.fromEntries(bySeverity.map((g) => [g.severity, g._count])) as Partial<
    Record<'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW', number>
  >;
  const names = await userNames(
    db,
    alerts.map((a) => a.assigneeId),
  );
  const rows = alerts.map((a) => ({ ...a, assigneeName: a.assigneeId ? (names.get(a.assigneeId) ?? a.assigneeId) : null }));
  return { alerts: rows, total, page: filter.page, pageSize: ALERTS_PAGE_SIZE, openCounts, kinds: kinds.map((k) => k.kind) };
}

/**
 * `me` is the signed-in person (an API key or the system is nobody, so it matches no alert);
 * `none` is the alerts nobody works yet; anything else is a user id.
 */
function assigneeWhere(assignee: string, actor: Actor): Prisma.AlertWhereInput {
  if (assignee === 'none') return { assigneeId: null };
  if (assignee === 'me') return actor.type === 'USER' ? { assigneeId: actor.id } : { id: { in: [] } };
  return { assigneeId: assignee };
}

export type AlertRow = Awaited<ReturnType<typeof listAlerts>>['alerts'][number];
