import 'server-only';
import type { Prisma } from '@prisma/client';
import type { VendorReview } from '@/lib/domain/data-flows/vendor-review';

/**
 * The hook for the publisher (vendor) review of issue 12.1: the subprocessor register shows each
 * subprocessor's vendor review status from here. Until publisher assessments are kept, every
 * publisher reads "not reviewed"; the change that adds them answers from their table here (one
 * query for all the publishers on the page) and the register, the pack and the tests follow.
 */
export async function publisherReviewStatus(
  _tx: Prisma.TransactionClient,
  publisherIds: readonly string[],
  _now: Date,
): Promise<Map<string, VendorReview>> {
  return new Map(publisherIds.map((id) => [id, { state: 'NOT_REVIEWED', href: null, nextReviewAt: null }]));
}
