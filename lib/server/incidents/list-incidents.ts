import 'server-only';
import type { IncidentScenario, IncidentSeverity, IncidentStatus, Prisma } from '@prisma/client';
import { auditorWindows, windowsWhere } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { userNames } from '@/lib/server/exceptions/list-policy-exceptions';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZListIncidentsQuery, type TListIncidentsQuery } from '@/lib/validation/incident';

export interface IncidentRow {
  id: string;
  number: number;
  title: string;
  scenario: IncidentScenario;
  severity: IncidentSeverity;
  status: IncidentStatus;
  ownerName: string;
  openedAt: Date;
  /** Quarantines of this incident still in force. */
  activeQuarantines: number;
}

/** The incident list: filtered from the URL, open ones first, newest first. */
export async function listIncidents({ actor, input }: OperationCall<TListIncidentsQuery>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'incident:read');
  const q = parseInput(ZListIncidentsQuery, input);
  const number = q.q && /^(inc-)?\d{1,9}$/i.test(q.q) ? Number(q.q.replace(/^inc-/i, '')) : null;
  const where: Prisma.IncidentWhereInput = {
    ...(q.status ? { status: q.status } : {}),
    ...(q.scenario ? { scenario: q.scenario } : {}),
    ...(q.severity ? { severity: q.severity } : {}),
    ...(q.q ? { OR: [{ title: { contains: q.q, mode: 'insensitive' } }, ...(number !== null ? [{ number }] : [])] } : {}),
  };
  // An auditor sees the incidents open during their open audits' periods (ADR 0010; incidents name no environment).
  const scope = windowsWhere(await auditorWindows(db, actor, now), (_w, range): Prisma.IncidentWhereInput => ({
    openedAt: { lt: range.lt },
    OR: [{ closedAt: null }, { closedAt: { gte: range.gte } }],
  }));
  const scoped: Prisma.IncidentWhereInput = scope ? { AND: [where, scope] } : where;
  const [total, rows] = await Promise.all([
    db.incident.count({ where: scoped }),
    db.incident.findMany({
      where: scoped,
      orderBy: [{ closedAt: { sort: 'desc', nulls: 'first' } }, { openedAt: 'desc' }, { id: 'asc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      include: { _count: { select: { quarantines: { where: { liftedAt: null } } } } },
    }),
  ]);
  const names = await userNames(
    db,
    rows.map((r) => r.ownerId),
  );
  return {
    rows: rows.map((r): IncidentRow => ({
      id: r.id,
      number: r.number,
      title: r.title,
      scenario: r.scenario,
      severity: r.severity,
      status: r.status,
      ownerName: names.get(r.ownerId) ?? r.ownerId,
      openedAt: r.openedAt,
      activeQuarantines: r._count.quarantines,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
