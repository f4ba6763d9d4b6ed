import 'server-only';
import type { Incident } from '@prisma/client';
import { STATUS_LABELS } from '@/lib/domain/incidents/labels';
import { checkAdvance } from '@/lib/domain/incidents/status';
import { refusalError, requirePerson } from '@/lib/server/change-requests/acting-user';
import { conflict } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZAdvanceIncidentInput, type TAdvanceIncidentInput } from '@/lib/validation/incident';
import { appendIncidentEvent } from './append-incident-event';
import { loadIncidentFor } from './load-incident-for';

/** Moves the incident one status forward once its playbook allows it; closing records the lessons. */
export async function advanceIncident(
  { actor, input }: OperationCall<TAdvanceIncidentInput>,
  ctx?: OperationContextInput,
): Promise<Incident> {
  const { db, now } = await operationContext(ctx);
  const data = authorize(actor, 'incident:respond', ZAdvanceIncidentInput, input);
  const person = requirePerson(actor);
  return db.$transaction(async (tx) => {
    const incident = await loadIncidentFor(tx, data.incidentId);
    const done = new Set((await tx.incidentStep.findMany({ where: { incidentId: incident.id } })).map((s) => s.stepKey));
    const check = checkAdvance({ scenario: incident.scenario, from: incident.status, to: data.to, done, role: person.role });
    if (!check.ok) throw refusalError(check);
    const closing = data.to === 'CLOSED';
    const moved = await tx.incident.updateMany({
      where: { id: incident.id, status: incident.status },
      data: { status: data.to, ...(closing ? { closedAt: now, lessonsLearned: data.lessonsLearned } : {}) },
    });
    if (moved.count !== 1) throw conflict('The incident changed meanwhile; reload and try again');
    await appendIncidentEvent(
      tx,
      actor,
      {
        incidentId: incident.id,
        kind: 'status-changed',
        message: `${STATUS_LABELS[incident.status]} → ${STATUS_LABELS[data.to]}${closing ? `. Lessons learned: ${data.lessonsLearned}` : ''}`,
        detail: { from: incident.status, to: data.to },
        at: now,
      },
      {
        action: 'incident.statusChanged',
        entityType: 'Incident',
        entityId: incident.id,
        before: { status: incident.status },
        after: { status: data.to, ...(closing ? { lessonsLearned: data.lessonsLearned } : {}) },
      },
    );
    return tx.incident.findUniqueOrThrow({ where: { id: incident.id } });
  });
}
