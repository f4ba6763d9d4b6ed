import type { Metadata } from 'next';
import { listSubprocessors } from '@/lib/server/data-flows/list-subprocessors';
import { ZSubprocessorQuery } from '@/lib/validation/data-flow';
import type { RawSearchParams } from '@/lib/validation/search-params';
import { DATA_CLASS_LABELS, DATA_CLASSES } from '@/lib/domain/data-flows/types';
import { ListFilters } from '@/components/list/list-filters';
import { ListResults } from '@/components/list/list-results';
import { loadListPage } from '@/components/list/load-list-page';
import { SearchFilter, SelectFilter, optionsOf } from '@/components/list/filters';
import { PageHeader } from '@/components/ui/page-header';
import { SubprocessorTable } from '@/components/flows/subprocessor-table';

export const metadata: Metadata = { title: 'Subprocessors' };

export default async function SubprocessorsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { query, issues, data, f, href, visibility } = await loadListPage({
    path: '/subprocessors',
    permission: 'dataFlow:read',
    schema: ZSubprocessorQuery,
    searchParams,
    load: listSubprocessors,
  });
  return (
    <div className="space-y-4">
      <PageHeader
        title="Subprocessors"
        description="Tools whose data leaves the environment (an external API in their data flow map), with the hosts, the classes of data sent there, the publisher as the vendor and its review status (CC9.2)."
      />
      <ListFilters query={query} issues={issues} typed={['q']} path="/subprocessors" label="Filter the subprocessors">
        <SearchFilter {...f('q')} label="Tool, vendor or host" />
        <SelectFilter {...f('classification')} label="Sends" options={optionsOf(DATA_CLASSES, DATA_CLASS_LABELS)} />
      </ListFilters>
      <ListResults
        list={data}
        noun="subprocessor"
        pagesLabel="Subprocessor pages"
        href={href}
        empty={{
          title: 'No subprocessors match',
          body: 'A tool appears here once its data flow map sends data to an external API.',
        }}
      >
        <SubprocessorTable rows={data.rows} visibility={visibility} />
      </ListResults>
    </div>
  );
}
