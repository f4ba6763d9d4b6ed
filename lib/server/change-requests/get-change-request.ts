import 'server-only';
import { notFound } from '@/lib/server/errors';
import { auditorWindows, refuseOutsideAudits } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { hoursOverdue, isOverdue } from '@/lib/domain/change-requests/state-machine';
import { ZChangeRequestIdInput, type TChangeRequestIdInput } from '@/lib/validation/change-request';
import { readSnapshot } from './build-snapshot';
import { requesterNameOf } from './change-request-rows';

const PERSON = { select: { id: true, name: true, email: true } } as const;

/** Everything the detail page shows: snapshot, stage decisions, comments, installation, pinned and current digest. */
export async function getChangeRequest({ actor, input }: OperationCall<TChangeRequestIdInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'changeRequest:read');
  const { id } = parseInput(ZChangeRequestIdInput, input);
  const request = await db.changeRequest.findUnique({
    where: { id },
    include: {
      tool: { select: { id: true, name: true, externalId: true, registry: { select: { name: true } } } },
      agent: { select: { id: true, name: true, environment: true } },
      toolVersion: { select: { id: true, version: true, artifactDigest: true } },
      fromVersion: { select: { id: true, version: true } },
      requestedBy: PERSON,
      approvals: { orderBy: { createdAt: 'asc' }, include: { reviewer: PERSON } },
      comments: { orderBy: { createdAt: 'asc' }, include: { author: PERSON } },
    },
  });
  if (!request) throw notFound('Change request');
  // An auditor opens only a request inside one of their open audits (ADR 0010): outside, 403 and logged.
  const windows = await auditorWindows(db, actor, now);
  if (
    windows &&
    !windows.some((w) => w.environments.includes(request.environment) && request.createdAt >= w.from && request.createdAt < w.to)
  )
    await refuseOutsideAudits(db, actor, 'ChangeRequest', request.id);
  const installation =
    request.agentId && request.toolVersionId
      ? await db.installation.findUnique({
          where: { agentId_toolVersionId: { agentId: request.agentId, toolVersionId: request.toolVersionId } },
        })
      : null;
  const { toolVersion: version, ...rest } = request;
  return {
    ...rest,
    snapshot: readSnapshot(request.evaluationSnapshot, request.environment),
    toolName: request.tool?.name ?? request.requestedToolName ?? 'unknown tool',
    requesterName: requesterNameOf(request),
    version,
    installation,
    currentDigest: version?.artifactDigest ?? null,
    digestChanged: version !== null && (version.artifactDigest ?? null) !== request.artifactDigest,
    approvals: request.approvals.map((a) => ({
      ...a,
      reviewerName: a.automatic ? 'System (fast-track)' : (a.reviewer?.name ?? 'unknown user'),
    })),
    comments: request.comments.map((c) => ({ ...c, authorName: c.author.name })),
    overdue: isOverdue(request, now),
    hoursOverdue: hoursOverdue(request, now),
  };
}

export type ChangeRequestDetail = Awaited<ReturnType<typeof getChangeRequest>>;
