import type { Metadata } from 'next';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { listRegistryReviews } from '@/lib/server/vendors/list-registry-reviews';
import { ZVendorReviewQuery, VENDOR_REVIEW_STATUSES } from '@/lib/validation/vendors';
import { buildHref, parseSearchParams, ZHiddenColumns } from '@/lib/validation/search-params';
import {
  VENDOR_CONCLUSION_LABELS,
  VENDOR_CONCLUSIONS,
  VENDOR_RATING_LABELS,
  VENDOR_RATINGS,
  VENDOR_REVIEW_STATUS_LABELS,
} from '@/lib/domain/vendors/review';
import { ListFilters } from '@/components/list/list-filters';
import { filterFields, SearchFilter, SelectFilter } from '@/components/list/filters';
import { Pagination } from '@/components/tables/pagination';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { formatCount } from '@/components/ui/format';
import { RiskTabs } from '@/components/risks/risk-tabs';
import { RegistryReviewsTable } from '@/components/vendors/vendor-review-tables';

export const metadata: Metadata = { title: 'Registry reviews' };

const ZPageQuery = ZVendorReviewQuery.extend({ hide: ZHiddenColumns });
type TPageQuery = ReturnType<typeof ZPageQuery.parse>;
const href = (q: Partial<TPageQuery>) => buildHref('/risks/registries', { ...q, inUse: undefined }, { page: 1, pageSize: 25 });

export default async function RegistryReviewsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('risk:read');
  const { query, issues } = parseSearchParams(ZPageQuery, await searchParams);
  const { hide = [], ...filter } = query;
  const list = await listRegistryReviews({ actor: actorOf(user), input: filter });
  const f = filterFields(filter, issues);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <div className="space-y-4">
      <PageHeader
        title="Risk register"
        description="Vendor reviews of each registry tools come from (CC9.1, CC9.2): how it verifies publishers and packages, what it signs and how much of what we synced carries a signature, the reviewer’s rating and conclusion. Every re-review is kept."
      />
      <RiskTabs current="/risks/registries" />
      <ListFilters query={query} issues={issues} typed={['q']} path="/risks/registries" label="Filter the registry reviews">
        <SearchFilter {...f('q')} label="Registry" />
        <SelectFilter
          {...f('status')}
          label="Review"
          options={VENDOR_REVIEW_STATUSES.map((s) => ({ value: s, label: VENDOR_REVIEW_STATUS_LABELS[s] }))}
        />
        <SelectFilter
          {...f('rating')}
          label="Rating"
          options={VENDOR_RATINGS.map((r) => ({ value: r, label: VENDOR_RATING_LABELS[r] }))}
        />
        <SelectFilter
          {...f('conclusion')}
          label="Conclusion"
          options={VENDOR_CONCLUSIONS.map((c) => ({ value: c, label: VENDOR_CONCLUSION_LABELS[c] }))}
        />
      </ListFilters>
      <p className="text-sm text-slate-600">
        {formatCount(list.total, 'registry', 'registries')}
        {list.notReviewed > 0 && <span>, {list.notReviewed} not reviewed</span>}
        {list.overdue > 0 && (
          <span className="font-medium text-rose-700">
            , {list.overdue} review{list.overdue === 1 ? '' : 's'} overdue
          </span>
        )}
      </p>
      {list.rows.length === 0 ? (
        <EmptyState title="No publishers match">Change the filters; an admin connects registries in Settings.</EmptyState>
      ) : (
        <RegistryReviewsTable rows={list.rows} visibility={{ hidden: hide, href: (h) => href({ ...query, hide: h }) }} />
      )}
      <Pagination label="Registry review pages" page={list.page} pageCount={pages} href={(p) => href({ ...query, page: p })} />
    </div>
  );
}
