import type { PublisherAssessment, RegistryAssessment } from '@prisma/client';

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** What a reader compares between two publisher reviews (history diff, audit before/after). */
export function publisherReviewSummary(a: PublisherAssessment) {
  return {
    identityConfirmed: a.identityConfirmed,
    identityVerifiedOn: day(a.identityVerifiedAt),
    trustLevel: a.trustLevel,
    trackRecord: a.trackRecord,
    rating: a.rating,
    conclusion: a.conclusion,
    notes: a.notes,
    owner: a.owner,
    nextReviewOn: day(a.nextReviewAt),
    overrides: a.overrides,
  };
}

/** What a reader compares between two registry reviews. */
export function registryReviewSummary(a: RegistryAssessment) {
  return {
    verification: a.verification,
    signing: a.signing,
    coverage: a.coverage,
    rating: a.rating,
    conclusion: a.conclusion,
    notes: a.notes,
    owner: a.owner,
    nextReviewOn: day(a.nextReviewAt),
    overrides: a.overrides,
  };
}
