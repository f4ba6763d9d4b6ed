import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { listIncidents } from '@/lib/server/incidents/list-incidents';
import { ZListIncidentsQuery } from '@/lib/validation/incident';
import type { RawSearchParams } from '@/lib/validation/search-params';
import {
  INCIDENT_SCENARIOS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  SCENARIO_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from '@/lib/domain/incidents/labels';
import { ListFilters } from '@/components/list/list-filters';
import { ListResults } from '@/components/list/list-results';
import { loadListPage } from '@/components/list/load-list-page';
import { SearchFilter, SelectFilter, optionsOf } from '@/components/list/filters';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { IncidentTable } from '@/components/incidents/incident-table';

export const metadata: Metadata = { title: 'Incidents' };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { user, query, issues, data, f, href, visibility } = await loadListPage({
    path: '/incidents',
    permission: 'incident:read',
    schema: ZListIncidentsQuery,
    searchParams,
    load: listIncidents,
  });
  const open = can(user.role, 'incident:respond') && (
    <Link href="/incidents/new" className={buttonClass('primary')}>
      Open incident
    </Link>
  );
  return (
    <div className="space-y-4">
      <PageHeader
        title="Incidents"
        description="Incident response for agent tools: a playbook per scenario, a timeline of every action, and quarantines that enforcement applies at once."
        actions={open}
      />
      <ListFilters query={query} issues={issues} typed={['q']} path="/incidents" label="Filters">
        <SearchFilter {...f('q')} label="Title or INC number" />
        <SelectFilter {...f('status')} label="Status" options={optionsOf(INCIDENT_STATUSES, STATUS_LABELS)} />
        <SelectFilter {...f('scenario')} label="Scenario" options={optionsOf(INCIDENT_SCENARIOS, SCENARIO_LABELS)} />
        <SelectFilter {...f('severity')} label="Severity" options={optionsOf(INCIDENT_SEVERITIES, SEVERITY_LABELS)} />
      </ListFilters>
      <ListResults
        list={data}
        noun="incident"
        pagesLabel="Incident pages"
        href={href}
        empty={{ title: 'No incidents match', body: 'Change the filters, or open one when a tool goes bad.' }}
      >
        <IncidentTable rows={data.rows} label="Incidents" visibility={visibility} />
      </ListResults>
    </div>
  );
}
