import type { Metadata } from 'next';
import { listLeastPrivilege } from '@/lib/server/monitoring/list-least-privilege';
import { ZLeastPrivilegeQuery } from '@/lib/validation/least-privilege';
import type { RawSearchParams } from '@/lib/validation/search-params';
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';
import { ListFilters } from '@/components/list/list-filters';
import { ListResults } from '@/components/list/list-results';
import { loadListPage } from '@/components/list/load-list-page';
import { SearchFilter, SelectFilter, optionsOf } from '@/components/list/filters';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { LeastPrivilegeList } from '@/components/monitoring/tool-monitoring';

export const metadata: Metadata = { title: 'Least privilege' };
// What the page lists and who may read it; the address adds the filters.
const LIST = {
  path: '/monitoring/least-privilege',
  permission: 'invocation:read',
  schema: ZLeastPrivilegeQuery,
  load: listLeastPrivilege,
} as const;

export default async function LeastPrivilegePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { bar, results, filter, data, f } = await loadListPage({ ...LIST, searchParams });
  return (
    <div className="space-y-4">
      <PageHeader
        title="Least privilege"
        description={`Versions granted to agents (approved or active installations) whose declared permissions went unused in the last ${data.days} days of reported invocations, most unused first: grant the level actually used, or ask the publisher to declare less.`}
      />
      <ListFilters {...bar} typed={['q']} keep={{ toolId: filter.toolId }} label="Filter the recommendations">
        <SearchFilter {...f('q')} label="Tool" />
        <SelectFilter {...f('environment')} label="Environment" options={optionsOf(ENVIRONMENTS, ENVIRONMENT_LABELS)} />
      </ListFilters>
      <ListResults
        {...results}
        noun="version with unused permissions"
        plural="versions with unused permissions"
        pagesLabel="Least-privilege pages"
        empty={{ title: 'No recommendation matches', body: `Every permission granted was used in the last ${data.days} days.` }}
      >
        <Card>
          <LeastPrivilegeList rows={data.rows} days={data.days} showTool />
        </Card>
      </ListResults>
    </div>
  );
}
