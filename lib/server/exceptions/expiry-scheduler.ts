import 'server-only';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { raiseExceptionExpiryAlerts } from './raise-exception-expiry-alerts';

// The same in-process tick as the registry sync (docs/decisions/0001-sync-scheduling.md): the
// work is one indexed query, and the dedupe keys make two instances ticking together harmless.
const TICK_MS = 5 * 60_000;
const holder = globalThis as typeof globalThis & { __toolledgerExceptionScheduler?: NodeJS.Timeout };

/** Starts the periodic expiry check in this process (once), with a first check right away. */
export function startExceptionExpiryScheduler(): void {
  if (holder.__toolledgerExceptionScheduler) return;
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    raiseExceptionExpiryAlerts({ actor: SYSTEM_ACTOR, input: {} })
      .catch((e: unknown) => console.error('Exception expiry check failed:', e))
      .finally(() => {
        busy = false;
      });
  };
  holder.__toolledgerExceptionScheduler = setInterval(tick, TICK_MS);
  holder.__toolledgerExceptionScheduler.unref();
  tick();
}
