import 'server-only';
import type { PrismaClient, SyncRun } from '@prisma/client';
import { getPrisma } from '@/lib/db/client';
import { isSyncDue } from '@/lib/domain/sync-schedule';
import { env } from '@/lib/env';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import { runRegistrySync } from './run-registry-sync';

// See docs/decisions/0001-sync-scheduling.md for why this is not pg-boss.
const SCHEDULER_LOCK = 4_242_017;
const TICK_MS = 60_000;

/**
 * One scheduler tick: syncs every enabled registry whose interval has passed. Instances
 * share the work through the database: the advisory lock lets one instance check at a time,
 * and startRegistrySync refuses a registry that already has a RUNNING run.
 */
export async function runDueSyncs(
  options: { prisma?: PrismaClient; now?: Date; intervalMinutes?: number } = {},
): Promise<SyncRun[]> {
  const prisma = options.prisma ?? (await getPrisma());
  const intervalMinutes = options.intervalMinutes ?? env().TOOLLEDGER_SYNC_INTERVAL_MINUTES;
  const now = options.now ?? new Date();
  const due = await prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${SCHEDULER_LOCK}) AS locked`;
    if (!rows[0]?.locked) return [];
    const registries = await tx.registry.findMany({ where: { enabled: true }, orderBy: { name: 'asc' } });
    return registries.filter((r) =>
      isSyncDue({ lastSyncAt: r.lastSyncAt, lastSyncStatus: r.lastSyncStatus, intervalMinutes, now }),
    );
  });
  const runs: SyncRun[] = [];
  for (const r of due) {
    try {
      runs.push(
        await runRegistrySync(
          { actor: SYSTEM_ACTOR, input: { registryId: r.id, trigger: 'SCHEDULE' } },
          { db: prisma, ifLastSyncAt: r.lastSyncAt },
        ),
      );
    } catch (e) {
      // Another instance started it first, or it was disabled meanwhile: nothing to do.
      if (!(e instanceof AppError)) throw e;
    }
  }
  return runs;
}

const holder = globalThis as typeof globalThis & { __toolledgerSyncScheduler?: NodeJS.Timeout };

/** Starts the once-a-minute due check in this process (no-op when the interval is 0 or already started). */
export function startSyncScheduler(): void {
  if (holder.__toolledgerSyncScheduler || env().TOOLLEDGER_SYNC_INTERVAL_MINUTES === 0) return;
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    runDueSyncs()
      .catch((e: unknown) => console.error('Scheduled registry sync failed:', e))
      .finally(() => {
        busy = false;
      });
  };
  holder.__toolledgerSyncScheduler = setInterval(tick, TICK_MS);
  holder.__toolledgerSyncScheduler.unref();
}
