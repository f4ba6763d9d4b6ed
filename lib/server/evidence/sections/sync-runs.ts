import { afterId, inPeriod, iso, paged } from './paged';
import type { TableSection } from './types';

/** Registry synchronisations started in the period. */
export const syncRunsSection: TableSection = {
  kind: 'sync-runs',
  shape: 'table',
  columns: [
    'id',
    'registry',
    'trigger',
    'status',
    'startedAt',
    'finishedAt',
    'toolsSeen',
    'versionsCreated',
    'recordsCreated',
    'alertsRaised',
    'error',
  ],
  async *rows({ db, scope }) {
    const runs = paged((after, take) =>
      db.syncRun.findMany({
        where: { ...afterId(after), startedAt: inPeriod(scope) },
        orderBy: { id: 'asc' },
        take,
        include: { registry: { select: { name: true } } },
      }),
    );
    for await (const r of runs) {
      yield {
        id: r.id,
        registry: r.registry.name,
        trigger: r.trigger,
        status: r.status,
        startedAt: iso(r.startedAt),
        finishedAt: iso(r.finishedAt),
        toolsSeen: r.toolsSeen,
        versionsCreated: r.versionsCreated,
        recordsCreated: r.recordsCreated,
        alertsRaised: r.alertsRaised,
        error: r.error,
      };
    }
  },
};
