import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { notFound } from '@/lib/server/errors';
import { getRunTotal } from './sync-progress';

export const SYNC_RUNS_PAGE_SIZE = 25;

/** Sync history, newest first, optionally for one registry. */
export async function listSyncRuns(filter: { registryId?: string; page: number }) {
  const prisma = await getPrisma();
  const where = filter.registryId ? { registryId: filter.registryId } : {};
  const [runs, total] = await Promise.all([
    prisma.syncRun.findMany({
      where,
      orderBy: { startedAt: 'desc' },
      skip: (filter.page - 1) * SYNC_RUNS_PAGE_SIZE,
      take: SYNC_RUNS_PAGE_SIZE,
      include: { registry: { select: { name: true, kind: true } } },
    }),
    prisma.syncRun.count({ where }),
  ]);
  return { runs, total, pageSize: SYNC_RUNS_PAGE_SIZE };
}

/** One run as the progress poller needs it (total known only while it runs in this process). */
export async function getSyncRunProgress(id: string) {
  const prisma = await getPrisma();
  const run = await prisma.syncRun.findUnique({ where: { id }, include: { registry: { select: { name: true } } } });
  if (!run) throw notFound('Sync run');
  return {
    id: run.id,
    registryId: run.registryId,
    registryName: run.registry.name,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    pagesDone: run.pagesDone,
    toolsSeen: run.toolsSeen,
    toolsTotal: run.status === 'RUNNING' ? getRunTotal(run.id) : null,
    versionsCreated: run.versionsCreated,
    recordsCreated: run.recordsCreated,
    alertsRaised: run.alertsRaised,
    error: run.error,
  };
}
export type SyncRunProgress = Awaited<ReturnType<typeof getSyncRunProgress>>;
