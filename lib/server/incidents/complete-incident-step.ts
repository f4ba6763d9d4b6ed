import 'server-only';
import type { IncidentStep } from '@prisma/client';
import { PHASE_LABELS, playbookStep } from '@/lib/domain/incidents/playbooks';
import { checkStepDone } from '@/lib/domain/incidents/status';
import { refusalError, requirePerson } from '@/lib/server/change-requests/acting-user';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZCompleteIncidentStepInput, type TCompleteIncidentStepInput } from '@/lib/validation/incident';
import { appendIncidentEvent } from './append-incident-event';
import { loadIncidentFor } from './load-incident-for';

/** Marks one step of the incident's playbook done, with an optional note of what was done. */
export async function completeIncidentStep(
  { actor, input }: OperationCall<TCompleteIncidentStepInput>,
  ctx?: OperationContextInput,
): Promise<IncidentStep> {
  const { db, now } = await operationContext(ctx);
  const data = authorize(actor, 'incident:respond', ZCompleteIncidentStepInput, input);
  const person = requirePerson(actor);
  return db.$transaction(async (tx) => {
    const incident = await loadIncidentFor(tx, data.incidentId);
    const done = new Set((await tx.incidentStep.findMany({ where: { incidentId: incident.id } })).map((s) => s.stepKey));
    const check = checkStepDone({ ...incident, stepKey: data.stepKey, done, role: person.role });
    if (!check.ok) throw refusalError(check);
    const step = playbookStep(incident.scenario, data.stepKey)!;
    const saved = await tx.incidentStep.create({
      data: { incidentId: incident.id, stepKey: step.key, doneById: person.id, doneAt: now, note: data.note },
    });
    await appendIncidentEvent(
      tx,
      actor,
      {
        incidentId: incident.id,
        kind: 'step-done',
        message: `${PHASE_LABELS[step.phase]}: ${step.title}${data.note ? ` — ${data.note}` : ''}`,
        detail: { stepKey: step.key },
        at: now,
      },
      {
        action: 'incident.stepDone',
        entityType: 'Incident',
        entityId: incident.id,
        after: { stepKey: step.key, note: data.note },
      },
    );
    return saved;
  });
}
