import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser, actorOf } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { listIncidents } from '@/lib/server/incidents/list-incidents';
import { ZListIncidentsQuery } from '@/lib/validation/incident';
import { buildHref, parseSearchParams, ZHiddenColumns } from '@/lib/validation/search-params';
import {
  INCIDENT_SCENARIOS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  SCENARIO_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from '@/lib/domain/incidents/labels';
import { ListFilters } from '@/components/list/list-filters';
import { filterFields, SearchFilter, SelectFilter } from '@/components/list/filters';
import { Pagination } from '@/components/tables/pagination';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { formatCount } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { IncidentTable } from '@/components/incidents/incident-table';

export const metadata: Metadata = { title: 'Incidents' };

const ZIncidentsPageQuery = ZListIncidentsQuery.extend({ hide: ZHiddenColumns });
type TIncidentsPageQuery = ReturnType<typeof ZIncidentsPageQuery.parse>;
const href = (q: Partial<TIncidentsPageQuery>) => buildHref('/incidents', q, { page: 1, pageSize: 25 });

export default async function IncidentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('incident:read');
  const { query, issues } = parseSearchParams(ZIncidentsPageQuery, await searchParams);
  const { hide = [], ...filter } = query;
  const page = await listIncidents({ actor: actorOf(user), input: filter });
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const f = filterFields(filter, issues);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Incidents"
        description="Incident response for agent tools: a playbook per scenario, a timeline of every action, and quarantines that enforcement applies at once."
        actions={
          can(user.role, 'incident:respond') && (
            <Link href="/incidents/new" className={buttonClass('primary')}>
              Open incident
            </Link>
          )
        }
      />
      <ListFilters query={query} issues={issues} typed={['q']} path="/incidents" label="Filters">
        <SearchFilter {...f('q')} label="Title or INC number" />
        <SelectFilter
          {...f('status')}
          label="Status"
          options={INCIDENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        />
        <SelectFilter
          {...f('scenario')}
          label="Scenario"
          options={INCIDENT_SCENARIOS.map((s) => ({ value: s, label: SCENARIO_LABELS[s] }))}
        />
        <SelectFilter
          {...f('severity')}
          label="Severity"
          options={INCIDENT_SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))}
        />
      </ListFilters>
      <p className="text-sm text-slate-600">{formatCount(page.total, 'incident')}</p>
      {page.rows.length === 0 ? (
        <EmptyState title="No incidents match">Change the filters, or open one when a tool goes bad.</EmptyState>
      ) : (
        <IncidentTable
          rows={page.rows}
          label="Incidents"
          visibility={{ hidden: hide, href: (h) => href({ ...query, hide: h }) }}
        />
      )}
      <Pagination label="Incident pages" page={page.page} pageCount={pages} href={(p) => href({ ...query, page: p })} />
    </div>
  );
}
