import 'server-only';

// Totals reported by the registry while a run is going (not worth a column): per process,
// shown as "x of y" by the progress poller of the instance that runs the sync.
const holder = globalThis as typeof globalThis & { __toolledgerSyncTotals?: Map<string, number | null> };
const totals = (holder.__toolledgerSyncTotals ??= new Map());

export function setRunTotal(runId: string, total: number | null | undefined): void {
  if (total === undefined) totals.delete(runId);
  else totals.set(runId, total);
}

export function getRunTotal(runId: string): number | null {
  return totals.get(runId) ?? null;
}
