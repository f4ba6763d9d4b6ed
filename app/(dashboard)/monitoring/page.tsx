import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { formatCount } from '@/components/ui/format';
import { DataTable } from '@/components/tables/data-table';
import { Pagination } from '@/components/tables/pagination';
import { FilterBar } from '@/components/list/filter-bar';
import { QueryIssues, SelectFilter } from '@/components/list/filters';
import { alertColumns, alertKindLabel, SEVERITY_TONE } from '@/components/alerts/alert-columns';
import { can } from '@/lib/auth/permissions';
import { listAlerts } from '@/lib/server/alerts/list-alerts';
import { listAlertWorkers } from '@/lib/server/alerts/list-alert-workers';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { fieldErrorsOf } from '@/lib/server/guards/action-result';
import { ALERT_SEVERITY_FILTERS, ZAlertsPageQuery, type TAlertsPageQuery } from '@/lib/validation/list-queries';
import { hrefBuilder, parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params';
import { AlertActions } from './alert-actions';
import { listLeastPrivilege } from '@/lib/server/monitoring/list-least-privilege';
import { LeastPrivilegeList } from '@/components/monitoring/tool-monitoring';

export const metadata: Metadata = { title: 'Alerts' };

const href = hrefBuilder<TAlertsPageQuery>('/monitoring', { state: 'OPEN', page: 1 });
const lower = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

export default async function AlertsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const me = await requirePageUser('alert:read');
  const { query, issues } = parseSearchParams(ZAlertsPageQuery, await searchParams);
  const { hide = [], ...filter } = query;
  const [{ alerts, total, pageSize, openCounts, kinds }, workers] = await Promise.all([
    listAlerts({ actor: actorOf(me), input: filter }),
    listAlertWorkers({ actor: actorOf(me), input: {} }),
  ]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const errors = fieldErrorsOf(issues);
  const manage = can(me.role, 'alert:manage');
  // The worst few here; the whole list, filtered and paged, on its own page.
  const leastPrivilege = can(me.role, 'invocation:read')
    ? await listLeastPrivilege({ actor: actorOf(me), input: { pageSize: 10 } })
    : null;
  return (
    <div className="space-y-4">
      <PageHeader
        title="Alerts"
        description="Raised by registry syncs and monitors: failed or stale verifications, permission escalations, new versions of production tools, silent re-publishes and provenance changes; from reported invocations, permission drift, unapproved or untrusted use, version mismatches and anomalies against each tool's baseline. Open each alert for its explanation, its assignee and its notes. Open means nobody has acknowledged it yet."
      />
      <div className="flex flex-wrap items-center gap-2 text-sm" aria-label="Open alerts by severity">
        <span className="text-slate-600">Open:</span>
        {ALERT_SEVERITY_FILTERS.map((s) => (
          <Link key={s} href={href({ state: 'OPEN', severity: s })}>
            <Badge tone={SEVERITY_TONE[s]}>
              {openCounts[s] ?? 0} {s.toLowerCase()}
            </Badge>
          </Link>
        ))}
        {manage && (
          <Link className="ml-2 text-indigo-700 hover:underline" href={href({ state: 'ALL', assignee: 'me' })}>
            Assigned to me
          </Link>
        )}
      </div>
      <QueryIssues issues={issues} />
      <Card>
        <FilterBar
          key={JSON.stringify(filter)}
          path="/monitoring"
          label="Filter alerts"
          defaults={{ state: 'OPEN' }}
          keep={{ toolId: filter.toolId, hide: hide.join(',') || undefined }}
        >
          <SelectFilter
            name="state"
            label="State"
            value={filter.state}
            error={errors.state}
            anyLabel={null}
            options={['OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'ALL'].map((s) => ({
              value: s,
              label: s === 'ALL' ? 'Any state' : lower(s),
            }))}
          />
          <SelectFilter
            name="severity"
            label="Severity"
            value={filter.severity}
            error={errors.severity}
            options={ALERT_SEVERITY_FILTERS.map((s) => ({ value: s, label: lower(s) }))}
          />
          <SelectFilter
            name="kind"
            label="Kind"
            value={filter.kind}
            error={errors.kind}
            options={kinds.map((k) => ({ value: k, label: alertKindLabel(k) }))}
            className="sm:col-span-2"
          />
          <SelectFilter
            name="assignee"
            label="Assignee"
            value={filter.assignee}
            error={errors.assignee}
            options={[
              // An auditor works no alerts: "assigned to me" would always be empty for them.
              ...(manage ? [{ value: 'me', label: 'Assigned to me' }] : []),
              { value: 'none', label: 'Nobody' },
              ...workers.map((w) => ({ value: w.id, label: w.name })),
            ]}
          />
        </FilterBar>
      </Card>
      <p className="text-sm text-slate-600" data-testid="result-count">
        {formatCount(total, 'alert')}
      </p>
      {alerts.length === 0 ? (
        <EmptyState title="No alerts match these filters" />
      ) : (
        <DataTable
          label="Alerts"
          columns={alertColumns(manage ? (a) => <AlertActions id={a.id} state={a.state} title={a.title} /> : undefined)}
          rows={alerts}
          getRowId={(a) => a.id}
          rowTestId="alert-row"
          visibility={{ hidden: hide, href: (h) => href({ ...query, hide: h }) }}
        />
      )}
      <Pagination label="Alert pages" page={filter.page} pageCount={pages} href={(p) => href({ ...query, page: p })} />
      {leastPrivilege && (
        <Card title={`Least-privilege recommendations (${leastPrivilege.total})`}>
          <p className="mb-2 text-xs text-slate-500">
            Versions granted to agents whose declared permissions went unused in the last {leastPrivilege.days} days of reported
            invocations: grant the level actually used, or ask the publisher to declare less.
          </p>
          <LeastPrivilegeList rows={leastPrivilege.rows} days={leastPrivilege.days} showTool />
          <p className="mt-2 text-sm" data-testid="least-privilege-shown">
            Showing {leastPrivilege.rows.length} of {leastPrivilege.total}, most unused first.{' '}
            <Link className="text-indigo-700 hover:underline" href="/monitoring/least-privilege">
              All recommendations, with filters
            </Link>
          </p>
        </Card>
      )}
    </div>
  );
}
