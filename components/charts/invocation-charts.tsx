import { ChartFrame } from './chart-frame';
import { TimeSeriesChart } from './time-series-chart';
import type { ChartPoint } from '@/lib/domain/monitoring/chart-series';

const labelOf = (at: Date, unit: 'hour' | 'day') =>
  unit === 'hour' ? `${at.toISOString().slice(5, 13).replace('T', ' ')}h` : at.toISOString().slice(0, 10);

/** Volume with errors, and latency percentiles, per bucket (hours or days, UTC). */
export function InvocationCharts({ points, unit }: { points: ChartPoint[]; unit: 'hour' | 'day' }) {
  const data = points.map((p) => ({ label: labelOf(p.at, unit), calls: p.calls, errors: p.errors, p50: p.p50, p95: p.p95 }));
  const per = unit === 'hour' ? 'hour' : 'day';
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="invocation-charts">
      <ChartFrame
        title={`Calls and errors per ${per}`}
        description="Errors include timeouts. Follows the agent, tool, version and date filters (UTC)."
        table={{ head: [`${per} (UTC)`, 'Calls', 'Errors'], rows: data.map((d) => [d.label, d.calls, d.errors]) }}
        testId="invocation-volume-chart"
      >
        <TimeSeriesChart
          data={data}
          series={[
            { key: 'calls', name: 'Calls', color: '#6366f1', kind: 'bar' },
            { key: 'errors', name: 'Errors', color: '#e11d48', kind: 'line' },
          ]}
        />
      </ChartFrame>
      <ChartFrame
        title={`Execution time per ${per}`}
        description="p50 and p95 in milliseconds, from duration histograms (bucket-interpolated)."
        table={{
          head: [`${per} (UTC)`, 'p50 (ms)', 'p95 (ms)'],
          rows: data.map((d) => [d.label, d.p50 ?? '—', d.p95 ?? '—']),
        }}
        testId="invocation-latency-chart"
      >
        <TimeSeriesChart
          data={data}
          series={[
            { key: 'p50', name: 'p50 ms', color: '#0ea5e9', kind: 'line' },
            { key: 'p95', name: 'p95 ms', color: '#f59e0b', kind: 'line' },
          ]}
        />
      </ChartFrame>
    </div>
  );
}
