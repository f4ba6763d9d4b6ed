import { baselineOf, robustZ, type Baseline } from './robust-stats';

/** What a tool's baseline watches, per hour: how often it is called, how long calls take, how much goes in and out. */
export type AnomalyMetric = 'calls' | 'durationMs' | 'inputBytes' | 'outputBytes';
export const ANOMALY_METRICS: readonly AnomalyMetric[] = ['calls', 'durationMs', 'inputBytes', 'outputBytes'];

export const ANOMALY_METRIC_LABELS: Record<AnomalyMetric, { name: string; unit: string }> = {
  calls: { name: 'Calls per hour', unit: 'calls' },
  durationMs: { name: 'Mean execution time', unit: 'ms' },
  inputBytes: { name: 'Mean input size', unit: 'bytes' },
  outputBytes: { name: 'Mean output size', unit: 'bytes' },
};

/** The trailing window a baseline looks at: 7 days of hourly buckets. */
export const BASELINE_WINDOW_HOURS = 168;
/** Fewer hours of history than this and the tool has no baseline yet (no alert, the panel says so). */
export const MIN_BASELINE_HOURS = 24;
/** Sizes and times need this many hours that had calls. */
export const MIN_ACTIVE_HOURS = 12;
/** The policy's default threshold (robust z-score). */
export const DEFAULT_ANOMALY_THRESHOLD = 3.5;

const HOUR = 3_600_000;

/** One hour of one tool's calls (summed over agents and versions). */
export interface HourStats {
  hour: Date;
  calls: number;
  durationSum: number;
  inputSum: number;
  inputCount: number;
  outputSum: number;
  outputCount: number;
}

export function metricValue(metric: AnomalyMetric, h: HourStats): number | null {
  switch (metric) {
    case 'calls':
      return h.calls;
    case 'durationMs':
      return h.calls > 0 ? h.durationSum / h.calls : null;
    case 'inputBytes':
      return h.inputCount > 0 ? h.inputSum / h.inputCount : null;
    case 'outputBytes':
      return h.outputCount > 0 ? h.outputSum / h.outputCount : null;
  }
}

/**
 * The baseline series of one metric for the hour `at`: the hours of the trailing window before
 * it. Call counts include the silent hours (zero calls) since the tool's first call in the
 * window, since silence is part of the pattern; means only exist for hours that had calls.
 */
export function baselineSeries(metric: AnomalyMetric, history: readonly HourStats[], at: Date): number[] {
  const start = at.getTime() - BASELINE_WINDOW_HOURS * HOUR;
  const inWindow = history.filter((h) => h.hour.getTime() >= start && h.hour.getTime() < at.getTime());
  if (metric !== 'calls')
    return inWindow.flatMap((h) => (h.calls > 0 ? [metricValue(metric, h)!] : [])).filter((v) => v !== null);
  if (inWindow.length === 0) return [];
  const first = Math.min(...inWindow.map((h) => h.hour.getTime()));
  const byHour = new Map(inWindow.map((h) => [h.hour.getTime(), h.calls]));
  const out: number[] = [];
  for (let t = first; t < at.getTime(); t += HOUR) out.push(byHour.get(t) ?? 0);
  return out;
}

/** The smallest deviation scale per metric: one call, or 5% of the median (at least 1 ms or byte). */
export function scaleFloor(metric: AnomalyMetric, median: number): number {
  return metric === 'calls' ? 1 : Math.max(1, 0.05 * Math.abs(median));
}

export interface AnomalyFinding {
  metric: AnomalyMetric;
  observed: number;
  baseline: Baseline;
  /** Robust z-score of the observation. */
  deviation: number;
  threshold: number;
  windowHours: number;
}

/**
 * The metrics of `current` that rise above their baseline by more than `threshold` robust
 * z-scores. Only rises are anomalies: a burst, slower calls, bigger payloads (a quiet hour is
 * not a security signal, and an hour still in progress would always look quiet).
 */
export function detectAnomalies(input: {
  current: HourStats;
  history: readonly HourStats[];
  threshold: number;
}): AnomalyFinding[] {
  const findings: AnomalyFinding[] = [];
  for (const metric of ANOMALY_METRICS) {
    const observed = metricValue(metric, input.current);
    if (observed === null) continue;
    const series = baselineSeries(metric, input.history, input.current.hour);
    if (series.length < (metric === 'calls' ? MIN_BASELINE_HOURS : MIN_ACTIVE_HOURS)) continue;
    const baseline = baselineOf(series, (m) => scaleFloor(metric, m))!;
    const deviation = robustZ(observed, baseline);
    if (deviation > input.threshold)
      findings.push({ metric, observed, baseline, deviation, threshold: input.threshold, windowHours: BASELINE_WINDOW_HOURS });
  }
  return findings;
}
