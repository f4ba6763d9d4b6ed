/**
 * When a registry is due for its scheduled sync. Pure: the scheduler asks this for every
 * enabled registry once a minute. A failed or partial run is retried after a shorter wait
 * (a quarter of the interval, at least a minute), so a resumable run finishes soon after
 * the registry recovers without hammering a registry that is down.
 */
export function isSyncDue(input: {
  lastSyncAt: Date | null;
  lastSyncStatus: 'RUNNING' | 'SUCCEEDED' | 'PARTIAL' | 'FAILED' | null;
  intervalMinutes: number;
  now: Date;
}): boolean {
  if (input.intervalMinutes <= 0) return false;
  if (input.lastSyncStatus === 'RUNNING') return false;
  if (!input.lastSyncAt) return true;
  const healthy = input.lastSyncStatus === 'SUCCEEDED' || input.lastSyncStatus === null;
  const waitMinutes = healthy ? input.intervalMinutes : Math.max(1, Math.floor(input.intervalMinutes / 4));
  return input.now.getTime() - input.lastSyncAt.getTime() >= waitMinutes * 60_000;
}
