import 'server-only';
import type { EngagementRequest } from '@prisma/client';
import { DEFAULT_ANSWER_DAYS } from '@/lib/domain/audits/requests';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { badRequest, forbidden } from '@/lib/server/errors';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZOpenRequestInput, type TOpenRequestInput } from '@/lib/validation/engagement';
import { loadEngagementFor } from './engagement-access';
import { POPULATION_SOURCES } from './populations';
import { populationScope } from './populations/scope';

const DAY_MS = 86_400_000;

/**
 * The auditor requests evidence on a record, or flags it with a comment. The record must be in
 * the audit's scope (its population, period and environments): anything else is refused, so a
 * request cannot be used to learn about records outside the audit.
 */
export async function openEngagementRequest(
  { actor, input }: OperationCall<TOpenRequestInput>,
  ctx?: OperationContextInput,
): Promise<EngagementRequest> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'engagement:request');
  const v = parseInput(ZOpenRequestInput, input);
  if (actor.type !== 'USER') throw badRequest('Only a person opens a request');
  const engagement = await loadEngagementFor(db, actor, v.engagementId, now, 'engagement:request');
  const dueAt = v.dueDay ? new Date(`${v.dueDay}T23:59:59.999Z`) : new Date(now.getTime() + DEFAULT_ANSWER_DAYS * DAY_MS);
  if (dueAt.getTime() <= now.getTime())
    throw badRequest('dueDay: Choose a day after today', [{ path: 'dueDay', message: 'Choose a day after today' }]);
  return db.$transaction(async (tx) => {
    const inScope = await POPULATION_SOURCES[v.population].find(tx as typeof db, populationScope(engagement), {
      ids: [v.recordId],
    });
    if (inScope.total !== 1) throw forbidden('That record is outside this audit’s scope');
    const request = await tx.engagementRequest.create({
      data: {
        engagementId: v.engagementId,
        kind: v.kind,
        population: v.population,
        recordId: v.recordId,
        body: v.body,
        dueAt,
        requestedById: actor.id,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: 'engagement.requestOpened',
      entityType: 'AuditEngagement',
      entityId: v.engagementId,
      after: { requestId: request.id, kind: v.kind, population: v.population, recordId: v.recordId, body: v.body, dueAt },
    });
    return request;
  });
}
