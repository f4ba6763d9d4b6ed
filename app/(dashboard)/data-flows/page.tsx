import type { Metadata } from 'next';
import { listDataFlowRegister } from '@/lib/server/data-flows/list-data-flow-register';
import { ZDataFlowRegisterQuery } from '@/lib/validation/data-flow';
import type { RawSearchParams } from '@/lib/validation/search-params';
import { DATA_CLASS_LABELS, DATA_CLASSES } from '@/lib/domain/data-flows/types';
import { ListFilters } from '@/components/list/list-filters';
import { ListResults } from '@/components/list/list-results';
import { loadListPage } from '@/components/list/load-list-page';
import { CheckboxFilter, SearchFilter, SelectFilter, optionsOf } from '@/components/list/filters';
import { PageHeader } from '@/components/ui/page-header';
import { DataFlowRegisterTable } from '@/components/flows/data-flow-register-table';

export const metadata: Metadata = { title: 'Data flow maps' };

export default async function DataFlowsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { query, filter, issues, data, f, href, visibility } = await loadListPage({
    path: '/data-flows',
    permission: 'dataFlow:read',
    schema: ZDataFlowRegisterQuery,
    searchParams,
    load: listDataFlowRegister,
    toUrl: (q) => ({ ...q, subprocessor: q.subprocessor ? '1' : undefined, excess: q.excess ? '1' : undefined }),
  });
  return (
    <div className="space-y-4">
      <PageHeader
        title="Data flow maps"
        description="What each tool receives, what it does with it, where the data goes and how long it is kept (CC9.2, confidentiality and privacy). A map ToolLedger derived stays marked derived until a person confirms it; a version that raises permissions or hosts reopens a map for review; every version is kept."
      />
      <ListFilters query={query} issues={issues} typed={['q']} path="/data-flows" label="Filter the data flow maps">
        <SearchFilter {...f('q')} label="Tool" />
        <SelectFilter
          {...f('status')}
          label="Status"
          options={[
            { value: 'DERIVED', label: 'Derived (awaiting confirmation)' },
            { value: 'NEEDS_REVIEW', label: 'Needs review (a new version raised it)' },
            { value: 'CONFIRMED', label: 'Confirmed' },
          ]}
        />
        <SelectFilter {...f('classification')} label="Carries" options={optionsOf(DATA_CLASSES, DATA_CLASS_LABELS)} />
        <CheckboxFilter name="subprocessor" label="Subprocessors only" checked={filter.subprocessor} />
        <CheckboxFilter name="excess" label="Receives fields it does not need" checked={filter.excess} />
      </ListFilters>
      <ListResults
        list={data}
        noun="mapped tool"
        summary={
          data.derived > 0 && (
            <span className="font-medium text-amber-800">
              , {data.derived} awaiting confirmation
              {data.needsReview > 0 && ` (${data.needsReview} reopened by a new version)`}
            </span>
          )
        }
        pagesLabel="Data flow map pages"
        href={href}
        empty={{
          title: 'No data flow maps match',
          body: 'Change the filters, or open a tool’s data flow from its inventory page to derive its first map.',
        }}
      >
        <DataFlowRegisterTable rows={data.rows} visibility={visibility} />
      </ListResults>
    </div>
  );
}
