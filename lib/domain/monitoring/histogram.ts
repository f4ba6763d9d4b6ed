/**
 * Execution-time histogram with fixed 1-2-5 bucket bounds (ms): hourly rows add up bucket by
 * bucket, so p50/p95 over any range come from summed counts instead of from every event.
 * Bucket i counts durations in [BOUNDS[i-1], BOUNDS[i]); the last bucket is open-ended.
 */
export const DURATION_BOUNDS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000,
] as const;

export const DURATION_BUCKETS = DURATION_BOUNDS_MS.length + 1;

export function durationBucket(ms: number): number {
  const i = DURATION_BOUNDS_MS.findIndex((b) => ms < b);
  return i === -1 ? DURATION_BOUNDS_MS.length : i;
}

export function emptyHistogram(): number[] {
  return new Array<number>(DURATION_BUCKETS).fill(0);
}

export function addHistograms(a: readonly number[], b: readonly number[]): number[] {
  return Array.from({ length: DURATION_BUCKETS }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0));
}

/**
 * The q-quantile (0..1) of the counted durations, interpolated linearly inside its bucket; the
 * open last bucket answers its lower bound. Null for an empty histogram.
 */
export function histogramQuantile(hist: readonly number[], q: number): number | null {
  const total = hist.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < DURATION_BUCKETS; i++) {
    const n = hist[i] ?? 0;
    if (n > 0 && seen + n >= rank) {
      const lower = i === 0 ? 0 : DURATION_BOUNDS_MS[i - 1]!;
      if (i === DURATION_BOUNDS_MS.length) return lower;
      const upper = DURATION_BOUNDS_MS[i]!;
      return Math.round(lower + ((rank - seen) / n) * (upper - lower));
    }
    seen += n;
  }
  return DURATION_BOUNDS_MS.at(-1)!;
}
