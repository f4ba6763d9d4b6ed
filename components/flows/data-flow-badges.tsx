import { Badge, type BadgeTone } from '@/components/ui/badge';
import { DATA_CLASS_LABELS, isDataClass, type DataClass } from '@/lib/domain/data-flows/types';
import { VENDOR_REVIEW_LABELS, type VendorReview } from '@/lib/domain/data-flows/vendor-review';

/** `review`: ToolLedger reopened the map because a version raised what it was written for. */
export function DataFlowStatusBadge({ status, review = false }: { status: 'DERIVED' | 'CONFIRMED'; review?: boolean }) {
  if (status === 'DERIVED' && review)
    return (
      <Badge
        tone="red"
        title="A newer version raised permissions or hosts: ToolLedger redrafted the map; a person confirms it again"
      >
        Needs review
      </Badge>
    );
  return status === 'CONFIRMED' ? (
    <Badge tone="green">Confirmed</Badge>
  ) : (
    <Badge tone="yellow" title="Drafted by ToolLedger from what it knows; a person has not confirmed it yet">
      Derived
    </Badge>
  );
}

const CLASS_TONE: Record<DataClass, BadgeTone> = {
  PUBLIC: 'gray',
  INTERNAL: 'blue',
  CONFIDENTIAL: 'indigo',
  PERSONAL: 'yellow',
  RESTRICTED: 'red',
};

export function DataClassBadge({ value }: { value: string }) {
  if (!isDataClass(value)) return <Badge>{value}</Badge>;
  return <Badge tone={CLASS_TONE[value]}>{DATA_CLASS_LABELS[value]}</Badge>;
}

export function DataClassList({ values }: { values: readonly string[] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {values.map((v) => (
        <DataClassBadge key={v} value={v} />
      ))}
    </span>
  );
}

export function VendorReviewBadge({ review }: { review: VendorReview }) {
  const tone: BadgeTone = review.state === 'CURRENT' ? 'green' : review.state === 'OVERDUE' ? 'red' : 'gray';
  const badge = <Badge tone={tone}>{VENDOR_REVIEW_LABELS[review.state]}</Badge>;
  return review.href ? <a href={review.href}>{badge}</a> : badge;
}
