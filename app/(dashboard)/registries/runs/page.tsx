import type { Metadata } from 'next';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/tables/data-table';
import { Pagination } from '@/components/tables/pagination';
import { FilterBar } from '@/components/list/filter-bar';
import { QueryIssues, SelectFilter } from '@/components/list/filters';
import { syncRunColumns } from '@/components/registries/sync-run-columns';
import { listRegistries } from '@/lib/server/registries/list-registries';
import { listSyncRuns } from '@/lib/server/registries/list-sync-runs';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { fieldErrorsOf } from '@/lib/server/guards/action-result';
import { ZSyncRunsPageQuery, type TSyncRunsPageQuery } from '@/lib/validation/list-queries';
import { hrefBuilder, parseSearchParams, type RawSearchParams } from '@/lib/validation/search-params';
import { SyncStatusBadge } from '../sync-status';

export const metadata: Metadata = { title: 'Sync history' };

const href = hrefBuilder<TSyncRunsPageQuery>('/registries/runs', { page: 1 });

export default async function SyncRunsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const me = await requirePageUser('registry:read');
  const { query, issues } = parseSearchParams(ZSyncRunsPageQuery, await searchParams);
  const { hide = [], ...filter } = query;
  const [{ runs, total, pageSize }, registries] = await Promise.all([
    listSyncRuns({ actor: actorOf(me), input: filter }),
    listRegistries({ actor: actorOf(me), input: {} }),
  ]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const errors = fieldErrorsOf(issues);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Sync history"
        description="Every registry sync: what it found, what it stored, what it raised, and why it stopped if it did."
      />
      <QueryIssues issues={issues} />
      <Card>
        <FilterBar
          key={JSON.stringify(filter)}
          path="/registries/runs"
          label="Filter sync runs"
          keep={{ hide: hide.join(',') || undefined }}
        >
          <SelectFilter
            name="registryId"
            label="Registry"
            value={filter.registryId}
            error={errors.registryId}
            anyLabel="All registries"
            options={registries.map((r) => ({ value: r.id, label: r.name }))}
          />
        </FilterBar>
      </Card>
      {runs.length === 0 ? (
        <EmptyState title="No sync runs yet" />
      ) : (
        <DataTable
          label="Sync runs"
          columns={syncRunColumns((r) => (
            <SyncStatusBadge status={r.status} />
          ))}
          rows={runs}
          getRowId={(r) => r.id}
          rowTestId="sync-run-row"
          visibility={{ hidden: hide, href: (h) => href({ ...query, hide: h }) }}
        />
      )}
      <Pagination label="Sync history pages" page={filter.page} pageCount={pages} href={(p) => href({ ...query, page: p })} />
    </div>
  );
}
