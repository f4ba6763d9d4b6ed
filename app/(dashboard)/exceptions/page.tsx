import type { Metadata } from 'next';
import Link from 'next/link';
import { listPolicyExceptions } from '@/lib/server/exceptions/list-policy-exceptions';
import { EXCEPTION_STANDINGS, ZListExceptionsQuery } from '@/lib/validation/exception';
import type { RawSearchParams } from '@/lib/validation/search-params';
import { STANDING_LABELS } from '@/lib/domain/exceptions/state-machine';
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from '@/lib/domain/types';
import { ListFilters } from '@/components/list/list-filters';
import { ListResults } from '@/components/list/list-results';
import { loadListPage } from '@/components/list/load-list-page';
import { SearchFilter, SelectFilter, optionsOf } from '@/components/list/filters';
import { PermittedLink } from '@/components/ui/permitted-link';
import { PageHeader } from '@/components/ui/page-header';
import { ExceptionTable } from '@/components/exceptions/exception-table';

export const metadata: Metadata = { title: 'Policy exceptions' };
// What the page lists and who may read it; the address adds the filters.
const LIST = {
  path: '/exceptions',
  permission: 'exception:read',
  schema: ZListExceptionsQuery,
  load: listPolicyExceptions,
} as const;

export default async function ExceptionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { user, bar, results, data, f, visibility } = await loadListPage({ ...LIST, searchParams });
  return (
    <div className="space-y-4">
      <PageHeader
        title="Policy exceptions"
        description={
          <>
            Documented deviations from policy: requested for the rules a version misses (from a failing cell of the{' '}
            <Link href="/compliance" className="text-indigo-700 hover:underline">
              compliance matrix
            </Link>
            ), decided by a security reviewer who did not request them, covering only until they expire.
          </>
        }
        actions={
          <PermittedLink role={user.role} permission="exception:request" href="/exceptions/new">
            Request exception
          </PermittedLink>
        }
      />
      <ListFilters {...bar} typed={['q']} label="Filters">
        <SearchFilter {...f('q')} label="Tool" />
        <SelectFilter {...f('standing')} label="Status" options={optionsOf(EXCEPTION_STANDINGS, STANDING_LABELS)} />
        <SelectFilter {...f('environment')} label="Environment" options={optionsOf(ENVIRONMENTS, ENVIRONMENT_LABELS)} />
      </ListFilters>
      <ListResults
        {...results}
        noun="exception"
        pagesLabel="Exception pages"
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
