import { afterId, inPeriod, iso, paged, toolFilter } from './paged';
import type { TableSection } from './types';

/** Alerts raised, acknowledged or resolved in the period. */
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
    'detail',
  ],
  async *rows({ db, scope }) {
    const alerts = paged((after, take) =>
      db.alert.findMany({
        where: {
          ...afterId(after),
          ...toolFilter(scope),
          OR: [{ createdAt: inPeriod(scope) }, { acknowledgedAt: inPeriod(scope) }, { resolvedAt: inPeriod(scope) }],
        },
        orderBy: { id: 'asc' },
        take,
      }),
    );
    for await (const a of alerts) {
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
        detail: a.detail as Record<string, unknown>,
      };
    }
  },
};
