import 'server-only';
import type { Prisma } from '@prisma/client';
import { userNames } from '@/lib/server/exceptions/list-policy-exceptions';
import { inRange, iso, type PopulationScope, type PopulationSource } from './scope';

// Alerts name tools, not environments: every alert raised in the period is in the population.
const where = (s: PopulationScope, ids?: string[]): Prisma.AlertWhereInput => ({
  createdAt: inRange(s),
  ...(ids ? { id: { in: ids } } : {}),
});

/** Monitoring alerts raised in the period and what happened to them. */
export const alertsPopulation: PopulationSource = {
  columns: [
    { key: 'raisedAt', label: 'Raised at (UTC)' },
    { key: 'kind', label: 'Kind' },
    { key: 'severity', label: 'Severity' },
    { key: 'title', label: 'Title' },
    { key: 'state', label: 'State' },
    { key: 'acknowledged', label: 'Acknowledged' },
    { key: 'resolved', label: 'Resolved' },
    // Issue 11.5: who worked it and how much was written down (the notes are on the alert's page).
    { key: 'assignee', label: 'Assignee' },
    { key: 'notes', label: 'Notes' },
  ],
  async find(db, s, { ids, skip, take }) {
    const w = where(s, ids);
    const [rows, total] = await Promise.all([
      db.alert.findMany({
        where: w,
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        skip,
        take,
        include: { _count: { select: { notes: true } } },
      }),
      db.alert.count({ where: w }),
    ]);
    const names = await userNames(
      db,
      rows.map((a) => a.assigneeId),
    );
    return {
      total,
      rows: rows.map((a) => ({
        id: a.id,
        at: a.createdAt,
        flag: null,
        trail: { entityType: 'Alert', entityId: a.id },
        cells: {
          raisedAt: iso(a.createdAt),
          kind: a.kind,
          severity: a.severity,
          title: a.title,
          state: a.state,
          acknowledged: a.acknowledgedAt ? `${iso(a.acknowledgedAt)} ${a.acknowledgedBy ?? ''}`.trim() : '',
          resolved: a.resolvedAt ? `${iso(a.resolvedAt)} ${a.resolvedBy ?? ''}`.trim() : '',
          assignee: a.assigneeId ? (names.get(a.assigneeId) ?? a.assigneeId) : '',
          notes: String(a._count.notes),
        },
      })),
    };
  },
  async ids(db, s) {
    return (await db.alert.findMany({ where: where(s), select: { id: true } })).map((r) => r.id);
  },
};
