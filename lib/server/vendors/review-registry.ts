import 'server-only';
import { Prisma, type RegistryAssessment } from '@prisma/client';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { requirePerson } from '@/lib/server/change-requests/acting-user';
import { conflict, notFound } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { suggestRegistryReview } from '@/lib/domain/vendors/suggest-registry';
import { ZReviewRegistryInput, type TReviewRegistryInput } from '@/lib/validation/vendors';
import { loadRegistryFacts } from './load-vendor-facts';
import { registryReviewSummary } from './review-summaries';
import {
  overridesOf,
  registryOverdueKey,
  reviewDayAndNotes,
  STALE_REVIEW,
  unsafeResolveOverdueVendorAlert,
} from './vendor-review-checks';

/**
 * Records a (re)review of a registry as a vendor: how it verifies and what it signs in the
 * reviewer's words (pre-filled from the registry's profile), the coverage figures read again
 * here and stored with the suggestion; a rating or conclusion departing from the suggestion
 * needs a reason. History and concurrency as for publisher reviews.
 */
export async function reviewRegistry(
  { actor, input }: OperationCall<TReviewRegistryInput>,
  ctx?: OperationContextInput,
): Promise<RegistryAssessment> {
  const { db, now } = await operationContext(ctx);
  const data = authorize(actor, 'risk:assess', ZReviewRegistryInput, input);
  const person = requirePerson(actor);
  const nextReviewAt = reviewDayAndNotes(data, now);
  try {
    return await db.$transaction(async (tx) => {
      const facts = await loadRegistryFacts(tx, data.registryId);
      const suggestion = suggestRegistryReview(facts);
      const overrides = overridesOf(suggestion, data);
      const current = await tx.registryAssessment.findFirst({ where: { registryId: data.registryId, next: { is: null } } });
      if ((current?.id ?? undefined) !== data.previousId)
        throw conflict(current ? STALE_REVIEW : 'The review you started from is not this registry’s current one');
      const { kind: _kind, ...coverage } = facts;
      const created = await tx.registryAssessment.create({
        data: {
          registryId: data.registryId,
          verification: data.verification,
          signing: data.signing,
          coverage: coverage as unknown as Prisma.InputJsonValue,
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
        action: 'registryAssessment.recorded',
        entityType: 'RegistryAssessment',
        entityId: created.id,
        before: current ? registryReviewSummary(current) : null,
        after: { registryId: created.registryId, ...registryReviewSummary(created) },
      });
      if (current) await unsafeResolveOverdueVendorAlert(tx, actor, registryOverdueKey(current.id), now);
      return created;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw conflict(STALE_REVIEW);
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2003') throw notFound('Registry');
    throw err;
  }
}
