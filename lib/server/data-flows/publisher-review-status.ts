import 'server-only';
import type { Prisma, PrismaClient } from '@prisma/client';
import type { VendorReview } from '@/lib/domain/data-flows/vendor-review';
import { getPublisherReviewStatus } from '@/lib/server/vendors/get-publisher-review-status';

/**
 * The publisher (vendor) review of issue 12.1 as the subprocessor register, the tool's data flow
 * and the pack show it: one read for all the publishers on the page, from the publisher
 * assessments (lib/server/vendors), with the link to the review.
 */
export async function publisherReviewStatus(
  tx: Prisma.TransactionClient,
  publisherIds: readonly string[],
  now: Date,
): Promise<Map<string, VendorReview>> {
  const statuses = await getPublisherReviewStatus(publisherIds, { db: tx as unknown as PrismaClient, now });
  return new Map(
    [...statuses].map(([id, s]) => [
      id,
      {
        state: s.status,
        href: s.assessmentId ? `/risks/publishers/${encodeURIComponent(id)}` : null,
        nextReviewAt: s.nextReviewAt,
      },
    ]),
  );
}
