import type { Metadata } from 'next';
import { actorOf, requirePageUser } from '@/lib/server/session';
import { listPublisherReviews } from '@/lib/server/vendors/list-publisher-reviews';
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
import { CheckboxFilter, filterFields, SearchFilter, SelectFilter } from '@/components/list/filters';
import { Pagination } from '@/components/tables/pagination';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { formatCount } from '@/components/ui/format';
import { RiskTabs } from '@/components/risks/risk-tabs';
import { PublisherReviewsTable } from '@/components/vendors/vendor-review-tables';

export const metadata: Metadata = { title: 'Publisher reviews' };

const ZPageQuery = ZVendorReviewQuery.extend({ hide: ZHiddenColumns });
type TPageQuery = ReturnType<typeof ZPageQuery.parse>;
const href = (q: Partial<TPageQuery>) =>
  buildHref('/risks/publishers', { ...q, inUse: q.inUse ? '1' : undefined }, { page: 1, pageSize: 25 });

export default async function PublisherReviewsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('risk:read');
  const { query, issues } = parseSearchParams(ZPageQuery, await searchParams);
  const { hide = [], ...filter } = query;
  const list = await listPublisherReviews({ actor: actorOf(user), input: filter });
  const f = filterFields(filter, issues);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <div className="space-y-4">
      <PageHeader
        title="Risk register"
        description="Vendor reviews of each tool publisher (CC9.1, CC9.2): its verified organizational identity, trust level and track record, the reviewer’s rating and conclusion, and when it is reviewed next. Every re-review is kept."
      />
      <RiskTabs current="/risks/publishers" />
      <ListFilters query={query} issues={issues} typed={['q']} path="/risks/publishers" label="Filter the publisher reviews">
        <SearchFilter {...f('q')} label="Publisher" />
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
        <CheckboxFilter name="inUse" label="Has a tool in use" checked={filter.inUse} />
      </ListFilters>
      <p className="text-sm text-slate-600">
        {formatCount(list.total, 'publisher')}
        {list.notReviewed > 0 && <span>, {list.notReviewed} not reviewed</span>}
        {list.overdue > 0 && (
          <span className="font-medium text-rose-700">
            , {list.overdue} review{list.overdue === 1 ? '' : 's'} overdue
          </span>
        )}
      </p>
      {list.rows.length === 0 ? (
        <EmptyState title="No publishers match">Change the filters; publishers arrive with a registry sync.</EmptyState>
      ) : (
        <PublisherReviewsTable rows={list.rows} visibility={{ hidden: hide, href: (h) => href({ ...query, hide: h }) }} />
      )}
      <Pagination label="Publisher review pages" page={list.page} pageCount={pages} href={(p) => href({ ...query, page: p })} />
    </div>
  );
}
