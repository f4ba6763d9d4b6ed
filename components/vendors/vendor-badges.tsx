import { Badge, type BadgeTone } from '@/components/ui/badge';
import {
  VENDOR_CONCLUSION_LABELS,
  VENDOR_RATING_LABELS,
  VENDOR_REVIEW_STATUS_LABELS,
  type VendorConclusion,
  type VendorRating,
  type VendorReviewStatus,
} from '@/lib/domain/vendors/review';

const RATING_TONES: Record<VendorRating, BadgeTone> = { LOW: 'green', MEDIUM: 'yellow', HIGH: 'red', CRITICAL: 'red' };
const CONCLUSION_TONES: Record<VendorConclusion, BadgeTone> = {
  APPROVED: 'green',
  APPROVED_WITH_CONDITIONS: 'yellow',
  NOT_APPROVED: 'red',
};
const STATUS_TONES: Record<VendorReviewStatus, BadgeTone> = { NOT_REVIEWED: 'gray', CURRENT: 'green', OVERDUE: 'red' };

export function VendorRatingBadge({ rating }: { rating: VendorRating }) {
  return (
    <Badge tone={RATING_TONES[rating]} className={rating === 'CRITICAL' ? 'font-semibold' : undefined}>
      {VENDOR_RATING_LABELS[rating]}
    </Badge>
  );
}

export function VendorConclusionBadge({ conclusion }: { conclusion: VendorConclusion }) {
  return <Badge tone={CONCLUSION_TONES[conclusion]}>{VENDOR_CONCLUSION_LABELS[conclusion]}</Badge>;
}

export function VendorReviewStatusBadge({ status }: { status: VendorReviewStatus }) {
  return (
    <span data-review-status={status}>
      <Badge tone={STATUS_TONES[status]}>{VENDOR_REVIEW_STATUS_LABELS[status]}</Badge>
    </span>
  );
}
