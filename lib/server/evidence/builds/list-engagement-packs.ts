import 'server-only';
import { loadEngagementFor } from '@/lib/server/engagements/engagement-access';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZEngagementPacksInput, type TEngagementPacksInput } from '@/lib/validation/evidence-pack';
import { BUILD_VIEW_INCLUDE, toBuildView } from './evidence-pack-build-view';

/**
 * The packs built for one audit engagement (components/evidence/engagement-packs.tsx). An auditor
 * sees them only inside an audit assigned to them and open now (ADR 0010).
 */
export async function listEngagementPacks({ actor, input }: OperationCall<TEngagementPacksInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'evidence:read');
  const { engagementId } = parseInput(ZEngagementPacksInput, input);
  await loadEngagementFor(db, actor, engagementId, now);
  const builds = await db.evidencePackBuild.findMany({
    where: { engagementId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 50,
    include: BUILD_VIEW_INCLUDE,
  });
  return builds.map(toBuildView);
}
