import 'server-only';
import type { ChangeComment } from '@prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { notFound } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { ZAddCommentInput, type TAddCommentInput } from '@/lib/validation/change-request';
import { requirePerson, type OperationOptions } from './acting-user';

/** Discussion on a request, in any state (a closed request may still need a note for the auditor). */
export async function addChangeComment({ actor, input, db, now: at }: { actor: Actor; input: TAddCommentInput } & OperationOptions): Promise<ChangeComment> {
  const person = requirePerson(actor);
  const data = ZAddCommentInput.parse(input);
  const prisma = db ?? (await getPrisma());
  return prisma.$transaction(async (tx) => {
    const request = await tx.changeRequest.findUnique({ where: { id: data.id }, select: { id: true } });
    if (!request) throw notFound('Change request');
    const comment = await tx.changeComment.create({ data: { changeRequestId: request.id, authorId: person.id, body: data.body, createdAt: at ?? new Date() } });
    await recordAuditEvent(tx, actor, { action: 'changeRequest.commented', entityType: 'ChangeRequest', entityId: request.id, after: { commentId: comment.id, body: data.body } });
    return comment;
  });
}
