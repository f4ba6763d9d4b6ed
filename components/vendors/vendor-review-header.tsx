import Link from 'next/link';
import type { VendorConclusion, VendorRating, VendorReviewStatus } from '@/lib/domain/vendors/review';
import { PageHeader } from '@/components/ui/page-header';
import { formatDate } from '@/components/ui/format';
import { VendorConclusionBadge, VendorRatingBadge, VendorReviewStatusBadge } from '@/components/vendors/vendor-badges';

/** The top of a vendor review page: the way back to its register, the vendor, and where its review stands. */
export function VendorReviewHeader({
  back,
  name,
  description,
  status,
  current,
}: {
  back: { href: string; label: string };
  name: string;
  description: string;
  status: VendorReviewStatus;
  current: { rating: VendorRating; conclusion: VendorConclusion; nextReviewAt: Date } | null | undefined;
}) {
  return (
    <>
      <p className="text-sm">
        <Link href={back.href} className="text-indigo-700 hover:underline">
          ← {back.label}
        </Link>
      </p>
      <PageHeader
        title={`Vendor review of ${name}`}
        description={description}
        actions={
          <div className="flex items-center gap-2 text-sm" data-testid="current-review">
            <VendorReviewStatusBadge status={status} />
            {current && (
              <>
                <VendorRatingBadge rating={current.rating} /> <VendorConclusionBadge conclusion={current.conclusion} /> · review
                by {formatDate(current.nextReviewAt)}
              </>
            )}
          </div>
        }
      />
    </>
  );
}
