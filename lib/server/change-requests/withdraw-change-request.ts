import 'server-only';
import type { ChangeRequest } from '@prisma/client';
import { conflict, notFound } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { checkWithdraw, OPEN_STATES } from '@/lib/domain/change-requests/state-machine';
import { ZChangeRequestIdInput, type TChangeRequestIdInput } from '@/lib/validation/change-request';
import { refusalError, requirePerson } from './acting-user';

/** The requester (or an admin) pulls back a request still in review; its pending installation is revoked. */
export async function withdrawChangeRequest(
  { actor, input }: OperationCall<TChangeRequestIdInput>,
  ctx?: OperationContextInput,
): Promise<ChangeRequest> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'changeRequest:create');
  const person = requirePerson(actor);
  const { id } = parseInput(ZChangeRequestIdInput, input);
  return db.$transaction(async (tx) => {
    const request = await tx.changeRequest.findUnique({ where: { id } });
    if (!request) throw notFound('Change request');
    const check = checkWithdraw({
      state: request.state,
      role: person.role,
      userId: person.id,
      requestedById: request.requestedById,
    });
    if (!check.ok) throw refusalError(check);
    const moved = await tx.changeRequest.updateMany({
      where: { id, state: { in: [...OPEN_STATES] } },
      data: { state: 'WITHDRAWN', decidedAt: now },
    });
    if (moved.count !== 1) throw conflict('The request was decided meanwhile');
    if (request.kind !== 'REMOVAL' && request.agentId && request.toolVersionId) {
      await tx.installation.updateMany({
        where: { agentId: request.agentId, toolVersionId: request.toolVersionId, state: 'REQUESTED' },
        data: { state: 'REVOKED', revokedAt: now },
      });
    }
    await recordAuditEvent(tx, actor, {
      action: 'changeRequest.withdrawn',
      entityType: 'ChangeRequest',
      entityId: id,
      before: { state: request.state },
      after: { state: 'WITHDRAWN' },
    });
    return tx.changeRequest.findUniqueOrThrow({ where: { id } });
  });
}
