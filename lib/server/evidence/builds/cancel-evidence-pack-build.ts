import 'server-only';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { conflict, notFound } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZEvidencePackBuildIdInput, type TEvidencePackBuildIdInput } from '@/lib/validation/evidence-pack';
import { BUILD_VIEW_INCLUDE, toBuildView } from './evidence-pack-build-view';

/**
 * Cancels a build: a queued one at once; a running one is asked to stop and its runner stops at
 * the next section or page, leaving no archive (the build then reads CANCELLED). A finished
 * build is a conflict: its pack exists and stays.
 */
export async function cancelEvidencePackBuild(
  { actor, input }: OperationCall<TEvidencePackBuildIdInput>,
  ctx?: OperationContextInput,
) {
  const { db, now } = await operationContext(ctx);
  const { buildId } = authorize(actor, 'evidence:build', ZEvidencePackBuildIdInput, input);
  return db.$transaction(async (tx) => {
    const build = await tx.evidencePackBuild.findUnique({ where: { id: buildId } });
    if (!build) throw notFound('Evidence pack build');
    if (build.state !== 'QUEUED' && build.state !== 'RUNNING')
      throw conflict(`The build has already ${build.state.toLowerCase()}`);
    // Conditional on the state read above: a runner finishing meanwhile wins, and this refuses.
    const changed = await tx.evidencePackBuild.updateMany({
      where: { id: buildId, state: build.state },
      data:
        build.state === 'QUEUED'
          ? { state: 'CANCELLED', cancelRequestedAt: now, finishedAt: now, currentStep: null }
          : { cancelRequestedAt: build.cancelRequestedAt ?? now },
    });
    if (changed.count === 0) throw conflict('The build changed meanwhile; reload and try again');
    await recordAuditEvent(tx, actor, {
      action: 'evidencePack.cancelled',
      entityType: 'EvidencePack',
      entityId: buildId,
      before: { state: build.state },
      after: { state: build.state === 'QUEUED' ? 'CANCELLED' : 'RUNNING (stopping)' },
    });
    return toBuildView(await tx.evidencePackBuild.findUniqueOrThrow({ where: { id: buildId }, include: BUILD_VIEW_INCLUDE }));
  });
}
