import 'server-only';
import type { Prisma } from '@prisma/client';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { REVIEW_STAGES, STAGE_DECIDERS, type ChangeState, type ReviewStage } from '@/lib/domain/change-requests/state-machine';
import { ZInboxQuery, type TInboxQuery } from '@/lib/validation/change-request';
import { requirePerson } from './acting-user';
import { CHANGE_REQUEST_ROW_INCLUDE, toRow, type ChangeRequestRow } from './change-request-rows';

const STATE_OF_STAGE: Record<ReviewStage, ChangeState> = { COMPLIANCE: 'COMPLIANCE_REVIEW', SECURITY: 'SECURITY_REVIEW' };

/**
 * A reviewer's inbox: requests waiting on a stage their role decides and that segregation of
 * duties lets them decide (they did not raise it, nor decide its earlier stage), overdue first,
 * then by due time.
 */
export async function getInbox(
  { actor, input }: OperationCall<TInboxQuery>,
  ctx?: OperationContextInput,
): Promise<ChangeRequestRow[]> {
  const { db, now } = await operationContext(ctx);
  // A read: every role may ask; roles that decide no stage get an empty inbox.
  assertActorCan(actor, 'changeRequest:read');
  const person = requirePerson(actor);
  const { limit } = parseInput(ZInboxQuery, input);
  const states = REVIEW_STAGES.filter((s) => STAGE_DECIDERS[s].includes(person.role)).map((s) => STATE_OF_STAGE[s]);
  if (states.length === 0) return [];
  const where: Prisma.ChangeRequestWhereInput = {
    state: { in: states },
    OR: [{ requestedById: null }, { requestedById: { not: person.id } }],
    approvals: { none: { reviewerId: person.id } },
  };
  const requests = await db.changeRequest.findMany({
    where,
    include: CHANGE_REQUEST_ROW_INCLUDE,
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  // Ordered by due time, the overdue ones already come first.
  return requests.map((r) => toRow(r, now));
}
