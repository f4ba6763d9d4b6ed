import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { SYNC_ALERT_LABELS, type SyncAlertKind } from '@/lib/domain/sync-alerts';
import { listAlerts } from '@/lib/server/alerts/list-alerts';
import { requirePageUser } from '@/lib/server/session';
import { ALERT_SEVERITIES, ALERT_STATES, ZAlertFilter } from '@/lib/validation/registry';
import { AlertActions } from './alert-actions';

export const metadata: Metadata = { title: 'Monitoring' };

const SEVERITY_TONE: Record<string, BadgeTone> = { CRITICAL: 'red', HIGH: 'yellow', MEDIUM: 'blue', LOW: 'gray' };
const STATE_TONE: Record<string, BadgeTone> = { OPEN: 'red', ACKNOWLEDGED: 'yellow', RESOLVED: 'green' };
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const kindLabel = (k: string) => SYNC_ALERT_LABELS[k as SyncAlertKind] ?? k;
const selectClass = 'rounded-md px-2 py-1 text-sm ring-1 ring-slate-300';

export default async function MonitoringPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requirePageUser('alert:read');
  const manage = can(me.role, 'alert:manage');
  const filter = ZAlertFilter.parse(await searchParams);
  const { alerts, total, pageSize, openCounts, kinds } = await listAlerts(filter);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const query = (p: number) =>
    `/monitoring?${new URLSearchParams(Object.entries({ ...filter, page: String(p) }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''))}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Monitoring"
        description="Alerts raised by registry syncs: failed or stale verifications, permission escalations, new versions of production tools, silent re-publishes and provenance changes."
      />
      <div className="flex flex-wrap gap-2 text-sm" aria-label="Open alerts by severity">
        {ALERT_SEVERITIES.map((s) => (
          <Link key={s} href={`/monitoring?state=OPEN&severity=${s}`}>
            <Badge tone={SEVERITY_TONE[s]}>
              {openCounts[s] ?? 0} open {s.toLowerCase()}
            </Badge>
          </Link>
        ))}
      </div>
      <form className="flex flex-wrap items-end gap-3" aria-label="Filter alerts">
        <label className="text-sm text-slate-700">
          State{' '}
          <select name="state" defaultValue={filter.state} className={selectClass}>
            {[...ALERT_STATES, 'ALL'].map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm text-slate-700">
          Severity{' '}
          <select name="severity" defaultValue={filter.severity ?? ''} className={selectClass}>
            <option value="">any</option>
            {ALERT_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm text-slate-700">
          Kind{' '}
          <select name="kind" defaultValue={filter.kind ?? ''} className={selectClass}>
            <option value="">any</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
        {filter.toolId && <input type="hidden" name="toolId" value={filter.toolId} />}
        <button type="submit" className="rounded-md bg-white px-2 py-1 text-sm ring-1 ring-slate-300">
          Apply
        </button>
      </form>
      <p className="text-sm text-slate-600">
        {total} alert{total === 1 ? '' : 's'}
      </p>
      {alerts.length === 0 ? (
        <EmptyState title="No alerts match these filters" />
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200" aria-label="Alerts">
          {alerts.map((a) => (
            <li key={a.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3" data-testid="alert-row">
              <div className="min-w-0 space-y-1">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={SEVERITY_TONE[a.severity]}>{a.severity.toLowerCase()}</Badge>
                  <Badge tone={STATE_TONE[a.state]}>{a.state.toLowerCase()}</Badge>
                  <span className="text-xs text-slate-500">{kindLabel(a.kind)}</span>
                </div>
                <p className="font-medium text-slate-900">{a.title}</p>
                <p className="text-xs text-slate-500">
                  Raised {dateTime.format(a.createdAt)} UTC
                  {a.tool && (
                    <>
                      {' · '}
                      <Link className="text-indigo-700 underline" href={`/inventory/${a.tool.id}`}>
                        {a.tool.name}
                      </Link>
                    </>
                  )}
                  {a.acknowledgedBy && ` · acknowledged by ${a.acknowledgedBy}`}
                  {a.resolvedBy && ` · resolved by ${a.resolvedBy}`}
                </p>
              </div>
              {manage && <AlertActions id={a.id} state={a.state} title={a.title} />}
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav className="flex gap-3 text-sm" aria-label="Pages">
          {filter.page > 1 && <Link href={query(filter.page - 1)}>← Previous</Link>}
          <span>
            Page {filter.page} of {pages}
          </span>
          {filter.page < pages && <Link href={query(filter.page + 1)}>Next →</Link>}
        </nav>
      )}
    </div>
  );
}
