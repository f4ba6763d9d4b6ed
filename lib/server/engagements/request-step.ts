import 'server-only';
import type { EngagementRequest, Prisma } from '@prisma/client';
import { nextRequestState, type RequestStep } from '@/lib/domain/audits/requests';
import type { AuditAction } from '@/lib/domain/audit-actions';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { conflict, forbidden, notFound } from '@/lib/server/errors';
import type { OperationContext } from '@/lib/server/operation';
import { loadEngagementFor } from './engagement-access';

const ACTIONS: Record<RequestStep, AuditAction> = {
  answer: 'engagement.requestAnswered',
  accept: 'engagement.requestAccepted',
  followUp: 'engagement.requestFollowedUp',
};

const PERMISSION = { answer: 'engagement:answer', accept: 'engagement:request', followUp: 'engagement:request' } as const;

/**
 * One move of a PBC request (answer, accept, follow up), shared by the three operations: the
 * engagement gate, the lifecycle rule, an optional reply, the new state and its audit record in
 * one transaction. Auditors move only requests they opened.
 */
export async function moveEngagementRequest(
  { db, now }: OperationContext,
  actor: Actor & { type: 'USER' },
  requestId: string,
  step: RequestStep,
  reply: Omit<Prisma.EngagementReplyUncheckedCreateInput, 'requestId' | 'authorId'> | null,
): Promise<EngagementRequest> {
  const request = await db.engagementRequest.findUnique({ where: { id: requestId } });
  if (!request) throw notFound('Request');
  await loadEngagementFor(db, actor, request.engagementId, now, PERMISSION[step]);
  if (actor.role === 'AUDITOR' && request.requestedById !== actor.id)
    throw forbidden('Only the auditor who opened it may do this');
  const next = nextRequestState(request.state, step);
  if (!next)
    throw conflict(
      `A request that is ${request.state.toLowerCase()} cannot be ${step === 'followUp' ? 'followed up' : `${step}ed`}`,
    );
  return db.$transaction(async (tx) => {
    const moved = await tx.engagementRequest.updateMany({
      where: { id: requestId, state: request.state },
      data: {
        state: next,
        ...(step === 'answer' ? { answeredAt: now } : {}),
        ...(step === 'accept' ? { acceptedAt: now } : {}),
      },
    });
    if (moved.count !== 1) throw conflict('The request changed meanwhile: reload it');
    const created = reply ? await tx.engagementReply.create({ data: { ...reply, requestId, authorId: actor.id } }) : null;
    await recordAuditEvent(tx, actor, {
      action: ACTIONS[step],
      entityType: 'AuditEngagement',
      entityId: request.engagementId,
      before: { requestId, state: request.state },
      after: {
        requestId,
        state: next,
        ...(created ? { replyId: created.id, note: created.note, file: created.fileName, fileSha256: created.fileSha256 } : {}),
      },
    });
    return tx.engagementRequest.findUniqueOrThrow({ where: { id: requestId } });
  });
}
