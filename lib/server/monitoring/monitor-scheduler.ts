import 'server-only';
import { runInvocationMonitors } from './run-invocation-monitors';

const TICK_MS = 60_000;
const holder = globalThis as typeof globalThis & {
  __toolledgerMonitors?: { timer?: NodeJS.Timeout; busy: boolean; again: boolean };
};

function state() {
  holder.__toolledgerMonitors ??= { busy: false, again: false };
  return holder.__toolledgerMonitors;
}

/**
 * Asks for a monitor run soon, without waiting for it: after an ingest batch, and on every tick.
 * At most one run per process; a request during a run makes it go round once more, so a batch
 * that committed while the run was finishing is still read without waiting for the next tick.
 */
export function kickInvocationMonitors(): void {
  const s = state();
  if (s.busy) {
    s.again = true;
    return;
  }
  s.busy = true;
  s.again = false;
  runInvocationMonitors()
    .catch((e: unknown) => console.error('Invocation monitors failed:', e))
    .finally(() => {
      s.busy = false;
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
