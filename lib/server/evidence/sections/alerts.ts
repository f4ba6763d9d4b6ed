import { userNames } from '@/lib/server/exceptions/list-policy-exceptions';
import { afterId, inPeriod, iso, paged, toolFilter } from './paged';
import type { TableSection } from './types';

/**
 * Alerts raised, acknowledged, assigned, noted or resolved in the period, each with who works
 * it and its whole notes thread (issue 11.5): how an alert was handled is part of the evidence.
 */
export const alertsSection: TableSection = {
  kind: 'alerts',
  shape: 'table',
  columns: [
    'id',
    'kind',
    'severity',
    'state',
    'title',
    'toolId',
    'createdAt',
    'acknowledgedAt',
    'acknowledgedBy',
    'resolvedAt',
    'resolvedBy',
    'assigneeId',
    'assignee',
    'assignedAt',
    'notes',
    'detail',
  ],
  async *rows({ db, scope }) {
    const period = inPeriod(scope);
    const alerts = paged((after, take) =>
      db.alert.findMany({
        where: {
          ...afterId(after),
          ...toolFilter(scope),
          OR: [
            { createdAt: period },
            { acknowledgedAt: period },
            { resolvedAt: period },
            { assignedAt: period },
            { notes: { some: { createdAt: period } } },
          ],
        },
        include: { notes: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
        orderBy: { id: 'asc' },
        take,
      }),
    );
    for await (const a of alerts) {
      // Few people work alerts: one small lookup per alert keeps memory at one page of alerts.
      const names = await userNames(db, [a.assigneeId, ...a.notes.map((n) => n.authorId)]);
      yield {
        id: a.id,
        kind: a.kind,
        severity: a.severity,
        state: a.state,
        title: a.title,
        toolId: a.toolId,
        createdAt: iso(a.createdAt),
        acknowledgedAt: iso(a.acknowledgedAt),
        acknowledgedBy: a.acknowledgedBy,
        resolvedAt: iso(a.resolvedAt),
        resolvedBy: a.resolvedBy,
        assigneeId: a.assigneeId,
        assignee: a.assigneeId ? (names.get(a.assigneeId) ?? a.assigneeId) : null,
        assignedAt: iso(a.assignedAt),
        notes: a.notes.map((n) => ({
          id: n.id,
          at: iso(n.createdAt),
          authorId: n.authorId,
          author: names.get(n.authorId) ?? n.authorId,
          body: n.body,
        })),
        detail: a.detail as Record<string, unknown>,
      };
    }
  },
};
