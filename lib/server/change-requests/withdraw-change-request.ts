import 'server-only';
import type { ChangeRequest } from '@prisma/client';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { conflict, forbidden, notFound } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { canWithdraw, isOpen, OPEN_STATES } from '@/lib/domain/change-requests/state-machine';
import { ZChangeRequestIdInput, type TChangeRequestIdInput } from '@/lib/validation/change-request';
import { requirePerson } from './acting-user';

/** The requester (or an admin) pulls back a request still in review; its pending installation is revoked. */
export async function withdrawChangeRequest({ actor, input }: { actor: Actor; input: TChangeRequestIdInput }): Promise<ChangeRequest> {
  const person = requirePerson(actor);
  const { id } = ZChangeRequestIdInput.parse(input);
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const request = await tx.changeRequest.findUnique({ where: { id } });
    if (!request) throw notFound('Change request');
    if (!isOpen(request.state)) throw conflict('Only requests still in review can be withdrawn');
    if (!canWithdraw({ state: request.state, role: person.role, userId: person.id, requestedById: request.requestedById })) {
      throw forbidden('Only the requester or an admin can withdraw a request');
    }
    const now = new Date();
    const moved = await tx.changeRequest.updateMany({ where: { id, state: { in: [...OPEN_STATES] } }, data: { state: 'WITHDRAWN', decidedAt: now } });
    if (moved.count !== 1) throw conflict('The request was decided meanwhile');
    if (request.kind !== 'REMOVAL' && request.agentId && request.toolVersionId) {
      await tx.installation.updateMany({ where: { agentId: request.agentId, toolVersionId: request.toolVersionId, state: 'REQUESTED' }, data: { state: 'REVOKED', revokedAt: now } });
    }
    await recordAuditEvent(tx, actor, { action: 'changeRequest.withdrawn', entityType: 'ChangeRequest', entityId: id, before: { state: request.state }, after: { state: 'WITHDRAWN' } });
    return tx.changeRequest.findUniqueOrThrow({ where: { id } });
  });
}
