import 'server-only';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { auditorToolScope, refuseOutsideAudits } from '@/lib/server/engagements/auditor-scope';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { suggestPublisherReview } from '@/lib/domain/vendors/suggest-publisher';
import { vendorReviewStatus } from '@/lib/domain/vendors/review';
import { diffJson, type DiffLine } from '@/lib/domain/json-diff';
import { ZPublisherReviewInput, type TPublisherReviewInput } from '@/lib/validation/vendors';
import { loadPublisherFacts } from './load-vendor-facts';
import { publisherReviewSummary } from './review-summaries';

/**
 * A publisher's review page: what ToolLedger knows now (facts and the suggestion from them),
 * the current review with its status, and every earlier one, newest first, each with what
 * changed against the one before it. Null when the publisher does not exist.
 */
export async function getPublisherReview({ actor, input }: OperationCall<TPublisherReviewInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'risk:read');
  const { publisherId } = parseInput(ZPublisherReviewInput, input);
  // An auditor opens the publishers of their inventory, and sees only its tools (ADR 0010).
  const scope = await auditorToolScope(db, actor, now);
  const publisher = await db.publisher.findUnique({
    where: { id: publisherId },
    select: {
      id: true,
      name: true,
      externalId: true,
      websiteUrl: true,
      registry: { select: { id: true, name: true } },
      tools: {
        ...(scope ? { where: scope } : {}),
        select: { id: true, name: true, owner: true },
        orderBy: { name: 'asc' },
        take: 20,
      },
    },
  });
  if (!publisher) return null;
  if (scope && (await db.tool.count({ where: { AND: [{ publisherId }, scope] } })) === 0)
    await refuseOutsideAudits(db, actor, 'Publisher', publisherId);
  const [facts, rows] = await Promise.all([
    db.$transaction((tx) => loadPublisherFacts(tx, publisherId)),
    db.publisherAssessment.findMany({
      where: { publisherId },
      include: { reviewer: { select: { name: true, email: true } } },
      orderBy: [{ reviewedAt: 'desc' }, { id: 'desc' }],
    }),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const history = rows.map((r) => {
    const previous = r.previousId ? byId.get(r.previousId) : undefined;
    const changes: DiffLine[] = previous ? diffJson(publisherReviewSummary(previous), publisherReviewSummary(r)) : [];
    return { ...r, changes };
  });
  const current = rows.find((r) => !rows.some((o) => o.previousId === r.id)) ?? null;
  return {
    publisher,
    facts,
    suggestion: suggestPublisherReview(facts),
    current,
    status: vendorReviewStatus(current, now),
    history,
  };
}

export type PublisherReview = NonNullable<Awaited<ReturnType<typeof getPublisherReview>>>;
