import 'server-only';
import { notFound } from '@/lib/server/errors';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZRecordId } from '@/lib/validation/inventory';
import { getRunTotal } from './sync-progress';

export const SYNC_RUNS_PAGE_SIZE = 25;

/** Sync history, newest first, optionally for one registry. */
export async function listSyncRuns(
  { actor, input }: OperationCall<{ registryId?: string; page: number }>,
  ctx?: OperationContextInput,
) {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'registry:read');
  const where = input.registryId ? { registryId: input.registryId } : {};
  const [runs, total] = await Promise.all([
    db.syncRun.findMany({
      where,
      orderBy: { startedAt: 'desc' },
      skip: (input.page - 1) * SYNC_RUNS_PAGE_SIZE,
      take: SYNC_RUNS_PAGE_SIZE,
      include: { registry: { select: { name: true, kind: true } } },
    }),
    db.syncRun.count({ where }),
  ]);
  return { runs, total, pageSize: SYNC_RUNS_PAGE_SIZE };
}

/** One run as the progress poller needs it (total known only while it runs in this process). */
export async function getSyncRunProgress({ actor, input }: OperationCall<{ id: string }>, ctx?: OperationContextInput) {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'registry:read');
  // An id that cannot be a row id (a NUL byte, 500 characters) is the same "no such run", not a database error.
  const id = ZRecordId.safeParse(input.id);
  const run = id.success
    ? await db.syncRun.findUnique({ where: { id: id.data }, include: { registry: { select: { name: true } } } })
    : null;
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
