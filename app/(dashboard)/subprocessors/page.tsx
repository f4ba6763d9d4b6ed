import type { Metadata } from 'next';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { listSubprocessors } from '@/lib/server/data-flows/list-subprocessors';
import { ZSubprocessorQuery } from '@/lib/validation/data-flow';
import { buildHref, parseSearchParams, ZHiddenColumns } from '@/lib/validation/search-params';
import { DATA_CLASS_LABELS, DATA_CLASSES } from '@/lib/domain/data-flows/types';
import { ListFilters } from '@/components/list/list-filters';
import { filterFields, SearchFilter, SelectFilter } from '@/components/list/filters';
import { Pagination } from '@/components/tables/pagination';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { formatCount } from '@/components/ui/format';
import { SubprocessorTable } from '@/components/flows/subprocessor-table';

export const metadata: Metadata = { title: 'Subprocessors' };

const ZSubprocessorsPageQuery = ZSubprocessorQuery.extend({ hide: ZHiddenColumns });
type TSubprocessorsPageQuery = ReturnType<typeof ZSubprocessorsPageQuery.parse>;
const href = (q: Partial<TSubprocessorsPageQuery>) => buildHref('/subprocessors', q, { page: 1, pageSize: 25 });

export default async function SubprocessorsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('dataFlow:read');
  const { query, issues } = parseSearchParams(ZSubprocessorsPageQuery, await searchParams);
  const { hide = [], ...filter } = query;
  const list = await listSubprocessors({ actor: actorOf(user), input: filter });
  const f = filterFields(filter, issues);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <div className="space-y-4">
      <PageHeader
        title="Subprocessors"
        description="Tools whose data leaves the environment (an external API in their data flow map), with the hosts, the classes of data sent there, the publisher as the vendor and its review status (CC9.2)."
      />
      <ListFilters query={query} issues={issues} typed={['q']} path="/subprocessors" label="Filter the subprocessors">
        <SearchFilter {...f('q')} label="Tool, vendor or host" />
        <SelectFilter
          {...f('classification')}
          label="Sends"
          options={DATA_CLASSES.map((c) => ({ value: c, label: DATA_CLASS_LABELS[c] }))}
        />
      </ListFilters>
      <p className="text-sm text-slate-600">{formatCount(list.total, 'subprocessor')}</p>
      {list.rows.length === 0 ? (
        <EmptyState title="No subprocessors match">
          A tool appears here once its data flow map sends data to an external API.
        </EmptyState>
      ) : (
        <SubprocessorTable rows={list.rows} visibility={{ hidden: hide, href: (h) => href({ ...query, hide: h }) }} />
      )}
      <Pagination label="Subprocessor pages" page={list.page} pageCount={pages} href={(p) => href({ ...query, page: p })} />
    </div>
  );
}
