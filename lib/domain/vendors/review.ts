/**
 * Vendor reviews (issue 12.1): the rating a reviewer gives a publisher or a registry, what they
 * conclude, and when they look again. Ratings use the same four bands as a tool's risk so a
 * reader compares like with like.
 */
export const VENDOR_RATINGS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type VendorRating = (typeof VENDOR_RATINGS)[number];
export const VENDOR_RATING_LABELS: Record<VendorRating, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  CRITICAL: 'Critical',
};

export const VENDOR_CONCLUSIONS = ['APPROVED', 'APPROVED_WITH_CONDITIONS', 'NOT_APPROVED'] as const;
export type VendorConclusion = (typeof VENDOR_CONCLUSIONS)[number];
export const VENDOR_CONCLUSION_LABELS: Record<VendorConclusion, string> = {
  APPROVED: 'Approved',
  APPROVED_WITH_CONDITIONS: 'Approved with conditions',
  NOT_APPROVED: 'Not approved',
};

/** The conclusion a rating suggests: the worse the vendor, the more the reviewer must say why to keep it. */
export const RATING_CONCLUSION: Record<VendorRating, VendorConclusion> = {
  LOW: 'APPROVED',
  MEDIUM: 'APPROVED',
  HIGH: 'APPROVED_WITH_CONDITIONS',
  CRITICAL: 'NOT_APPROVED',
};

/** Days to the next review by rating; a reviewer may choose an earlier day, never beyond a year. */
export const VENDOR_REVIEW_INTERVAL_DAYS: Record<VendorRating, number> = { LOW: 365, MEDIUM: 180, HIGH: 90, CRITICAL: 30 };
export const MAX_VENDOR_REVIEW_DAYS = 365;
const DAY_MS = 86_400_000;

/** Ratings as steps, so facts can raise a rating one band at a time (capped at critical). */
export function ratingAt(step: number): VendorRating {
  return VENDOR_RATINGS[Math.max(0, Math.min(VENDOR_RATINGS.length - 1, step))]!;
}
export function ratingStep(rating: VendorRating): number {
  return VENDOR_RATINGS.indexOf(rating);
}

export function defaultVendorNextReview(reviewedAt: Date, rating: VendorRating): Date {
  return new Date(reviewedAt.getTime() + VENDOR_REVIEW_INTERVAL_DAYS[rating] * DAY_MS);
}

/** Where a vendor's review stands today: never reviewed, current, or past its review day. */
export type VendorReviewStatus = 'NOT_REVIEWED' | 'CURRENT' | 'OVERDUE';
export const VENDOR_REVIEW_STATUS_LABELS: Record<VendorReviewStatus, string> = {
  NOT_REVIEWED: 'Not reviewed',
  CURRENT: 'Reviewed',
  OVERDUE: 'Review overdue',
};

export function vendorReviewStatus(current: { nextReviewAt: Date } | null, now: Date): VendorReviewStatus {
  if (!current) return 'NOT_REVIEWED';
  return current.nextReviewAt.getTime() < now.getTime() ? 'OVERDUE' : 'CURRENT';
}

/** The review day must lie after today and within a year; the message names the limit. */
export function nextReviewProblem(nextReviewAt: Date, now: Date): string | null {
  if (nextReviewAt.getTime() <= now.getTime()) return 'The next review must be after today';
  const max = now.getTime() + MAX_VENDOR_REVIEW_DAYS * DAY_MS;
  if (nextReviewAt.getTime() > max) return `Review at least once a year (by ${new Date(max).toISOString().slice(0, 10)})`;
  return null;
}

export interface Suggested<T> {
  value: T;
  /** Why, one line per fact that moved it, in the order applied. */
  reasons: string[];
}

/** What every vendor suggestion carries: a rating and a conclusion, each with its reasons. */
export interface VendorSuggestion {
  rating: Suggested<VendorRating>;
  conclusion: Suggested<VendorConclusion>;
}

export const VENDOR_SUGGESTED_FIELDS = ['rating', 'conclusion'] as const;
export type VendorSuggestedField = (typeof VENDOR_SUGGESTED_FIELDS)[number];

export interface VendorOverride {
  field: VendorSuggestedField;
  suggested: string;
  chosen: string;
  reason: string;
}

export type VendorOverrideCheck =
  | { ok: true; overrides: VendorOverride[] }
  | { ok: false; problems: { path: `${VendorSuggestedField}Reason`; message: string }[] };

/**
 * The reviewer confirms the suggested rating and conclusion or overrides them; an override
 * without a reason is refused naming the field and the value it departs from (as for tool risks).
 */
export function checkVendorOverrides(
  suggestion: VendorSuggestion,
  chosen: { rating: VendorRating; conclusion: VendorConclusion },
  reasons: Partial<Record<VendorSuggestedField, string | undefined>>,
): VendorOverrideCheck {
  const overrides: VendorOverride[] = [];
  const problems: { path: `${VendorSuggestedField}Reason`; message: string }[] = [];
  const label = (field: VendorSuggestedField, v: string) =>
    field === 'rating' ? VENDOR_RATING_LABELS[v as VendorRating] : VENDOR_CONCLUSION_LABELS[v as VendorConclusion];
  for (const field of VENDOR_SUGGESTED_FIELDS) {
    const suggested = suggestion[field].value;
    if (chosen[field] === suggested) continue;
    const reason = reasons[field]?.trim() ?? '';
    if (!reason)
      problems.push({
        path: `${field}Reason`,
        message: `Say why you override the suggested ${field} (${label(field, suggested)}) with ${label(field, chosen[field])}`,
      });
    else overrides.push({ field, suggested, chosen: chosen[field], reason });
  }
  return problems.length ? { ok: false, problems } : { ok: true, overrides };
}

/** A conclusion other than a plain approval needs its conditions or grounds in words. */
export function conclusionNeedsNotes(conclusion: VendorConclusion, notes: string): boolean {
  return conclusion !== 'APPROVED' && notes.trim() === '';
}
