import { describe, expect, it } from 'vitest';
import { NO_PERMISSIONS } from '../permissions';
import { baselineSeries, detectAnomalies, type HourStats } from './anomaly';
import { chartPoints, chartRange } from './chart-series';
import { durationBucket, histogramQuantile, addHistograms, emptyHistogram } from './histogram';
import { anomalyAlert, driftAlert } from './monitor-alert-drafts';
import { mergeObserved, NOTHING_OBSERVED, permissionDrift, unusedPermissions } from './permission-use';
import { baselineOf, median, medianAbsoluteDeviation, robustZ } from './robust-stats';
import { untrustedUse, versionMismatch } from './subject-checks';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 1);

describe('robust statistics', () => {
  it.each([
    [[], null, null],
    [[5], 5, 0],
    [[1, 2, 3], 2, 1],
    [[1, 2, 3, 4], 2.5, 1],
    [[3, 3, 3, 100], 3, 0],
    [[1, 1, 2, 2, 4, 6, 9], 2, 1],
  ])('median and MAD of %j', (values, m, mad) => {
    expect(median(values)).toBe(m);
    expect(medianAbsoluteDeviation(values)).toBe(mad);
  });

  it.each([
    // observed, values, floor, z
    [10, [2, 3, 4], 0, 0.6745 * 7],
    [3, [2, 3, 4], 0, 0],
    [1, [2, 3, 4], 0, -0.6745 * 2],
    // a steady series: the floor keeps the score finite
    [13, [3, 3, 3, 3], 1, 0.6745 * 10],
  ])('robust z of %d against %j (floor %d)', (x, values, floor, z) => {
    expect(
      robustZ(
        x,
        baselineOf(values, () => floor)!,
      ),
    ).toBeCloseTo(z, 6);
  });
});

describe('duration histogram', () => {
  it.each([
    [0, 0],
    [1, 1],
    [4, 2],
    [342, 8],
    [999, 9],
    [1000, 10],
    [600_000, 18],
  ])('%d ms lands in bucket %d', (ms, bucket) => expect(durationBucket(ms)).toBe(bucket));

  it('answers quantiles from summed buckets', () => {
    const h = emptyHistogram();
    for (const ms of [120, 150, 180, 250, 300, 320, 400, 450, 3000, 4000]) h[durationBucket(ms)]!++;
    const both = addHistograms(h, h);
    expect(histogramQuantile(both, 0.5)).toBeGreaterThanOrEqual(200);
    expect(histogramQuantile(both, 0.5)).toBeLessThan(500);
    expect(histogramQuantile(both, 0.95)).toBeGreaterThanOrEqual(2000);
    expect(histogramQuantile(emptyHistogram(), 0.5)).toBeNull();
  });
});

function hours(counts: number[], from = T0, durationMs = 300): HourStats[] {
  return counts.map((calls, i) => ({
    hour: new Date(from + i * HOUR),
    calls,
    durationSum: calls * durationMs,
    inputSum: calls * 1000,
    inputCount: calls,
    outputSum: calls * 2000,
    outputCount: calls,
  }));
}

describe('anomalies against the tool baseline', () => {
  const steady = hours(Array.from({ length: 48 }, (_, i) => 3 + (i % 3) - 1));
  const at = new Date(T0 + 48 * HOUR);

  it('counts silent hours since the first call as zero calls', () => {
    const h = hours([2, 0, 0, 5]).filter((x) => x.calls > 0);
    expect(baselineSeries('calls', h, new Date(T0 + 4 * HOUR))).toEqual([2, 0, 0, 5]);
    expect(baselineSeries('durationMs', h, new Date(T0 + 4 * HOUR))).toEqual([300, 300]);
  });

  it.each([
    ['a burst of calls', { calls: 60 }, ['calls']],
    ['an ordinary hour', { calls: 4 }, []],
    ['slow calls', { calls: 3, durationSum: 3 * 5000 }, ['durationMs']],
    ['big outputs', { calls: 3, outputSum: 3 * 200_000 }, ['outputBytes']],
    ['a quiet hour', { calls: 0 }, []],
  ])('%s', (_name, over, metrics) => {
    const current = { ...hours([3], at.getTime())[0]!, ...over };
    const found = detectAnomalies({ current, history: steady, threshold: 3.5 });
    expect(found.map((f) => f.metric)).toEqual(metrics);
  });

  it('shows the baseline, observation and deviation it decided on', () => {
    const current = { ...hours([60], at.getTime())[0]! };
    const [f] = detectAnomalies({ current, history: steady, threshold: 3.5 });
    expect(f).toMatchObject({ metric: 'calls', observed: 60, baseline: { median: 3, mad: 1, samples: 48 }, windowHours: 168 });
    expect(f!.deviation).toBeCloseTo(0.6745 * 57, 6);
    const draft = anomalyAlert({
      subject: 't1',
      toolId: 't1',
      tool: 'email-parser',
      environment: 'PRODUCTION',
      hour: at,
      finding: f!,
    });
    expect(draft.detail).toMatchObject({ baselineMedian: 3, baselineMad: 1, observed: 60, threshold: 3.5 });
    expect(draft.severity).toBe('HIGH');
    expect(draft.dedupeKey).toBe(`invocation-anomaly:t1:PRODUCTION:calls:${at.toISOString()}`);
  });

  it('a higher threshold in the policy tolerates more', () => {
    const current = { ...hours([9], at.getTime())[0]! };
    expect(detectAnomalies({ current, history: steady, threshold: 3.5 })).toHaveLength(1);
    expect(detectAnomalies({ current, history: steady, threshold: 5 })).toHaveLength(0);
  });

  it('says nothing before a day of history exists', () => {
    const short = hours([3, 3, 3, 3]);
    const current = { ...hours([60], T0 + 4 * HOUR)[0]! };
    expect(detectAnomalies({ current, history: short, threshold: 3.5 })).toEqual([]);
  });

  it('ignores history outside the 7-day window', () => {
    const old = hours(Array(48).fill(3), T0 - 30 * 24 * HOUR);
    const current = { ...hours([60], at.getTime())[0]! };
    expect(detectAnomalies({ current, history: old, threshold: 3.5 })).toEqual([]);
  });
});

describe('declared versus observed permissions', () => {
  const declared = { ...NO_PERMISSIONS, network: 'EXTERNAL' as const, filesystem: 'READ' as const };
  it.each([
    [{ ...NOTHING_OBSERVED, filesystem: 'WRITE' as const }, [{ dimension: 'filesystem', declared: 'READ', observed: 'WRITE' }]],
    [{ ...NOTHING_OBSERVED, filesystem: 'READ' as const, network: 'INTERNAL' as const }, []],
    [NOTHING_OBSERVED, []],
    [
      { ...NOTHING_OBSERVED, codeExecution: 'SANDBOXED' as const },
      [{ dimension: 'codeExecution', declared: 'NONE', observed: 'SANDBOXED' }],
    ],
  ])('drift of %j', (observed, drift) => expect(permissionDrift(declared, observed)).toEqual(drift));

  it.each([
    [NOTHING_OBSERVED, ['network:NONE', 'filesystem:NONE']],
    [{ ...NOTHING_OBSERVED, network: 'INTERNAL' as const, filesystem: 'READ' as const }, ['network:INTERNAL']],
    [{ ...NOTHING_OBSERVED, network: 'EXTERNAL' as const, filesystem: 'WRITE' as const }, []],
  ])('unused permissions given %j', (observed, unused) =>
    expect(unusedPermissions(declared, observed).map((u) => `${u.dimension}:${u.highestUsed}`)).toEqual(unused),
  );

  it('merges observations to the highest level', () => {
    expect(
      mergeObserved(
        { ...NOTHING_OBSERVED, network: 'INTERNAL', filesystem: 'WRITE' },
        { ...NOTHING_OBSERVED, network: 'EXTERNAL', filesystem: 'READ' },
      ),
    ).toEqual({ ...NOTHING_OBSERVED, network: 'EXTERNAL', filesystem: 'WRITE' });
  });

  it('the drift alert names declared and observed levels and its events', () => {
    const d = driftAlert({
      toolId: 't',
      toolVersionId: 'v',
      tool: 'email-parser',
      version: '2.1.0',
      drift: { dimension: 'filesystem', declared: 'READ', observed: 'WRITE' },
      group: { events: 2, seqs: ['7', '9'], agents: ['a'], firstAt: new Date(T0), lastAt: new Date(T0) },
    });
    expect(d.title).toBe('email-parser 2.1.0 used filesystem write; it declares read');
    expect(d.dedupeKey).toBe('invocation-permission-drift:v:filesystem:WRITE');
    expect(d.evidence).toEqual(['7', '9']);
  });
});

describe('subject checks', () => {
  it.each([
    ['2.1.0', ['2.1.0'], null],
    ['2.2.0', ['2.1.0'], { approved: ['2.1.0'] }],
    ['2.2.0', [], null],
    ['1.0.0', ['2.1.0', '2.0.0', '2.1.0'], { approved: ['2.0.0', '2.1.0'] }],
  ])('version %s against approved %j', (used, approved, out) => expect(versionMismatch(used, approved)).toEqual(out));

  it.each([
    ['GOLD', 'gold', null],
    ['PARTIAL', 'gold', null],
    ['FAILED', 'gold', { reason: 'the version failed verification', claimed: 'gold' }],
    ['UNVERIFIED', null, { reason: 'the version was never verified', claimed: null }],
    ['UNVERIFIED', 'unverified', { reason: 'the version was never verified', claimed: null }],
  ] as const)('tier %s claimed %s', (tier, claimedTrust, out) => expect(untrustedUse({ tier, claimedTrust })).toEqual(out));
});

describe('chart series', () => {
  const now = new Date('2026-03-10T14:25:00Z');
  it.each([
    [undefined, undefined, '2026-03-03T00:00:00.000Z', '2026-03-10T15:00:00.000Z', 'day'],
    ['2026-03-09', '2026-03-10', '2026-03-09T00:00:00.000Z', '2026-03-11T00:00:00.000Z', 'hour'],
    ['2026-03-01', undefined, '2026-03-01T00:00:00.000Z', '2026-03-10T15:00:00.000Z', 'day'],
  ])('range from %s to %s', (from, to, start, end, unit) => {
    const r = chartRange(from, to, now);
    expect([r.start.toISOString(), r.end.toISOString(), r.unit]).toEqual([start, end, unit]);
  });

  it('fills empty buckets and computes latency from the summed histogram cells', () => {
    const range = chartRange('2026-03-10', '2026-03-10', now);
    const at = new Date('2026-03-10T02:00:00Z');
    const points = chartPoints(
      range,
      [{ at, calls: 4, errors: 1 }],
      [
        { at, cell: durationBucket(300), count: 3 },
        { at, cell: durationBucket(3000), count: 1 },
      ],
    );
    expect(points).toHaveLength(24);
    expect(points[1]).toEqual({ at: new Date('2026-03-10T01:00:00Z'), calls: 0, errors: 0, p50: null, p95: null });
    expect(points[2]).toMatchObject({ calls: 4, errors: 1 });
    expect(points[2]!.p50).toBeGreaterThanOrEqual(200);
    expect(points[2]!.p50).toBeLessThan(500);
    expect(points[2]!.p95).toBeGreaterThanOrEqual(2000);
  });
});
