/** A subprocessor's vendor (its publisher) review, as the register shows it (issue 12.1 keeps the reviews). */
export type VendorReviewState = 'NOT_REVIEWED' | 'CURRENT' | 'OVERDUE';

export interface VendorReview {
  state: VendorReviewState;
  /** Where the review is read, when one exists. */
  href: string | null;
  /** When the next review is due. */
  nextReviewAt: Date | null;
}

export const VENDOR_REVIEW_LABELS: Record<VendorReviewState, string> = {
  NOT_REVIEWED: 'Not reviewed',
  CURRENT: 'Reviewed',
  OVERDUE: 'Review overdue',
};
