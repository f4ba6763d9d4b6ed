import type { Metadata } from 'next';
import { listPublisherReviews } from '@/lib/server/vendors/list-publisher-reviews';
import type { RawSearchParams } from '@/lib/validation/search-params';
import { CheckboxFilter } from '@/components/list/filters';
import { ListResults } from '@/components/list/list-results';
import { loadListPage } from '@/components/list/load-list-page';
import { ReviewSummary } from '@/components/list/review-summary';
import { RiskRegisterHeader } from '@/components/risks/risk-register-header';
import { VENDOR_REVIEW_LIST, VendorReviewFilters } from '@/components/vendors/vendor-review-filters';
import { PublisherReviewsTable } from '@/components/vendors/vendor-review-tables';

export const metadata: Metadata = { title: 'Publisher reviews' };
// What the page lists and who may read it; the address adds the filters.
const LIST = { ...VENDOR_REVIEW_LIST, path: '/risks/publishers', load: listPublisherReviews } as const;

export default async function PublisherReviewsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { bar, results, filter, data, f, visibility } = await loadListPage({ ...LIST, searchParams });
  return (
    <div className="space-y-4">
      <RiskRegisterHeader current="/risks/publishers" />
      <VendorReviewFilters {...bar} label="Filter the publisher reviews" searchLabel="Publisher" f={f}>
        <CheckboxFilter name="inUse" label="Has a tool in use" checked={filter.inUse} />
      </VendorReviewFilters>
      <ListResults
        {...results}
        noun="publisher"
        summary={<ReviewSummary notReviewed={data.notReviewed} overdue={data.overdue} />}
        pagesLabel="Publisher review pages"
        empty={{ title: 'No publishers match', body: 'Change the filters; publishers arrive with a registry sync.' }}
      >
        <PublisherReviewsTable rows={data.rows} visibility={visibility} />
      </ListResults>
    </div>
  );
}
