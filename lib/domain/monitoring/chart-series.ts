import { addHistograms, emptyHistogram, histogramQuantile } from './histogram';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type BucketUnit = 'hour' | 'day';

/** Charts follow the explorer's days; without them, the last 7 days. Up to 3 days in hours, longer in days. */
export function chartRange(
  from: string | undefined,
  to: string | undefined,
  now: Date,
): { start: Date; end: Date; unit: BucketUnit } {
  const end = to ? Date.parse(`${to}T00:00:00Z`) + DAY : Math.floor(now.getTime() / HOUR) * HOUR + HOUR;
  const start = from ? Date.parse(`${from}T00:00:00Z`) : Math.floor((end - 7 * DAY) / DAY) * DAY;
  return { start: new Date(start), end: new Date(Math.max(end, start)), unit: end - start <= 3 * DAY ? 'hour' : 'day' };
}

export interface BucketTotals {
  at: Date;
  calls: number;
  errors: number;
}

export interface ChartPoint {
  at: Date;
  calls: number;
  errors: number;
  p50: number | null;
  p95: number | null;
}

/** Every bucket of the range, empty ones as zero calls and no latency, with p50/p95 from the summed histograms. */
export function chartPoints(
  range: { start: Date; end: Date; unit: BucketUnit },
  totals: readonly BucketTotals[],
  histograms: readonly { at: Date; cell: number; count: number }[],
): ChartPoint[] {
  const step = range.unit === 'hour' ? HOUR : DAY;
  const byAt = new Map(totals.map((t) => [t.at.getTime(), t]));
  const hist = new Map<number, number[]>();
  for (const h of histograms) {
    const cells = hist.get(h.at.getTime()) ?? emptyHistogram();
    const one = emptyHistogram();
    one[h.cell] = h.count;
    hist.set(h.at.getTime(), addHistograms(cells, one));
  }
  const out: ChartPoint[] = [];
  for (let t = range.start.getTime(); t < range.end.getTime(); t += step) {
    const h = hist.get(t);
    out.push({
      at: new Date(t),
      calls: byAt.get(t)?.calls ?? 0,
      errors: byAt.get(t)?.errors ?? 0,
      p50: h ? histogramQuantile(h, 0.5) : null,
      p95: h ? histogramQuantile(h, 0.95) : null,
    });
  }
  return out;
}
