/**
 * Robust statistics for baselines: the median and the median absolute deviation (MAD) ignore a
 * few wild values, so one earlier burst does not hide the next. The robust z-score of
 * Iglewicz and Hoaglin is 0.6745 · (x − median) / MAD; 3.5 is their usual outlier threshold.
 */
export const MAD_TO_Z = 0.6745;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function medianAbsoluteDeviation(values: readonly number[], center = median(values)): number | null {
  if (center === null) return null;
  return median(values.map((v) => Math.abs(v - center)));
}

export interface Baseline {
  median: number;
  mad: number;
  /** The deviation scale used: the MAD, raised to a floor so a perfectly steady series does not make any change infinite. */
  scale: number;
  /** How many values the baseline was computed from. */
  samples: number;
}

/** The baseline of a series, or null when it is empty. `floor` is the smallest scale used. */
export function baselineOf(values: readonly number[], floor: (median: number) => number): Baseline | null {
  const m = median(values);
  if (m === null) return null;
  const mad = medianAbsoluteDeviation(values, m)!;
  return { median: m, mad, scale: Math.max(mad, floor(m)), samples: values.length };
}

/** Robust z-score of one observation against a baseline (positive: above the median). */
export function robustZ(observed: number, baseline: Baseline): number {
  return (MAD_TO_Z * (observed - baseline.median)) / baseline.scale;
}
