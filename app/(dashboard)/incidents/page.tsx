import type { Metadata } from 'next';
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
import { PermittedLink } from '@/components/ui/permitted-link';
import { PageHeader } from '@/components/ui/page-header';
import { IncidentTable } from '@/components/incidents/incident-table';

export const metadata: Metadata = { title: 'Incidents' };
// What the page lists and who may read it; the address adds the filters.
const LIST = { path: '/incidents', permission: 'incident:read', schema: ZListIncidentsQuery, load: listIncidents } as const;

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { user, bar, results, data, f, visibility } = await loadListPage({ ...LIST, searchParams });
  return (
    <div className="space-y-4">
      <PageHeader
        title="Incidents"
        description="Incident response for agent tools: a playbook per scenario, a timeline of every action, and quarantines that enforcement applies at once."
        actions={
          <PermittedLink role={user.role} permission="incident:respond" href="/incidents/new">
            Open incident
          </PermittedLink>
        }
      />
      <ListFilters {...bar} typed={['q']} label="Filters">
        <SearchFilter {...f('q')} label="Title or INC number" />
        <SelectFilter {...f('status')} label="Status" options={optionsOf(INCIDENT_STATUSES, STATUS_LABELS)} />
        <SelectFilter {...f('scenario')} label="Scenario" options={optionsOf(INCIDENT_SCENARIOS, SCENARIO_LABELS)} />
        <SelectFilter {...f('severity')} label="Severity" options={optionsOf(INCIDENT_SEVERITIES, SEVERITY_LABELS)} />
      </ListFilters>
      <ListResults
        {...results}
        noun="incident"
        pagesLabel="Incident pages"
        empty={{ title: 'No incidents match', body: 'Change the filters, or open one when a tool goes bad.' }}
      >
        <IncidentTable rows={data.rows} label="Incidents" visibility={visibility} />
      </ListResults>
    </div>
  );
}
