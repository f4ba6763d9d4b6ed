import type { Metadata } from 'next';
import { listRegistryReviews } from '@/lib/server/vendors/list-registry-reviews';
import type { RawSearchParams } from '@/lib/validation/search-params';
import { ListResults } from '@/components/list/list-results';
import { loadListPage } from '@/components/list/load-list-page';
import { ReviewSummary } from '@/components/list/review-summary';
import { RiskRegisterHeader } from '@/components/risks/risk-register-header';
import { VENDOR_REVIEW_LIST, VendorReviewFilters } from '@/components/vendors/vendor-review-filters';
import { RegistryReviewsTable } from '@/components/vendors/vendor-review-tables';

export const metadata: Metadata = { title: 'Registry reviews' };

export default async function RegistryReviewsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { bar, results, data, f, visibility } = await loadListPage({
    ...VENDOR_REVIEW_LIST,
    path: '/risks/registries',
    load: listRegistryReviews,
    searchParams,
    // This view has no "in use" checkbox: links never carry it.
    toUrl: (q) => ({ ...q, inUse: undefined }),
  });
  return (
    <div className="space-y-4">
      <RiskRegisterHeader current="/risks/registries" />
      <VendorReviewFilters {...bar} label="Filter the registry reviews" searchLabel="Registry" f={f} />
      <ListResults
        {...results}
        noun="registry"
        plural="registries"
        summary={<ReviewSummary notReviewed={data.notReviewed} overdue={data.overdue} />}
        pagesLabel="Registry review pages"
        empty={{ title: 'No registries match', body: 'Change the filters; an admin connects registries in Settings.' }}
      >
        <RegistryReviewsTable rows={data.rows} visibility={visibility} />
      </ListResults>
    </div>
  );
}
