import 'server-only';
import { Prisma, type PublisherAssessment } from '@prisma/client';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { requirePerson } from '@/lib/server/change-requests/acting-user';
import { conflict, notFound } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { suggestPublisherReview } from '@/lib/domain/vendors/suggest-publisher';
import { ZReviewPublisherInput, type TReviewPublisherInput } from '@/lib/validation/vendors';
import { loadPublisherFacts } from './load-vendor-facts';
import { publisherReviewSummary } from './review-summaries';
import {
  overridesOf,
  publisherOverdueKey,
  reviewDayAndNotes,
  STALE_REVIEW,
  unsafeResolveOverdueVendorAlert,
} from './vendor-review-checks';

/**
 * Records a (re)review of a publisher as a vendor. The identity, trust level and track record
 * are read again here (never taken from the form) and stored with the suggestion computed from
 * them; a rating or conclusion departing from the suggestion needs a reason. The new row points
 * at the current one, so the history keeps both; the unique previousId lets one of two
 * concurrent re-reviews through.
 */
export async function reviewPublisher(
  { actor, input }: OperationCall<TReviewPublisherInput>,
  ctx?: OperationContextInput,
): Promise<PublisherAssessment> {
  const { db, now } = await operationContext(ctx);
  const data = authorize(actor, 'risk:assess', ZReviewPublisherInput, input);
  const person = requirePerson(actor);
  const nextReviewAt = reviewDayAndNotes(data, now);
  try {
    return await db.$transaction(async (tx) => {
      const facts = await loadPublisherFacts(tx, data.publisherId);
      const suggestion = suggestPublisherReview(facts);
      const overrides = overridesOf(suggestion, data);
      const current = await tx.publisherAssessment.findFirst({ where: { publisherId: data.publisherId, next: { is: null } } });
      if ((current?.id ?? undefined) !== data.previousId)
        throw conflict(current ? STALE_REVIEW : 'The review you started from is not this publisher’s current one');
      const { trustLevel, identityVerifiedAt, identityWithdrawnAt: _withdrawn, ...trackRecord } = facts;
      const created = await tx.publisherAssessment.create({
        data: {
          publisherId: data.publisherId,
          identityConfirmed: data.identityConfirmed,
          identityVerifiedAt: suggestion.identity.value ? identityVerifiedAt : null,
          trustLevel,
          trackRecord: trackRecord as unknown as Prisma.InputJsonValue,
          rating: data.rating,
          conclusion: data.conclusion,
          notes: data.notes,
          owner: data.owner,
          reviewerId: person.id,
          reviewedAt: now,
          nextReviewAt,
          suggestion: suggestion as unknown as Prisma.InputJsonValue,
          overrides: overrides as unknown as Prisma.InputJsonValue,
          previousId: current?.id ?? null,
          createdAt: now,
        },
      });
      await recordAuditEvent(tx, actor, {
        action: 'publisherAssessment.recorded',
        entityType: 'PublisherAssessment',
        entityId: created.id,
        before: current ? publisherReviewSummary(current) : null,
        after: { publisherId: created.publisherId, ...publisherReviewSummary(created) },
      });
      if (current) await unsafeResolveOverdueVendorAlert(tx, actor, publisherOverdueKey(current.id), now);
      return created;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw conflict(STALE_REVIEW);
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2003') throw notFound('Publisher');
    throw err;
  }
}
