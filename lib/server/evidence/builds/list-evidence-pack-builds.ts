import 'server-only';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZListEvidencePackBuildsInput, type TListEvidencePackBuildsInput } from '@/lib/validation/evidence-pack';
import { BUILD_VIEW_INCLUDE, toBuildView } from './evidence-pack-build-view';

/** The newest builds with their live progress: the /evidence list and its polling endpoint. */
export async function listEvidencePackBuilds(
  { actor, input }: OperationCall<TListEvidencePackBuildsInput>,
  ctx?: OperationContextInput,
) {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'evidence:read');
  const { take } = parseInput(ZListEvidencePackBuildsInput, input);
  const builds = await db.evidencePackBuild.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
    include: BUILD_VIEW_INCLUDE,
  });
  return builds.map(toBuildView);
}
