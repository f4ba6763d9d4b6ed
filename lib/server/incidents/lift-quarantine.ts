import 'server-only';
import type { ToolQuarantine } from '@prisma/client';
import { incidentRef } from '@/lib/domain/incidents/labels';
import { checkLift } from '@/lib/domain/incidents/status';
import { refusalError, requirePerson } from '@/lib/server/change-requests/acting-user';
import { conflict, notFound } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZLiftQuarantineInput, type TLiftQuarantineInput } from '@/lib/validation/incident';
import { appendIncidentEvent } from './append-incident-event';

/**
 * Only a security reviewer lifts a quarantine, and always with a reason (issue 14.6). Enforcement
 * allows again from the commit on (the generation bump drops cached denies and allows alike).
 * A closed incident's quarantine can still be lifted: a tool may stay held long after the response.
 */
export async function liftQuarantine(
  { actor, input }: OperationCall<TLiftQuarantineInput>,
  ctx?: OperationContextInput,
): Promise<ToolQuarantine> {
  const { db, now } = await operationContext(ctx);
  const data = authorize(actor, 'incident:lift', ZLiftQuarantineInput, input);
  const person = requirePerson(actor);
  const check = checkLift({ role: person.role, liftedAt: null });
  if (!check.ok) throw refusalError(check);
  return db.$transaction(async (tx) => {
    const found = await tx.toolQuarantine.findUnique({
      where: { id: data.id },
      include: { incident: { select: { number: true } }, tool: { select: { name: true } } },
    });
    if (!found) throw notFound('Quarantine');
    const state = checkLift({ role: person.role, liftedAt: found.liftedAt });
    if (!state.ok) throw refusalError(state);
    const moved = await tx.toolQuarantine.updateMany({
      where: { id: found.id, liftedAt: null },
      data: { liftedAt: now, liftedById: person.id, liftReason: data.reason },
    });
    if (moved.count !== 1) throw conflict('The quarantine changed meanwhile; reload and try again');
    await appendIncidentEvent(
      tx,
      actor,
      {
        incidentId: found.incidentId,
        kind: 'quarantine-lifted',
        message: `Lifted the quarantine of ${found.tool.name}: ${data.reason}`,
        detail: { quarantineId: found.id },
        at: now,
      },
      {
        action: 'toolQuarantine.lifted',
        entityType: 'ToolQuarantine',
        entityId: found.id,
        before: { liftedAt: null },
        after: { incident: incidentRef(found.incident.number), liftedAt: now, reason: data.reason },
      },
    );
    return tx.toolQuarantine.findUniqueOrThrow({ where: { id: found.id } });
  });
}
