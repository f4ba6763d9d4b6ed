import 'server-only';
import { databaseTargetFromEnv, getPrisma } from '@/lib/db/client';
import { now } from '@/lib/server/clock';
import { evidencePackDir } from './pack-files';
import {
  claimQueuedBuild,
  newRunnerId,
  recoverInterruptedBuilds,
  runClaimedBuild,
  STALE_AFTER_MS,
  type RunnerContext,
} from './pack-runner';

// The same in-process tick as the other schedulers (ADR 0001, ADR 0011): queued builds are rows,
// any instance may claim one (conditionally, so never twice), and two builds run side by side.
const TICK_MS = 2_000;
const RECOVER_EVERY_TICKS = 15;
const CONCURRENT_BUILDS = 2;

interface RunnerState {
  rc: RunnerContext;
  active: number;
  claiming: boolean;
  ticks: number;
  timer: NodeJS.Timeout;
}
const holder = globalThis as typeof globalThis & { __toolledgerPackRunner?: RunnerState };

function tick(state: RunnerState): void {
  state.ticks += 1;
  if (state.ticks % RECOVER_EVERY_TICKS === 0) {
    // Another instance that died mid-build: its heartbeat stops and its build is marked failed here.
    recoverInterruptedBuilds(state.rc, { staleBefore: new Date(now().getTime() - STALE_AFTER_MS) }).catch((e: unknown) =>
      console.error('[evidence] recovering interrupted builds failed:', e),
    );
  }
  if (state.claiming || state.active >= CONCURRENT_BUILDS) return;
  state.claiming = true;
  claimQueuedBuild(state.rc)
    .then((build) => {
      state.claiming = false;
      if (!build) return;
      state.active += 1;
      runClaimedBuild(state.rc, build)
        .catch((e: unknown) => console.error(`[evidence] pack build ${build.id} crashed:`, e))
        .finally(() => {
          state.active -= 1;
          tick(state);
        });
      tick(state);
    })
    .catch((e: unknown) => {
      state.claiming = false;
      console.error('[evidence] claiming a pack build failed:', e);
    });
}

/**
 * Starts this process's pack runner (once). First, builds a dead process left RUNNING are marked
 * failed: all of them on the embedded database (one process only), those whose heartbeat stopped
 * on PostgreSQL (other instances may be building right now).
 */
export async function startEvidencePackRunner(): Promise<void> {
  if (holder.__toolledgerPackRunner) return;
  const rc: RunnerContext = { db: await getPrisma(), runnerId: newRunnerId(), dir: evidencePackDir() };
  const embedded = databaseTargetFromEnv().kind === 'pglite';
  const state: RunnerState = { rc, active: 0, claiming: false, ticks: 0, timer: setInterval(() => tick(state), TICK_MS) };
  state.timer.unref();
  holder.__toolledgerPackRunner = state;
  await recoverInterruptedBuilds(rc, embedded ? { all: true } : { staleBefore: new Date(now().getTime() - STALE_AFTER_MS) });
  tick(state);
}

/** A build was just queued in this process: start it now rather than at the next tick. */
export function wakeEvidencePackRunner(): void {
  const state = holder.__toolledgerPackRunner;
  if (state) tick(state);
}
