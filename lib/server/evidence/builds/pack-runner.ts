import 'server-only';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { EvidencePackBuild, EvidencePackBuildState, PrismaClient } from '@prisma/client';
import { periodOfDays } from '@/lib/domain/evidence/period';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { now as clockNow } from '@/lib/server/clock';
import { buildEvidencePack, PACK_STEPS } from '../build-pack';
import { PackCancelled } from '../pack-cancelled';
import { collectGarbage } from './collect-garbage';
import { packFileName, packPaths } from './pack-files';

/** A running build says it is alive this often; one silent for STALE_AFTER_MS was cut off. */
export const HEARTBEAT_MS = 5_000;
export const STALE_AFTER_MS = 2 * 60_000;
export const INTERRUPTED = 'Interrupted by a restart before it finished; no pack was kept. Build it again.';

const RUNNER: Actor = { type: 'SYSTEM', label: 'evidence pack runner' };

export const newRunnerId = () => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export interface RunnerContext {
  db: PrismaClient;
  /** This process's runner (host:pid:random): a build is only ever finished by the runner that claimed it. */
  runnerId: string;
  /** TOOLLEDGER_EVIDENCE_DIR. */
  dir: string;
  now?: () => Date;
  /** Told each step as it starts (the bench profiles time and memory per step). */
  onStep?: (done: number, total: number, step: string) => void;
}

const timeOf = (rc: RunnerContext) => (rc.now ?? clockNow)();

/** Takes the oldest queued build, if any. Conditional on QUEUED, so two instances never take the same one. */
export async function claimQueuedBuild(rc: RunnerContext): Promise<EvidencePackBuild | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const next = await rc.db.evidencePackBuild.findFirst({
      where: { state: 'QUEUED' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    if (!next) return null;
    const at = timeOf(rc);
    const claimed = await rc.db.evidencePackBuild.updateMany({
      where: { id: next.id, state: 'QUEUED' },
      data: { state: 'RUNNING', runnerId: rc.runnerId, startedAt: at, heartbeatAt: at, stepsTotal: PACK_STEPS },
    });
    if (claimed.count === 1) return { ...next, state: 'RUNNING', runnerId: rc.runnerId, startedAt: at, heartbeatAt: at };
  }
  return null;
}

async function removeFiles(buildId: string, dir: string, archiveToo: boolean) {
  const { outFile, partial, workDir } = packPaths(buildId, dir);
  await Promise.all([
    rm(partial, { force: true }),
    rm(workDir, { recursive: true, force: true }),
    archiveToo ? rm(outFile, { force: true }) : Promise.resolve(),
  ]);
}

async function markFailed(rc: RunnerContext, build: { id: string }, where: object, error: string): Promise<boolean> {
  return rc.db.$transaction(async (tx) => {
    const failed = await tx.evidencePackBuild.updateMany({
      where: { id: build.id, ...where },
      data: { state: 'FAILED', error: error.slice(0, 1000), finishedAt: timeOf(rc), currentStep: null },
    });
    if (failed.count === 0) return false;
    await recordAuditEvent(tx, RUNNER, {
      action: 'evidencePack.failed',
      entityType: 'EvidencePack',
      entityId: build.id,
      after: { error: error.slice(0, 300) },
    });
    return true;
  });
}

/**
 * Builds a claimed pack: progress per step, a heartbeat, cancellation checked between steps and
 * inside sections. The archive is written under a temporary name and renamed when complete; the
 * build reads SUCCEEDED only after that, in the same transaction as its audit record. Whatever
 * else happens (cancel, error, another process declaring it dead) leaves no archive behind.
 */
export async function runClaimedBuild(rc: RunnerContext, build: EvidencePackBuild): Promise<EvidencePackBuildState> {
  const { db } = rc;
  const { outFile, workDir } = packPaths(build.id, rc.dir);
  const mine = { id: build.id, state: 'RUNNING' as const, runnerId: rc.runnerId };
  const stop = new AbortController();
  const checkIn = async () => {
    const row = await db.evidencePackBuild.findUnique({
      where: { id: build.id },
      select: { cancelRequestedAt: true, state: true, runnerId: true },
    });
    if (!row || row.cancelRequestedAt || row.state !== 'RUNNING' || row.runnerId !== rc.runnerId) stop.abort();
    else await db.evidencePackBuild.updateMany({ where: mine, data: { heartbeatAt: timeOf(rc) } });
  };
  const heartbeat = setInterval(() => void checkIn().catch(() => undefined), HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const period = { from: build.periodFrom, to: build.periodTo };
    const built = await buildEvidencePack(db, {
      packId: build.id,
      scope: { ...periodOfDays(period.from, period.to), environments: build.environments, toolIds: build.toolIds },
      period,
      generatedAt: timeOf(rc),
      outFile,
      workDir,
      signal: stop.signal,
      onProgress: async (done, total, step) => {
        collectGarbage();
        rc.onStep?.(done, total, step);
        await db.evidencePackBuild.updateMany({
          where: mine,
          data: { stepsDone: done, stepsTotal: total, currentStep: step, heartbeatAt: timeOf(rc) },
        });
      },
      shouldCancel: async () => {
        await checkIn();
        return stop.signal.aborted;
      },
    });
    const finished = await db.$transaction(async (tx) => {
      const done = await tx.evidencePackBuild.updateMany({
        where: { ...mine, cancelRequestedAt: null },
        data: {
          state: 'SUCCEEDED',
          stepsDone: PACK_STEPS,
          currentStep: null,
          finishedAt: timeOf(rc),
          fileName: packFileName(build.id),
          sha256: built.sha256,
          sizeBytes: built.size,
          keyId: built.keyId,
          recordsTotal: built.summary.recordsTotal,
        },
      });
      if (done.count === 0) return false;
      await recordAuditEvent(tx, RUNNER, {
        action: 'evidencePack.built',
        entityType: 'EvidencePack',
        entityId: build.id,
        after: {
          ...period,
          environments: build.environments,
          toolIds: build.toolIds,
          engagementId: build.engagementId,
          requestedById: build.requestedById,
          sha256: built.sha256,
          sizeBytes: built.size,
          keyId: built.keyId,
          via: 'app',
        },
      });
      return true;
    });
    if (finished) return 'SUCCEEDED';
    // Cancelled at the last moment, or declared dead by another process: the archive goes.
    await removeFiles(build.id, rc.dir, true);
    throw new PackCancelled('cancelled after the archive was written');
  } catch (err) {
    await removeFiles(build.id, rc.dir, true);
    if (err instanceof PackCancelled) {
      await db.evidencePackBuild.updateMany({
        where: mine,
        data: { state: 'CANCELLED', finishedAt: timeOf(rc), currentStep: null },
      });
      return (await db.evidencePackBuild.findUnique({ where: { id: build.id }, select: { state: true } }))?.state ?? 'CANCELLED';
    }
    console.error(`[evidence] pack build ${build.id} failed:`, err);
    await markFailed(rc, build, { state: 'RUNNING', runnerId: rc.runnerId }, err instanceof Error ? err.message : String(err));
    return 'FAILED';
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * Builds left RUNNING by a process that died: FAILED ("interrupted by a restart"), with any
 * temporary or final file removed, so nothing half-written is ever taken for a pack. `all`
 * (embedded database: one process, so any RUNNING build at start is an orphan) or those whose
 * heartbeat stopped before `staleBefore` (PostgreSQL: other instances may be building).
 */
export async function recoverInterruptedBuilds(
  rc: RunnerContext,
  which: { all: true } | { staleBefore: Date },
): Promise<string[]> {
  const stuck = await rc.db.evidencePackBuild.findMany({
    where: {
      state: 'RUNNING',
      ...('all' in which ? {} : { OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: which.staleBefore } }] }),
    },
    select: { id: true, heartbeatAt: true, runnerId: true },
  });
  const failed: string[] = [];
  for (const b of stuck) {
    // Conditional on the heartbeat read: a build that spoke meanwhile is alive after all.
    if (await markFailed(rc, b, { state: 'RUNNING', runnerId: b.runnerId, heartbeatAt: b.heartbeatAt }, INTERRUPTED)) {
      await removeFiles(b.id, rc.dir, true);
      failed.push(b.id);
    }
  }
  return failed;
}

/** Claims and runs queued builds, `concurrency` at a time, until none is left (tests, the bench). */
export async function runPendingBuilds(rc: RunnerContext, concurrency = 2): Promise<Record<string, EvidencePackBuildState>> {
  const results: Record<string, EvidencePackBuildState> = {};
  const running = new Set<Promise<void>>();
  for (;;) {
    while (running.size < concurrency) {
      const build = await claimQueuedBuild(rc);
      if (!build) break;
      const p: Promise<void> = runClaimedBuild(rc, build).then((state) => {
        results[build.id] = state;
        running.delete(p);
      });
      running.add(p);
    }
    if (running.size === 0) return results;
    await Promise.race(running);
  }
}
