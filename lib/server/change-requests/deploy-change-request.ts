import 'server-only';
import type { ChangeRequest } from '@prisma/client';
import { conflict, notFound } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { checkDeploy } from '@/lib/domain/change-requests/state-machine';
import { ZChangeRequestIdInput, type TChangeRequestIdInput } from '@/lib/validation/change-request';
import { unsafeReopenDataFlowMapsForVersion } from '@/lib/server/data-flows/reopen-maps-on-version-change';
import { refusalError, requirePerson } from './acting-user';
import { assertPolicyCoversDeploy } from './assert-policy-covers-deploy';

/**
 * Rolls an approved change out: the installation becomes ACTIVE (the enforcement API allows it
 * from now on), the version it replaces is revoked; a removal revokes the installation. The
 * requester never deploys their own request (checkDeploy): a second person always takes part.
 */
export async function deployChangeRequest(
  { actor, input }: OperationCall<TChangeRequestIdInput>,
  ctx?: OperationContextInput,
): Promise<ChangeRequest> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'changeRequest:deploy');
  const person = requirePerson(actor);
  const { id } = parseInput(ZChangeRequestIdInput, input);
  return db.$transaction(async (tx) => {
    const request = await tx.changeRequest.findUnique({ where: { id } });
    if (!request) throw notFound('Change request');
    const check = checkDeploy({ state: request.state, userId: person.id, requestedById: request.requestedById });
    if (!check.ok) throw refusalError(check);
    if (request.kind !== 'REMOVAL') await assertPolicyCoversDeploy(tx, request, now);
    const moved = await tx.changeRequest.updateMany({
      where: { id, state: 'APPROVED' },
      data: { state: 'DEPLOYED', deployedAt: now },
    });
    if (moved.count !== 1) throw conflict('The request was deployed or changed meanwhile');
    if (request.agentId && request.toolVersionId) {
      const where = { agentId_toolVersionId: { agentId: request.agentId, toolVersionId: request.toolVersionId } };
      if (request.kind === 'REMOVAL') {
        await tx.installation.update({ where, data: { state: 'REVOKED', revokedAt: now } });
      } else {
        // Activate only what was approved, for the digest the request pinned; a blocked installation stays blocked.
        const inst = await tx.installation.findUnique({ where, select: { state: true, approvedDigest: true } });
        if (!inst || inst.state !== 'APPROVED' || inst.approvedDigest !== request.artifactDigest) {
          throw conflict(
            `The agent's installation is ${inst?.state.toLowerCase() ?? 'missing'}${inst && inst.approvedDigest !== request.artifactDigest ? ' for another digest' : ''}: it cannot be activated by this request`,
          );
        }
        await tx.installation.update({ where, data: { state: 'ACTIVE', activatedAt: now, changeRequestId: id } });
        // Usually settled at approval; a map confirmed since for an older version is checked again.
        await unsafeReopenDataFlowMapsForVersion(tx, request.toolVersionId, now);
        if (request.fromVersionId) {
          await tx.installation.updateMany({
            where: { agentId: request.agentId, toolVersionId: request.fromVersionId, state: { in: ['APPROVED', 'ACTIVE'] } },
            data: { state: 'REVOKED', revokedAt: now },
          });
        }
      }
    }
    await recordAuditEvent(tx, actor, {
      action: 'changeRequest.deployed',
      entityType: 'ChangeRequest',
      entityId: id,
      before: { state: 'APPROVED' },
      after: {
        state: 'DEPLOYED',
        kind: request.kind,
        artifactDigest: request.artifactDigest,
        replacedVersionId: request.fromVersionId,
      },
    });
    return tx.changeRequest.findUniqueOrThrow({ where: { id } });
  });
}
