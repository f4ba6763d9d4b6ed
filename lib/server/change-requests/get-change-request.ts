import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { notFound } from '@/lib/server/errors';
import { hoursOverdue, isOverdue } from '@/lib/domain/change-requests/state-machine';
import { readSnapshot } from './build-snapshot';
import { SYSTEM_REVIEWER_ID } from './acting-user';

/** Everything the detail page shows: snapshot, stage decisions, comments, installation, pinned and current digest. */
export async function getChangeRequest(id: string) {
  const prisma = await getPrisma();
  const request = await prisma.changeRequest.findUnique({
    where: { id },
    include: { tool: { select: { id: true, name: true, externalId: true, registry: { select: { name: true } } } }, approvals: { orderBy: { createdAt: 'asc' } }, comments: { orderBy: { createdAt: 'asc' } } },
  });
  if (!request) throw notFound('Change request');
  const [agent, version, fromVersion, installation] = await Promise.all([
    request.agentId ? prisma.agent.findUnique({ where: { id: request.agentId }, select: { id: true, name: true, environment: true } }) : null,
    request.toolVersionId ? prisma.toolVersion.findUnique({ where: { id: request.toolVersionId }, select: { id: true, version: true, artifactDigest: true } }) : null,
    request.fromVersionId ? prisma.toolVersion.findUnique({ where: { id: request.fromVersionId }, select: { id: true, version: true } }) : null,
    request.agentId && request.toolVersionId
      ? prisma.installation.findUnique({ where: { agentId_toolVersionId: { agentId: request.agentId, toolVersionId: request.toolVersionId } } })
      : null,
  ]);
  const userIds = [...new Set([request.requestedById, ...request.approvals.map((a) => a.reviewerId), ...request.comments.map((c) => c.authorId)].filter((x): x is string => Boolean(x)))];
  const users = await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } });
  const nameOf = (userId: string | null) => {
    if (!userId) return request.source === 'ENFORCEMENT' ? 'Enforcement API' : 'System';
    if (userId === SYSTEM_REVIEWER_ID) return 'System (fast-track)';
    return users.find((u) => u.id === userId)?.name ?? 'unknown user';
  };
  const now = new Date();
  return {
    ...request,
    snapshot: readSnapshot(request.evaluationSnapshot, request.environment),
    toolName: request.tool?.name ?? request.requestedToolName ?? 'unknown tool',
    requesterName: nameOf(request.requestedById),
    agent,
    version,
    fromVersion,
    installation,
    currentDigest: version?.artifactDigest ?? null,
    digestChanged: version !== null && (version.artifactDigest ?? null) !== request.artifactDigest,
    approvals: request.approvals.map((a) => ({ ...a, reviewerName: nameOf(a.reviewerId) })),
    comments: request.comments.map((c) => ({ ...c, authorName: nameOf(c.authorId) })),
    overdue: isOverdue(request, now),
    hoursOverdue: hoursOverdue(request, now),
  };
}

export type ChangeRequestDetail = Awaited<ReturnType<typeof getChangeRequest>>;
