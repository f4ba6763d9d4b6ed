import 'server-only';
import { Prisma, type ChangeRequest } from '@prisma/client';
import { AppError, conflict, notFound } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import {
  checkDecision,
  installsVersion,
  stateAfterDecision,
  STAGE_LABELS,
  STAGE_OF_STATE,
  type ReviewStage,
} from '@/lib/domain/change-requests/state-machine';
import { ZDecideChangeRequestInput, type TDecideChangeRequestInput } from '@/lib/validation/change-request';
import { unsafeReopenDataFlowMapsForVersion } from '@/lib/server/data-flows/reopen-maps-on-version-change';
import { refusalError, requirePerson } from './acting-user';

/**
 * One reviewer's decision on the request's current stage. Two reviewers deciding at once: the
 * conditional state update lets one through and the (request, stage) unique key backs it up; the
 * other gets 409 naming who decided. Approving the final stage approves exactly the pinned digest:
 * if the version's artifact changed since the request, nothing is approved.
 */
export async function decideChangeRequest(
  { actor, input }: OperationCall<TDecideChangeRequestInput>,
  ctx?: OperationContextInput,
): Promise<ChangeRequest> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'changeRequest:review');
  const person = requirePerson(actor);
  const data = parseInput(ZDecideChangeRequestInput, input);
  let stage: ReviewStage | undefined;
  try {
    return await db.$transaction(async (tx) => {
      const request = await tx.changeRequest.findUnique({
        where: { id: data.id },
        include: { approvals: { select: { stage: true, reviewerId: true } } },
      });
      if (!request) throw notFound('Change request');
      if (data.stage && STAGE_OF_STATE[request.state] !== data.stage)
        throw await alreadyDecided(
          tx,
          request.id,
          data.stage,
          `The request is no longer in ${STAGE_LABELS[data.stage].toLowerCase()}`,
        );
      const check = checkDecision({
        state: request.state,
        role: person.role,
        userId: person.id,
        requestedById: request.requestedById,
        approvals: request.approvals,
      });
      if (!check.ok) throw refusalError(check);
      stage = check.stage;
      const next = stateAfterDecision(request.state, data.decision, request.requiresSecurityReview);
      if (data.decision === 'APPROVED' && installsVersion(request.kind) && request.toolVersionId) {
        const version = await tx.toolVersion.findUnique({
          where: { id: request.toolVersionId },
          select: { artifactDigest: true },
        });
        if ((version?.artifactDigest ?? null) !== request.artifactDigest) {
          throw conflict(
            `The artifact digest changed since the request (approved for ${request.artifactDigest ?? 'none'}, now ${version?.artifactDigest ?? 'none'}). ` +
              'Only what was verified can be approved: reject this request and raise a new one for the re-published artifact.',
          );
        }
      }
      const final = next === 'APPROVED' || next === 'REJECTED';
      const moved = await tx.changeRequest.updateMany({
        where: { id: request.id, state: request.state },
        data: { state: next, decidedAt: final ? now : null },
      });
      if (moved.count !== 1)
        throw await alreadyDecided(tx, request.id, check.stage, 'The request moved on while you were deciding');
      await tx.approval.create({
        data: {
          changeRequestId: request.id,
          stage: check.stage,
          reviewerId: person.id,
          decision: data.decision,
          comment: data.comment,
          createdAt: now,
        },
      });

      if (installsVersion(request.kind) && request.agentId && request.toolVersionId && final) {
        const where = { agentId_toolVersionId: { agentId: request.agentId, toolVersionId: request.toolVersionId } };
        if (next === 'APPROVED') {
          // Only a pending installation is approved: one blocked meanwhile (incident, quarantine) stays blocked.
          const approved = await tx.installation.updateMany({
            where: { ...where.agentId_toolVersionId, state: 'REQUESTED' },
            data: { state: 'APPROVED', approvedDigest: request.artifactDigest, approvedAt: now, changeRequestId: request.id },
          });
          if (approved.count !== 1) {
            const inst = await tx.installation.findUnique({ where, select: { state: true } });
            throw conflict(
              `The agent's installation is ${inst?.state.toLowerCase() ?? 'missing'}, not awaiting approval: nothing was approved`,
            );
          }
          // The tool's data flow map may not describe the approved version (issue 12.2).
          await unsafeReopenDataFlowMapsForVersion(tx, request.toolVersionId, now);
        } else
          await tx.installation.updateMany({
            where: { ...where.agentId_toolVersionId, state: 'REQUESTED' },
            data: { state: 'REVOKED', revokedAt: now },
          });
      }
      await recordAuditEvent(tx, actor, {
        action: data.decision === 'APPROVED' ? 'changeRequest.approved' : 'changeRequest.rejected',
        entityType: 'ChangeRequest',
        entityId: request.id,
        before: { state: request.state },
        after: {
          state: next,
          stage: check.stage,
          decision: data.decision,
          comment: data.comment,
          artifactDigest: request.artifactDigest,
        },
      });
      const updated = await tx.changeRequest.findUniqueOrThrow({ where: { id: request.id } });
      return updated;
    });
  } catch (err) {
    // The unique (request, stage) key caught a concurrent decision the state check did not.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002' && stage) {
      throw await alreadyDecided(db, data.id, stage, 'Another reviewer decided this stage first');
    }
    throw err;
  }
}

async function alreadyDecided(
  db: Prisma.TransactionClient,
  requestId: string,
  stage: ReviewStage,
  fallback: string,
): Promise<AppError> {
  const approval = await db.approval.findFirst({
    where: { changeRequestId: requestId, stage },
    include: { reviewer: { select: { name: true, email: true } } },
  });
  if (!approval) return conflict(fallback);
  const who = approval.reviewer ? `${approval.reviewer.name} (${approval.reviewer.email})` : 'the system (fast-track)';
  return conflict(`${STAGE_LABELS[approval.stage]} already decided by ${who}: ${approval.decision.toLowerCase()}`);
}
