import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { listPolicyExceptions } from '@/lib/server/exceptions/list-policy-exceptions';
import { EXCEPTION_STANDINGS, ZListExceptionsQuery } from '@/lib/validation/exception';
import type { RawSearchParams } from '@/lib/validation/search-params';
import { STANDING_LABELS } from '@/lib/domain/exceptions/state-machine';
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';
import { ListFilters } from '@/components/list/list-filters';
import { ListResults } from '@/components/list/list-results';
import { loadListPage } from '@/components/list/load-list-page';
import { SearchFilter, SelectFilter, optionsOf } from '@/components/list/filters';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { ExceptionTable } from '@/components/exceptions/exception-table';

export const metadata: Metadata = { title: 'Policy exceptions' };

export default async function ExceptionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { user, query, issues, data, f, href, visibility } = await loadListPage({
    path: '/exceptions',
    permission: 'exception:read',
    schema: ZListExceptionsQuery,
    searchParams,
    load: listPolicyExceptions,
  });
  const request = can(user.role, 'exception:request') && (
    <Link href="/exceptions/new" className={buttonClass('primary')}>
      Request exception
    </Link>
  );
  return (
    <div className="space-y-4">
      <PageHeader
        title="Policy exceptions"
        description="Documented deviations from policy: requested for the rules a version misses, decided by a security reviewer who did not request them, covering only until they expire."
        actions={request}
      />
      <ListFilters query={query} issues={issues} typed={['q']} path="/exceptions" label="Filters">
        <SearchFilter {...f('q')} label="Tool" />
        <SelectFilter {...f('standing')} label="Status" options={optionsOf(EXCEPTION_STANDINGS, STANDING_LABELS)} />
        <SelectFilter {...f('environment')} label="Environment" options={optionsOf(ENVIRONMENTS, ENVIRONMENT_LABELS)} />
      </ListFilters>
      <ListResults
        list={data}
        noun="exception"
        pagesLabel="Exception pages"
        href={href}
        empty={{
          title: 'No exceptions match',
          body: 'Change the filters, or request one from a failing cell of the compliance matrix.',
        }}
      >
        <ExceptionTable rows={data.rows} label="Policy exceptions" visibility={visibility} />
      </ListResults>
    </div>
  );
}
