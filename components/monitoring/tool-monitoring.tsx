import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatTimestamp } from '@/components/ui/format';
import { ANOMALY_METRIC_LABELS } from '@/lib/domain/monitoring/anomaly';
import { RESULT_LABELS, RESULT_TONES } from '@/lib/domain/invocations/labels';
import { DIMENSION_LABELS, LEVEL_LABELS, type PermissionDimension } from '@/lib/domain/permissions';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import type { getToolBaseline } from '@/lib/server/monitoring/get-tool-baseline';
import type { LeastPrivilegeRow } from '@/lib/server/monitoring/list-least-privilege';

const round = (n: number | null | undefined, digits = 1) =>
  n === null || n === undefined ? '—' : (Math.round(n * 10 ** digits) / 10 ** digits).toLocaleString('en');
const level = (d: PermissionDimension, l: string) => (LEVEL_LABELS[d] as Record<string, string>)[l] ?? l.toLowerCase();

/** Per environment: the 7-day baseline of each measure beside this hour, as the anomaly monitor sees it. */
export function ToolBaselinePanel({ baseline }: { baseline: Awaited<ReturnType<typeof getToolBaseline>> }) {
  if (baseline.environments.length === 0)
    return (
      <p className="text-sm text-slate-500">No calls reported in the last {baseline.windowHours / 24} days: no baseline yet.</p>
    );
  return (
    <div className="space-y-4" data-testid="tool-baseline">
      {baseline.environments.map((env) => (
        <div key={env.environment}>
          <h3 className="mb-1 text-sm font-semibold">
            {ENVIRONMENT_LABELS[env.environment]}{' '}
            <span className="font-normal text-slate-500">
              · {env.calls.toLocaleString('en')} calls in {baseline.windowHours} h · p50 {round(env.p50, 0)} ms · p95{' '}
              {round(env.p95, 0)} ms · alert above z = {env.threshold}
            </span>
          </h3>
          <table className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th scope="col" className="py-1 font-medium">
                  Measure (per hour)
                </th>
                <th scope="col" className="py-1 font-medium">
                  Median
                </th>
                <th scope="col" className="py-1 font-medium">
                  MAD
                </th>
                <th scope="col" className="py-1 font-medium">
                  This hour
                </th>
                <th scope="col" className="py-1 font-medium">
                  Robust z
                </th>
              </tr>
            </thead>
            <tbody>
              {env.metrics.map((m) => (
                <tr key={m.metric} className="border-t border-slate-100">
                  <td className="py-1">
                    {ANOMALY_METRIC_LABELS[m.metric].name}{' '}
                    <span className="text-xs text-slate-500">({ANOMALY_METRIC_LABELS[m.metric].unit})</span>
                  </td>
                  {m.baseline ? (
                    <>
                      <td className="py-1">{round(m.baseline.median)}</td>
                      <td className="py-1">{round(m.baseline.mad)}</td>
                    </>
                  ) : (
                    <td className="py-1 text-xs text-slate-500" colSpan={2}>
                      not enough history yet
                    </td>
                  )}
                  <td className="py-1">{round(m.current)}</td>
                  <td className="py-1">
                    {m.deviation === null ? (
                      '—'
                    ) : m.deviation > env.threshold ? (
                      <Badge tone="red">{round(m.deviation, 2)}</Badge>
                    ) : (
                      round(m.deviation, 2)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}

/** Declared and granted, unused for the period: what could be taken away. */
export function LeastPrivilegeList({ rows, days, showTool }: { rows: LeastPrivilegeRow[]; days: number; showTool: boolean }) {
  if (rows.length === 0)
    return <p className="text-sm text-slate-500">Every permission granted was used in the last {days} days.</p>;
  return (
    <ul className="space-y-2 text-sm" data-testid="least-privilege">
      {rows.map((r) => (
        <li key={r.versionId}>
          {showTool && (
            <Link className="font-medium text-indigo-700 hover:underline" href={`/inventory/${r.toolId}`}>
              {r.toolName}
            </Link>
          )}{' '}
          <span className="font-mono text-xs">{r.version}</span>{' '}
          <span className="text-xs text-slate-500">
            granted to {r.grantedTo} agent{r.grantedTo === 1 ? '' : 's'}, {r.callsInPeriod.toLocaleString('en')} calls in {days}{' '}
            days
          </span>
          <ul className="ml-4 list-disc text-slate-700">
            {r.unused.map((u) => (
              <li key={u.dimension}>
                {DIMENSION_LABELS[u.dimension]}: declares <strong>{level(u.dimension, u.declared)}</strong>, used at most{' '}
                <strong>{level(u.dimension, u.highestUsed)}</strong> → grant {level(u.dimension, u.highestUsed)}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** The tool's latest events, each linked, and the explorer filtered to the tool. */
export function ToolRecentEvents({ baseline }: { baseline: Awaited<ReturnType<typeof getToolBaseline>> }) {
  const explore = baseline.toolName ? `/invocations?tool=${encodeURIComponent(baseline.toolName)}` : '/invocations';
  return (
    <div data-testid="tool-recent-events">
      {baseline.recent.length === 0 ? (
        <p className="text-sm text-slate-500">No invocation reported yet.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {baseline.recent.map((e) => (
            <li key={e.seq.toString()} className="flex flex-wrap items-baseline gap-2">
              <Link className="text-indigo-700 hover:underline" href={`/invocations/${e.seq}`}>
                #{e.seq.toString()}
              </Link>
              <span className="text-xs text-slate-500">{formatTimestamp(e.occurredAt)} UTC</span>
              <span className="font-mono text-xs">{e.agentName}</span>
              <span className="font-mono text-xs text-slate-500">{e.toolVersion}</span>
              <Badge tone={RESULT_TONES[e.resultStatus]}>{RESULT_LABELS[e.resultStatus]}</Badge>
              <span className="text-xs text-slate-500">{e.durationMs.toLocaleString('en')} ms</span>
            </li>
          ))}
        </ul>
      )}
      <Link className="mt-2 inline-block text-sm text-indigo-700 hover:underline" href={explore}>
        All events of this tool in the explorer
      </Link>
    </div>
  );
}
