import type { Metadata } from 'next';
import Link from 'next/link';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { can } from '@/lib/auth/permissions';
import { findToolsForInventory } from '@/lib/server/inventory/find-tools-for-inventory';
import { listInventoryFilterOptions } from '@/lib/server/inventory/list-inventory-filter-options';
import { inventorySearchParams, parseInventoryQuery, type TInventoryQuery } from '@/lib/validation/inventory';
import { fieldErrorsOf } from '@/lib/server/guards/action-result';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { buttonClass } from '@/components/ui/button';
import { formatNumber } from '@/components/ui/format';
import { DataTable } from '@/components/tables/data-table';
import { inventoryColumns } from '@/components/inventory/inventory-columns';
import { InventoryFilters } from '@/components/inventory/inventory-filters';
import { KeysetPagination } from '@/components/list/keyset-pagination';
import { QueryIssues } from '@/components/list/filters';

export const metadata: Metadata = { title: 'Inventory' };

const href = (query: Partial<TInventoryQuery>) => {
  const qs = inventorySearchParams(query).toString();
  return `/inventory${qs ? `?${qs}` : ''}`;
};

export default async function InventoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requirePageUser('inventory:read');
  const { query, issues } = parseInventoryQuery(await searchParams);
  const [page, options] = await Promise.all([
    findToolsForInventory({ actor: actorOf(me), input: query }),
    listInventoryFilterOptions({ actor: actorOf(me), input: {} }),
  ]);
  const exportQs = inventorySearchParams({
    ...query,
    page: undefined,
    pageSize: undefined,
    after: undefined,
    before: undefined,
  }).toString();
  const { q: _q, ...rest } = query;
  const first = (page.page - 1) * page.pageSize + 1;
  // A broad filter over a large catalogue is counted only so far ahead: "1,025+ tools".
  const total = `${formatNumber(page.total)}${page.totalIsLowerBound ? '+' : ''}`;

  return (
    <div className="space-y-4">
      <PageHeader
        title="Inventory"
        description="Every tool the registries know, with its latest version's tier, trust score and permissions, and where your agents use it."
        actions={
          can(me.role, 'inventory:export') && (
            <a
              href={`/api/inventory/export${exportQs ? `?${exportQs}` : ''}`}
              className={buttonClass('secondary', 'sm')}
              download
              data-testid="export-csv"
            >
              Export CSV ({total})
            </a>
          )
        }
      />
      <QueryIssues issues={issues} />
      <Card>
        <InventoryFilters
          key={JSON.stringify(rest)}
          query={query}
          registries={options.registries}
          publishers={options.publishers}
          errors={fieldErrorsOf(issues)}
        />
      </Card>
      <p className="text-sm text-slate-600" aria-live="polite" data-testid="result-count">
        {page.total === 0
          ? 'No tools match.'
          : page.rows.length === 0
            ? `Page ${page.page} is past the end: ${total} tools match.`
            : `Showing ${first}–${first + page.rows.length - 1} of ${total} tools`}
      </p>
      {page.rows.length === 0 ? (
        <EmptyState title={page.total === 0 ? 'No tools match these filters' : 'Nothing on this page'}>
          <Link
            href={page.total === 0 ? '/inventory' : href({ ...query, page: 1, after: undefined, before: undefined })}
            className="text-indigo-700 hover:underline"
          >
            {page.total === 0 ? 'Clear the filters' : 'Go to the first page'}
          </Link>
        </EmptyState>
      ) : (
        <DataTable
          label="Tools"
          columns={inventoryColumns}
          rows={page.rows}
          getRowId={(t) => t.id}
          rowTestId="inventory-row"
          sort={{
            key: query.sort,
            dir: query.dir,
            href: (sort, dir) =>
              href({ ...query, sort: sort as TInventoryQuery['sort'], dir, page: 1, after: undefined, before: undefined }),
          }}
        />
      )}
      <KeysetPagination label="Inventory pages" list={page} href={(change) => href({ ...query, ...change })} />
    </div>
  );
}
