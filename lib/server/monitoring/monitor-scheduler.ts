import 'server-only';
import { runInvocationMonitors } from './run-invocation-monitors';

const TICK_MS = 60_000;
/**
 * The least time between the end of one run and the start of the next. Under a steady stream of
 * batches a run per batch would pay each run's fixed cost (a dozen statements through Prisma) for
 * every 5,000 events; waiting a moment lets one run read several batches at once (measured: a
 * quarter of the app's CPU for the same events). Alerts come at most this much later.
 */
export const MONITOR_GAP_MS = 2_000;
const holder = globalThis as typeof globalThis & {
  __toolledgerMonitors?: { timer?: NodeJS.Timeout; busy: boolean; again: boolean; lastEnd: number; pending?: NodeJS.Timeout };
};

function state() {
  holder.__toolledgerMonitors ??= { busy: false, again: false, lastEnd: 0 };
  return holder.__toolledgerMonitors;
}

/**
 * Asks for a monitor run soon, without waiting for it: after an ingest batch, and on every tick.
 * At most one run per process; a request during a run makes it go round once more, so a batch
 * that committed while the run was finishing is still read without waiting for the next tick.
 * A request within MONITOR_GAP_MS of the last run's end is served when the gap is over.
 */
export function kickInvocationMonitors(): void {
  const s = state();
  if (s.busy) {
    s.again = true;
    return;
  }
  if (s.pending) return;
  const wait = s.lastEnd + MONITOR_GAP_MS - Date.now();
  if (wait > 0) {
    s.pending = setTimeout(() => {
      s.pending = undefined;
      kickInvocationMonitors();
    }, wait);
    s.pending.unref();
    return;
  }
  s.busy = true;
  s.again = false;
  runInvocationMonitors()
    .catch((e: unknown) => console.error('Invocation monitors failed:', e))
    .finally(() => {
      s.busy = false;
      s.lastEnd = Date.now();
      if (s.again) kickInvocationMonitors();
    });
}

/** After an ingest batch: a run soon, where the scheduler runs (the server; never in tests or scripts). */
export function afterInvocationsIngested(accepted: number): void {
  if (accepted > 0 && state().timer) kickInvocationMonitors();
}

/** Starts the minute tick in this process, with a first run now (catching up on what arrived while it was down). */
export function startInvocationMonitorScheduler(): void {
  const s = state();
  if (s.timer) return;
  s.timer = setInterval(kickInvocationMonitors, TICK_MS);
  s.timer.unref();
  kickInvocationMonitors();
}
