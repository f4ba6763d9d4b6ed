import 'server-only';
import { operationContext, type OperationContextInput } from '@/lib/server/operation';
import {
  vendorReviewStatus,
  type VendorConclusion,
  type VendorRating,
  type VendorReviewStatus,
} from '@/lib/domain/vendors/review';

export interface PublisherReviewStatus {
  status: VendorReviewStatus;
  /** The current review, when there is one. */
  assessmentId: string | null;
  rating: VendorRating | null;
  conclusion: VendorConclusion | null;
  reviewedAt: Date | null;
  nextReviewAt: Date | null;
}

/**
 * Each publisher's vendor-review status, for other registers that name the publisher as a vendor
 * (the subprocessor register, CC9.2). A small read for use inside an operation that has already
 * checked its own actor (risk:read or the caller's read permission): it takes ids, not a person,
 * and returns NOT_REVIEWED for an id it does not know.
 */
export async function getPublisherReviewStatus(
  publisherIds: readonly string[],
  ctx?: OperationContextInput,
): Promise<Map<string, PublisherReviewStatus>> {
  const { db, now } = await operationContext(ctx);
  const ids = [...new Set(publisherIds)];
  const rows = ids.length
    ? await db.publisherAssessment.findMany({
        where: { publisherId: { in: ids }, next: { is: null } },
        select: { id: true, publisherId: true, rating: true, conclusion: true, reviewedAt: true, nextReviewAt: true },
      })
    : [];
  const byPublisher = new Map(rows.map((r) => [r.publisherId, r]));
  return new Map(
    ids.map((id) => {
      const r = byPublisher.get(id) ?? null;
      return [
        id,
        {
          status: vendorReviewStatus(r, now),
          assessmentId: r?.id ?? null,
          rating: r?.rating ?? null,
          conclusion: r?.conclusion ?? null,
          reviewedAt: r?.reviewedAt ?? null,
          nextReviewAt: r?.nextReviewAt ?? null,
        },
      ];
    }),
  );
}
