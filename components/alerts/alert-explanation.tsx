import Link from 'next/link';
import { ChartFrame } from '@/components/charts/chart-frame';
import { TimeSeriesChart } from '@/components/charts/time-series-chart';
import { formatTimestamp } from '@/components/ui/format';
import { ANOMALY_METRIC_LABELS, metricValue, type AnomalyMetric } from '@/lib/domain/monitoring/anomaly';
import { DIMENSION_LABELS, DIMENSIONS, LEVEL_LABELS, type PermissionDimension } from '@/lib/domain/permissions';
import { buildHref } from '@/lib/validation/search-params';
import type { getAlert } from '@/lib/server/alerts/get-alert';

type Found = Awaited<ReturnType<typeof getAlert>>;
type Detail = Record<string, unknown>;

const levelLabel = (d: PermissionDimension, l: unknown) =>
  typeof l === 'string' ? ((LEVEL_LABELS[d] as Record<string, string>)[l] ?? l.toLowerCase()) : '—';
const str = (v: unknown) => (v === null || v === undefined ? '—' : String(v));

function Row({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-1.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** The events that show the alert, each linked to its page. */
function Evidence({ events, explore }: { events: Found['events']; explore?: string }) {
  if (events.length === 0 && !explore) return null;
  return (
    <div className="mt-3">
      <h3 className="mb-1 text-sm font-semibold">Events that show it</h3>
      <ul className="space-y-1 text-sm" data-testid="alert-evidence">
        {events.map((e) => (
          <li key={e.seq.toString()} className="flex flex-wrap items-baseline gap-2">
            <Link className="text-indigo-700 hover:underline" href={`/invocations/${e.seq}`}>
              #{e.seq.toString()}
            </Link>
            <span className="text-xs text-slate-500">{formatTimestamp(e.occurredAt)} UTC</span>
            <span className="font-mono text-xs">{e.agentName}</span>
            <span className="font-mono text-xs text-slate-600">{e.permissionsUsed.join(' ')}</span>
          </li>
        ))}
      </ul>
      {explore && (
        <Link className="mt-1 inline-block text-sm text-indigo-700 hover:underline" href={explore}>
          Open these calls in the explorer
        </Link>
      )}
    </div>
  );
}

function Drift({ d, found }: { d: Detail; found: Found }) {
  const dim = d.dimension as PermissionDimension;
  const v = found.version;
  return (
    <>
      <p className="mb-2 text-sm text-slate-700">
        Agents reported using more than version {str(d.version)} of {str(d.tool)} declares. Either the tool does more than its
        publisher says, or the declaration is out of date; both need a look before the next approval.
      </p>
      <table className="min-w-full text-sm" data-testid="drift-table">
        <thead>
          <tr className="text-left text-slate-500">
            <th scope="col" className="py-1 font-medium">
              Dimension
            </th>
            <th scope="col" className="py-1 font-medium">
              Declared
            </th>
            <th scope="col" className="py-1 font-medium">
              Observed
            </th>
          </tr>
        </thead>
        <tbody>
          {DIMENSIONS.map((x) => {
            const drifted = x === dim;
            const declared = v ? v[x] : drifted ? d.declared : null;
            return (
              <tr key={x} className={drifted ? 'bg-rose-50 font-medium text-rose-800' : 'text-slate-700'}>
                <td className="py-1">{DIMENSION_LABELS[x]}</td>
                <td className="py-1">{levelLabel(x, declared)}</td>
                <td className="py-1">{drifted ? levelLabel(x, d.observed) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="mt-2 divide-y divide-slate-100">
        <Row label="Calls that show it">{str(d.events)} (first run that saw them)</Row>
        <Row label="Agents">{Array.isArray(d.agents) ? d.agents.join(', ') : '—'}</Row>
      </dl>
      <Evidence events={found.events} explore={buildHref('/invocations', { tool: str(d.tool), version: str(d.version) })} />
    </>
  );
}

function Anomaly({ d, found }: { d: Detail; found: Found }) {
  const metric = d.metric as AnomalyMetric;
  const label = ANOMALY_METRIC_LABELS[metric] ?? { name: str(metric), unit: '' };
  const hour = typeof d.hour === 'string' ? new Date(d.hour) : null;
  const data = found.hours.map((h) => ({
    label: `${h.hour.toISOString().slice(5, 13).replace('T', ' ')}h`,
    value: metricValue(metric, h) === null ? null : Math.round(metricValue(metric, h)! * 10) / 10,
  }));
  const day = hour?.toISOString().slice(0, 10);
  return (
    <>
      <p className="mb-2 text-sm text-slate-700">
        In the hour from {hour ? formatTimestamp(hour) : '—'} UTC, {str(d.tool)} in {str(d.environment).toLowerCase()} sat far
        above its own baseline: the median and the median absolute deviation (MAD) of the same measure over the previous{' '}
        {str(d.windowHours)} hours.
      </p>
      <dl className="divide-y divide-slate-100" data-testid="anomaly-explanation">
        <Row label="Measure">{label.name}</Row>
        <Row label="Observed" testId="anomaly-observed">
          {str(d.observed)} {label.unit}
        </Row>
        <Row label="Baseline" testId="anomaly-baseline">
          median {str(d.baselineMedian)} {label.unit}, MAD {str(d.baselineMad)} (scale used {str(d.baselineScale)}), from{' '}
          {str(d.baselineSamples)} hours
        </Row>
        <Row label="Deviation" testId="anomaly-deviation">
          robust z = 0.6745 × (observed − median) / scale = <strong>{str(d.deviation)}</strong>; the policy threshold is{' '}
          {str(d.threshold)}
        </Row>
        <Row label="Window">{str(d.windowHours)} hours before the hour</Row>
      </dl>
      {data.length > 0 && (
        <div className="mt-3">
          <ChartFrame
            title={`${label.name}: the window and the hour`}
            description="Hourly values of the measure; the dashed line is the baseline median."
            table={{ head: ['Hour (UTC)', label.name], rows: data.map((r) => [r.label, r.value ?? '—']) }}
            testId="anomaly-chart"
          >
            <TimeSeriesChart
              data={data}
              series={[{ key: 'value', name: label.name, color: '#6366f1', kind: metric === 'calls' ? 'bar' : 'line' }]}
              reference={{ value: Number(d.baselineMedian ?? 0), label: 'median' }}
            />
          </ChartFrame>
        </div>
      )}
      {day && (
        <Link
          className="mt-2 inline-block text-sm text-indigo-700 hover:underline"
          href={buildHref('/invocations', { tool: str(d.tool), from: day, to: day })}
        >
          Open that day&apos;s calls in the explorer
        </Link>
      )}
    </>
  );
}

function Mismatch({ d, found }: { d: Detail; found: Found }) {
  return (
    <>
      <p className="mb-2 text-sm text-slate-700">
        The agent runs a version of the tool nobody approved for it: the approved installation is another version.
      </p>
      <dl className="divide-y divide-slate-100" data-testid="mismatch-explanation">
        <Row label="Agent">{str(d.agent)}</Row>
        <Row label="Version used">{str(d.version)}</Row>
        <Row label="Approved">{Array.isArray(d.approvedVersions) ? d.approvedVersions.join(', ') : '—'}</Row>
        <Row label="Calls">{str(d.events)}</Row>
      </dl>
      <Evidence
        events={found.events}
        explore={buildHref('/invocations', { agent: str(d.agent), tool: str(d.tool), version: str(d.version) })}
      />
    </>
  );
}

function Untrusted({ d, found }: { d: Detail; found: Found }) {
  return (
    <>
      <dl className="divide-y divide-slate-100" data-testid="untrusted-explanation">
        <Row label="Why untrusted">{str(d.reason)}</Row>
        <Row label="Tier in the inventory">{str(d.tier).toLowerCase()}</Row>
        <Row label="Trust the agent claimed">
          {d.claimedTrustLevel ? str(d.claimedTrustLevel) : 'not more than the inventory'}
        </Row>
        <Row label="Last verified">{found.version?.lastVerifiedAt ? formatTimestamp(found.version.lastVerifiedAt) : 'never'}</Row>
        <Row label="Agents">{Array.isArray(d.agents) ? d.agents.join(', ') : '—'}</Row>
      </dl>
      <Evidence events={found.events} explore={buildHref('/invocations', { tool: str(d.tool), version: str(d.version) })} />
    </>
  );
}

function Subject({ d }: { d: Detail }) {
  return (
    <dl className="divide-y divide-slate-100">
      <Row label="Reason">{str(d.reason)}</Row>
      <Row label="Agent, tool, version">
        {str(d.agent)} → {str(d.tool)} {str(d.version)}
      </Row>
      <Row label="First event">
        {d.firstSeq ? (
          <Link className="text-indigo-700 hover:underline" href={`/invocations/${str(d.firstSeq)}`}>
            #{str(d.firstSeq)}
          </Link>
        ) : (
          '—'
        )}
      </Row>
    </dl>
  );
}

function Generic({ d }: { d: Detail }) {
  return (
    <dl className="divide-y divide-slate-100">
      {Object.entries(d).map(([k, v]) => (
        <Row key={k} label={k}>
          <span className="break-all font-mono text-xs">{typeof v === 'string' ? v : JSON.stringify(v)}</span>
        </Row>
      ))}
    </dl>
  );
}

/** Why the alert was raised, in the terms of its kind. */
export function AlertExplanation({ found }: { found: Found }) {
  const d = (found.alert.detail ?? {}) as Detail;
  switch (found.alert.kind) {
    case 'invocation-permission-drift':
      return <Drift d={d} found={found} />;
    case 'invocation-anomaly':
      return <Anomaly d={d} found={found} />;
    case 'invocation-version-mismatch':
      return <Mismatch d={d} found={found} />;
    case 'invocation-untrusted-tool':
      return <Untrusted d={d} found={found} />;
    case 'invocation-unknown-subject':
    case 'invocation-unapproved-use':
      return <Subject d={d} />;
    default:
      return <Generic d={d} />;
  }
}
