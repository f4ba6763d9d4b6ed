import 'server-only';
import { checkAct } from '@/lib/domain/incidents/status';
import { refusalError, requirePerson } from '@/lib/server/change-requests/acting-user';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZAddIncidentNoteInput, type TAddIncidentNoteInput } from '@/lib/validation/incident';
import { appendIncidentEvent } from './append-incident-event';
import { loadIncidentFor } from './load-incident-for';

/** A note on the timeline: what was found, decided or told to whom. */
export async function addIncidentNote(
  { actor, input }: OperationCall<TAddIncidentNoteInput>,
  ctx?: OperationContextInput,
): Promise<{ incidentId: string }> {
  const { db, now } = await operationContext(ctx);
  const data = authorize(actor, 'incident:respond', ZAddIncidentNoteInput, input);
  const person = requirePerson(actor);
  return db.$transaction(async (tx) => {
    const incident = await loadIncidentFor(tx, data.incidentId);
    const check = checkAct({ status: incident.status, role: person.role });
    if (!check.ok) throw refusalError(check);
    await appendIncidentEvent(
      tx,
      actor,
      { incidentId: incident.id, kind: 'note', message: data.note, at: now },
      { action: 'incident.noted', entityType: 'Incident', entityId: incident.id, after: { note: data.note } },
    );
    return { incidentId: incident.id };
  });
}
