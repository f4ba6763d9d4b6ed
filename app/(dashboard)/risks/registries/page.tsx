import type { Metadata } from 'next';
import { listRegistryReviews } from '@/lib/server/vendors/list-registry-reviews';
import { ZVendorReviewQuery } from '@/lib/validation/vendors';
import type { RawSearchParams } from '@/lib/validation/search-params';
import { ListResults } from '@/components/list/list-results';
import { loadListPage } from '@/components/list/load-list-page';
import { ReviewSummary } from '@/components/list/review-summary';
import { PageHeader } from '@/components/ui/page-header';
import { RiskTabs } from '@/components/risks/risk-tabs';
import { VendorReviewFilters } from '@/components/vendors/vendor-review-filters';
import { RegistryReviewsTable } from '@/components/vendors/vendor-review-tables';

export const metadata: Metadata = { title: 'Registry reviews' };

export default async function RegistryReviewsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { query, issues, data, f, href, visibility } = await loadListPage({
    path: '/risks/registries',
    permission: 'risk:read',
    schema: ZVendorReviewQuery,
    searchParams,
    load: listRegistryReviews,
    toUrl: (q) => ({ ...q, inUse: undefined }),
  });
  return (
    <div className="space-y-4">
      <PageHeader
        title="Risk register"
        description="Vendor reviews of each registry tools come from (CC9.1, CC9.2): how it verifies publishers and packages, what it signs and how much of what we synced carries a signature, the reviewer’s rating and conclusion. Every re-review is kept."
      />
      <RiskTabs current="/risks/registries" />
      <VendorReviewFilters
        query={query}
        issues={issues}
        path="/risks/registries"
        label="Filter the registry reviews"
        searchLabel="Registry"
        f={f}
      />
      <ListResults
        list={data}
        noun="registry"
        plural="registries"
        summary={<ReviewSummary notReviewed={data.notReviewed} overdue={data.overdue} />}
        pagesLabel="Registry review pages"
        href={href}
        empty={{ title: 'No publishers match', body: 'Change the filters; an admin connects registries in Settings.' }}
      >
        <RegistryReviewsTable rows={data.rows} visibility={visibility} />
      </ListResults>
    </div>
  );
}
