import 'server-only';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { raiseOverdueRiskReviewAlerts } from './raise-overdue-risk-review-alerts';
import { raiseOverdueVendorReviewAlerts } from '@/lib/server/vendors/raise-overdue-vendor-review-alerts';

// Review days are calendar days: checking every ten minutes flags an overdue review promptly
// without a query a minute. Same in-process tick as the sync scheduler (ADR 0001).
const TICK_MS = 10 * 60_000;
const holder = globalThis as typeof globalThis & { __toolledgerRiskReviewScheduler?: NodeJS.Timeout };

/** Starts the overdue-review check in this process (no-op when already started). */
export function startRiskReviewScheduler(): void {
  if (holder.__toolledgerRiskReviewScheduler) return;
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    raiseOverdueRiskReviewAlerts({ actor: SYSTEM_ACTOR, input: {} })
      // Publisher and registry reviews fall due on the same calendar (lib/server/vendors).
      .then(() => raiseOverdueVendorReviewAlerts({ actor: SYSTEM_ACTOR, input: {} }))
      .catch((e: unknown) => console.error('Overdue risk review check failed:', e))
      .finally(() => {
        busy = false;
      });
  };
  holder.__toolledgerRiskReviewScheduler = setInterval(tick, TICK_MS);
  holder.__toolledgerRiskReviewScheduler.unref();
  setTimeout(tick, 5_000).unref();
}
