import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser, actorOf } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { listPolicyExceptions } from '@/lib/server/exceptions/list-policy-exceptions';
import { EXCEPTION_STANDINGS, ZListExceptionsQuery } from '@/lib/validation/exception';
import { buildHref, parseSearchParams, ZHiddenColumns } from '@/lib/validation/search-params';
import { STANDING_LABELS } from '@/lib/domain/exceptions/state-machine';
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';
import { ListFilters } from '@/components/list/list-filters';
import { filterFields, SearchFilter, SelectFilter } from '@/components/list/filters';
import { Pagination } from '@/components/tables/pagination';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { formatCount } from '@/components/ui/format';
import { PageHeader } from '@/components/ui/page-header';
import { ExceptionTable } from '@/components/exceptions/exception-table';

export const metadata: Metadata = { title: 'Policy exceptions' };

const ZExceptionsPageQuery = ZListExceptionsQuery.extend({ hide: ZHiddenColumns });
type TExceptionsPageQuery = ReturnType<typeof ZExceptionsPageQuery.parse>;
const href = (q: Partial<TExceptionsPageQuery>) => buildHref('/exceptions', q, { page: 1, pageSize: 25 });

export default async function ExceptionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('exception:read');
  const { query, issues } = parseSearchParams(ZExceptionsPageQuery, await searchParams);
  const { hide = [], ...filter } = query;
  const page = await listPolicyExceptions({ actor: actorOf(user), input: filter });
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const f = filterFields(filter, issues);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Policy exceptions"
        description="Documented deviations from policy: requested for the rules a version misses, decided by a security reviewer who did not request them, covering only until they expire."
        actions={
          can(user.role, 'exception:request') && (
            <Link href="/exceptions/new" className={buttonClass('primary')}>
              Request exception
            </Link>
          )
        }
      />
      <ListFilters query={query} issues={issues} typed={['q']} path="/exceptions" label="Filters">
        <SearchFilter {...f('q')} label="Tool" />
        <SelectFilter
          {...f('standing')}
          label="Status"
          options={EXCEPTION_STANDINGS.map((s) => ({ value: s, label: STANDING_LABELS[s] }))}
        />
        <SelectFilter
          {...f('environment')}
          label="Environment"
          options={ENVIRONMENTS.map((e) => ({ value: e, label: ENVIRONMENT_LABELS[e] }))}
        />
      </ListFilters>
      <p className="text-sm text-slate-600">{formatCount(page.total, 'exception')}</p>
      {page.rows.length === 0 ? (
        <EmptyState title="No exceptions match">
          Change the filters, or request one from a failing cell of the compliance matrix.
        </EmptyState>
      ) : (
        <ExceptionTable
          rows={page.rows}
          label="Policy exceptions"
          visibility={{ hidden: hide, href: (h) => href({ ...query, hide: h }) }}
        />
      )}
      <Pagination label="Exception pages" page={page.page} pageCount={pages} href={(p) => href({ ...query, page: p })} />
    </div>
  );
}
