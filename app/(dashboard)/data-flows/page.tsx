import type { Metadata } from 'next';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { listDataFlowRegister } from '@/lib/server/data-flows/list-data-flow-register';
import { ZDataFlowRegisterQuery } from '@/lib/validation/data-flow';
import { buildHref, parseSearchParams, ZHiddenColumns } from '@/lib/validation/search-params';
import { DATA_CLASS_LABELS, DATA_CLASSES } from '@/lib/domain/data-flows/types';
import { ListFilters } from '@/components/list/list-filters';
import { CheckboxFilter, filterFields, SearchFilter, SelectFilter } from '@/components/list/filters';
import { Pagination } from '@/components/tables/pagination';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { formatCount } from '@/components/ui/format';
import { DataFlowRegisterTable } from '@/components/flows/data-flow-register-table';

export const metadata: Metadata = { title: 'Data flow maps' };

const ZDataFlowsPageQuery = ZDataFlowRegisterQuery.extend({ hide: ZHiddenColumns });
type TDataFlowsPageQuery = ReturnType<typeof ZDataFlowsPageQuery.parse>;
const href = (q: Partial<TDataFlowsPageQuery>) =>
  buildHref(
    '/data-flows',
    { ...q, subprocessor: q.subprocessor ? '1' : undefined, excess: q.excess ? '1' : undefined },
    { page: 1, pageSize: 25 },
  );

export default async function DataFlowsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('dataFlow:read');
  const { query, issues } = parseSearchParams(ZDataFlowsPageQuery, await searchParams);
  const { hide = [], ...filter } = query;
  const register = await listDataFlowRegister({ actor: actorOf(user), input: filter });
  const f = filterFields(filter, issues);
  const pages = Math.max(1, Math.ceil(register.total / register.pageSize));
  return (
    <div className="space-y-4">
      <PageHeader
        title="Data flow maps"
        description="What each tool receives, what it does with it, where the data goes and how long it is kept (CC9.2, confidentiality and privacy). A map ToolLedger derived stays marked derived until a person confirms it; every version is kept."
      />
      <ListFilters query={query} issues={issues} typed={['q']} path="/data-flows" label="Filter the data flow maps">
        <SearchFilter {...f('q')} label="Tool" />
        <SelectFilter
          {...f('status')}
          label="Status"
          options={[
            { value: 'DERIVED', label: 'Derived (awaiting confirmation)' },
            { value: 'CONFIRMED', label: 'Confirmed' },
          ]}
        />
        <SelectFilter
          {...f('classification')}
          label="Carries"
          options={DATA_CLASSES.map((c) => ({ value: c, label: DATA_CLASS_LABELS[c] }))}
        />
        <CheckboxFilter name="subprocessor" label="Subprocessors only" checked={filter.subprocessor} />
        <CheckboxFilter name="excess" label="Receives fields it does not need" checked={filter.excess} />
      </ListFilters>
      <p className="text-sm text-slate-600">
        {formatCount(register.total, 'mapped tool')}
        {register.derived > 0 && <span className="font-medium text-amber-800">, {register.derived} awaiting confirmation</span>}
      </p>
      {register.rows.length === 0 ? (
        <EmptyState title="No data flow maps match">
          Change the filters, or open a tool’s data flow from its inventory page to derive its first map.
        </EmptyState>
      ) : (
        <DataFlowRegisterTable rows={register.rows} visibility={{ hidden: hide, href: (h) => href({ ...query, hide: h }) }} />
      )}
      <Pagination label="Data flow map pages" page={register.page} pageCount={pages} href={(p) => href({ ...query, page: p })} />
    </div>
  );
}
