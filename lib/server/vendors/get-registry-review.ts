import 'server-only';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { auditorToolScope, refuseOutsideAudits } from '@/lib/server/engagements/auditor-scope';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { suggestRegistryReview } from '@/lib/domain/vendors/suggest-registry';
import { vendorReviewStatus } from '@/lib/domain/vendors/review';
import { diffJson, type DiffLine } from '@/lib/domain/json-diff';
import { ZRegistryReviewInput, type TRegistryReviewInput } from '@/lib/validation/vendors';
import { loadRegistryFacts } from './load-vendor-facts';
import { registryReviewSummary } from './review-summaries';

/** A registry's review page: facts, suggestion, current review and history (as for publishers). */
export async function getRegistryReview({ actor, input }: OperationCall<TRegistryReviewInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'risk:read');
  const { registryId } = parseInput(ZRegistryReviewInput, input);
  const registry = await db.registry.findUnique({
    where: { id: registryId },
    select: { id: true, name: true, kind: true, baseUrl: true, enabled: true },
  });
  if (!registry) return null;
  // An auditor opens the registries their inventory's tools come from (ADR 0010).
  const scope = await auditorToolScope(db, actor, now);
  if (scope && (await db.tool.count({ where: { AND: [{ registryId }, scope] } })) === 0)
    await refuseOutsideAudits(db, actor, 'Registry', registryId);
  const [facts, rows] = await Promise.all([
    db.$transaction((tx) => loadRegistryFacts(tx, registryId)),
    db.registryAssessment.findMany({
      where: { registryId },
      include: { reviewer: { select: { name: true, email: true } } },
      orderBy: [{ reviewedAt: 'desc' }, { id: 'desc' }],
    }),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const history = rows.map((r) => {
    const previous = r.previousId ? byId.get(r.previousId) : undefined;
    const changes: DiffLine[] = previous ? diffJson(registryReviewSummary(previous), registryReviewSummary(r)) : [];
    return { ...r, changes };
  });
  const current = rows.find((r) => !rows.some((o) => o.previousId === r.id)) ?? null;
  return {
    registry,
    facts,
    suggestion: suggestRegistryReview(facts),
    current,
    status: vendorReviewStatus(current, now),
    history,
  };
}

export type RegistryReview = NonNullable<Awaited<ReturnType<typeof getRegistryReview>>>;
