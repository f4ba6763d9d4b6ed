/**
 * When a failed webhook delivery is tried again: the schedule the Standard Webhooks
 * specification suggests (immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), about
 * a day in all, after which the delivery is marked failed and stays in the log.
 */
export const RETRY_DELAYS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000];

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** After `attempts` failed attempts (1 = the first one failed): when to try next, or null to give up. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

/** 2xx is delivered; anything else (and no answer at all) is retried. */
export const isDelivered = (status: number | null): boolean => status !== null && status >= 200 && status < 300;
