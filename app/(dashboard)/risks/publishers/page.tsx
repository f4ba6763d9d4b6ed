import type { Metadata } from 'next';
import { listPublisherReviews } from '@/lib/server/vendors/list-publisher-reviews';
import { ZVendorReviewQuery } from '@/lib/validation/vendors';
import type { RawSearchParams } from '@/lib/validation/search-params';
import { CheckboxFilter } from '@/components/list/filters';
import { ListResults } from '@/components/list/list-results';
import { loadListPage } from '@/components/list/load-list-page';
import { ReviewSummary } from '@/components/list/review-summary';
import { PageHeader } from '@/components/ui/page-header';
import { RiskTabs } from '@/components/risks/risk-tabs';
import { VendorReviewFilters } from '@/components/vendors/vendor-review-filters';
import { PublisherReviewsTable } from '@/components/vendors/vendor-review-tables';

export const metadata: Metadata = { title: 'Publisher reviews' };

export default async function PublisherReviewsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { query, filter, issues, data, f, href, visibility } = await loadListPage({
    path: '/risks/publishers',
    permission: 'risk:read',
    schema: ZVendorReviewQuery,
    searchParams,
    load: listPublisherReviews,
    toUrl: (q) => ({ ...q, inUse: q.inUse ? '1' : undefined }),
  });
  return (
    <div className="space-y-4">
      <PageHeader
        title="Risk register"
        description="Vendor reviews of each tool publisher (CC9.1, CC9.2): its verified organizational identity, trust level and track record, the reviewer’s rating and conclusion, and when it is reviewed next. Every re-review is kept."
      />
      <RiskTabs current="/risks/publishers" />
      <VendorReviewFilters
        query={query}
        issues={issues}
        path="/risks/publishers"
        label="Filter the publisher reviews"
        searchLabel="Publisher"
        f={f}
      >
        <CheckboxFilter name="inUse" label="Has a tool in use" checked={filter.inUse} />
      </VendorReviewFilters>
      <ListResults
        list={data}
        noun="publisher"
        summary={<ReviewSummary notReviewed={data.notReviewed} overdue={data.overdue} />}
        pagesLabel="Publisher review pages"
        href={href}
        empty={{ title: 'No publishers match', body: 'Change the filters; publishers arrive with a registry sync.' }}
      >
        <PublisherReviewsTable rows={data.rows} visibility={visibility} />
      </ListResults>
    </div>
  );
}
