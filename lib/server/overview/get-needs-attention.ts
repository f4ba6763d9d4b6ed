import 'server-only';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { isAuditor } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { OPEN_STATES } from '@/lib/domain/change-requests/state-machine';
import { policyStatusOf } from './policy-status';
import { openIncidentsAttention } from '@/lib/server/incidents/open-incidents-attention';

const EXPIRY_WINDOW_DAYS = 14;
const LISTED = 5;
const DAY_MS = 86_400_000;

/**
 * What needs a person today, for the top of the overview: reviews waiting, critical alerts
 * nobody has acknowledged, exceptions about to lapse, and production tools that fail policy
 * with no exception covering them. Null for an auditor: it is today's work queue, not a period's
 * record, so no audit's scope holds it (ADR 0010); their overview shows their scoped inventory.
 */
export async function getNeedsAttention({ actor }: OperationCall<Record<string, never>>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'inventory:read');
  if (isAuditor(actor)) return null;
  const soon = new Date(now.getTime() + EXPIRY_WINDOW_DAYS * DAY_MS);
  const expiringWhere = { status: 'APPROVED' as const, expiresAt: { gte: now, lt: soon } };
  const [pendingReviews, overdueReviews, criticalAlerts, criticalTotal, expiring, expiringTotal, installed] = await Promise.all([
    db.changeRequest.count({ where: { state: { in: [...OPEN_STATES] } } }),
    db.changeRequest.count({ where: { state: { in: [...OPEN_STATES] }, dueAt: { lt: now } } }),
    db.alert.findMany({
      where: { state: 'OPEN', severity: 'CRITICAL' },
      orderBy: { createdAt: 'desc' },
      take: LISTED,
      select: { id: true, title: true, tool: { select: { id: true, name: true } } },
    }),
    db.alert.count({ where: { state: 'OPEN', severity: 'CRITICAL' } }),
    db.policyException.findMany({
      where: expiringWhere,
      orderBy: { expiresAt: 'asc' },
      take: LISTED,
      select: { id: true, expiresAt: true, environment: true, tool: { select: { id: true, name: true } } },
    }),
    db.policyException.count({ where: expiringWhere }),
    db.installation.findMany({
      where: { environment: 'PRODUCTION', state: { in: ['APPROVED', 'ACTIVE'] } },
      distinct: ['toolVersionId'],
      select: { toolVersionId: true, toolVersion: { select: { version: true, tool: { select: { id: true, name: true } } } } },
    }),
  ]);
  const statuses = await policyStatusOf(
    db,
    installed.map((i) => i.toolVersionId),
    ['PRODUCTION'],
    now,
  );
  const failingProduction = installed
    .flatMap((i) => {
      const s = statuses.get(i.toolVersionId)?.[0];
      return s && !s.passes
        ? [
            {
              toolId: i.toolVersion.tool.id,
              toolName: i.toolVersion.tool.name,
              version: i.toolVersion.version,
              reason: s.blocking[0]?.reason ?? '',
            },
          ]
        : [];
    })
    .sort((a, b) => a.toolName.localeCompare(b.toolName));
  // Incident response (issue 14.6): incidents not closed and quarantines in force.
  const openIncidents = await openIncidentsAttention(db);
  return {
    pendingReviews,
    overdueReviews,
    criticalAlerts: { total: criticalTotal, items: criticalAlerts },
    expiringExceptions: { total: expiringTotal, items: expiring, windowDays: EXPIRY_WINDOW_DAYS },
    failingProduction: { total: failingProduction.length, items: failingProduction.slice(0, LISTED) },
    openIncidents,
  };
}

export type NeedsAttention = NonNullable<Awaited<ReturnType<typeof getNeedsAttention>>>;
