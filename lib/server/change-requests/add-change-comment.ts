import 'server-only';
import type { ChangeComment } from '@prisma/client';
import { notFound } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZAddCommentInput, type TAddCommentInput } from '@/lib/validation/change-request';
import { requirePerson } from './acting-user';

/** Discussion on a request, in any state (a closed request may still need a note for the auditor). Comments are append-only. */
export async function addChangeComment(
  { actor, input }: OperationCall<TAddCommentInput>,
  ctx?: OperationContextInput,
): Promise<ChangeComment> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'changeRequest:comment');
  const person = requirePerson(actor);
  const data = parseInput(ZAddCommentInput, input);
  return db.$transaction(async (tx) => {
    const request = await tx.changeRequest.findUnique({ where: { id: data.id }, select: { id: true } });
    if (!request) throw notFound('Change request');
    const comment = await tx.changeComment.create({
      data: { changeRequestId: request.id, authorId: person.id, body: data.body, createdAt: now },
    });
    await recordAuditEvent(tx, actor, {
      action: 'changeRequest.commented',
      entityType: 'ChangeRequest',
      entityId: request.id,
      after: { commentId: comment.id, body: data.body },
    });
    return comment;
  });
}
