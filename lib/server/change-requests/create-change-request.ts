import 'server-only';
import type { ChangeRequest, Prisma } from '@prisma/client';
import { conflict } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { dueAtFor, installsVersion, OPEN_STATES } from '@/lib/domain/change-requests/state-machine';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import { ZCreateChangeRequestInput, type TCreateChangeRequestInput } from '@/lib/validation/change-request';
import { buildSnapshot } from './build-snapshot';
import { requirePerson } from './acting-user';
import { resolveTarget } from './resolve-target';
import { unsafeReopenDataFlowMapsForVersion } from '@/lib/server/data-flows/reopen-maps-on-version-change';

/**
 * Raises a change request: the policy evaluation is snapshotted, the artifact digest pinned from
 * the version as it is now, and the agent's installation put in REQUESTED. A request that needs
 * no human (fast-track) is approved at once, recorded as an automatic approval with its reason.
 */
export async function createChangeRequest(
  { actor, input }: OperationCall<TCreateChangeRequestInput>,
  ctx?: OperationContextInput,
): Promise<ChangeRequest> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'changeRequest:create');
  const person = requirePerson(actor);
  const data = parseInput(ZCreateChangeRequestInput, input);
  return db.$transaction(async (tx) => {
    const target = await resolveTarget(tx, data);
    const open = await tx.changeRequest.findFirst({
      where: { agentId: target.agent.id, toolVersionId: target.version.id, kind: data.kind, state: { in: [...OPEN_STATES] } },
      select: { id: true },
    });
    if (open) throw conflict(`An open change request (${open.id}) already covers ${target.label} for ${target.agent.name}`);

    const { snapshot, requiresSecurityReview } = await buildSnapshot(tx, {
      kind: data.kind,
      environment: data.environment,
      versionId: target.version.id,
      requestedById: person.id,
      now,
    });
    const fastTrack = snapshot.fastTrack.eligible;
    const request = await tx.changeRequest.create({
      data: {
        kind: data.kind,
        state: fastTrack ? 'APPROVED' : 'COMPLIANCE_REVIEW',
        source: fastTrack ? 'FAST_TRACK' : 'USER',
        toolId: target.version.toolId,
        requestedToolName: target.toolName,
        requestedVersion: target.version.version,
        toolVersionId: target.version.id,
        fromVersionId: target.fromVersionId,
        agentId: target.agent.id,
        environment: data.environment,
        artifactDigest: target.version.artifactDigest,
        justification: data.justification,
        evaluationSnapshot: snapshot as unknown as Prisma.InputJsonValue,
        requiresSecurityReview,
        requestedById: person.id,
        dueAt: dueAtFor(data.kind, data.environment, now),
        decidedAt: fastTrack ? now : null,
        createdAt: now,
      },
    });
    if (fastTrack) {
      await tx.approval.create({
        data: {
          changeRequestId: request.id,
          stage: 'COMPLIANCE',
          reviewerId: null,
          automatic: true,
          decision: 'APPROVED',
          comment: `Fast-track: ${snapshot.fastTrack.reason}`,
          createdAt: now,
        },
      });
    }
    if (installsVersion(data.kind)) {
      const state = fastTrack ? 'APPROVED' : 'REQUESTED';
      const fields = {
        state,
        approvedDigest: fastTrack ? target.version.artifactDigest : null,
        approvedAt: fastTrack ? now : null,
        revokedAt: null,
      } as const;
      // A fast-tracked installation is approved by this request: it links to it at once.
      const link = fastTrack ? { changeRequestId: request.id } : {};
      await tx.installation.upsert({
        where: { agentId_toolVersionId: { agentId: target.agent.id, toolVersionId: target.version.id } },
        create: {
          agentId: target.agent.id,
          toolVersionId: target.version.id,
          toolId: target.version.toolId,
          environment: data.environment,
          ...fields,
          ...link,
        },
        update: { ...fields, ...link },
      });
      // Fast-track approves here: the tool's data flow map may not describe this version (issue 12.2).
      if (fastTrack) await unsafeReopenDataFlowMapsForVersion(tx, target.version.id, now);
    }
    await recordAuditEvent(tx, actor, {
      action: fastTrack ? 'changeRequest.fastTracked' : 'changeRequest.created',
      entityType: 'ChangeRequest',
      entityId: request.id,
      after: {
        kind: request.kind,
        state: request.state,
        tool: target.label,
        agent: target.agent.name,
        environment: ENVIRONMENT_LABELS[data.environment],
        artifactDigest: request.artifactDigest,
        requiresSecurityReview,
        fastTrack: snapshot.fastTrack,
      },
    });
    return request;
  });
}
