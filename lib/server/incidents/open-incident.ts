import 'server-only';
import type { Incident } from '@prisma/client';
import { checkResponder, INCIDENT_RESPONDERS } from '@/lib/domain/incidents/status';
import { incidentRef, SCENARIO_LABELS } from '@/lib/domain/incidents/labels';
import { refusalError, requirePerson } from '@/lib/server/change-requests/acting-user';
import { badRequest } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZOpenIncidentInput, type TOpenIncidentInput } from '@/lib/validation/incident';
import { appendIncidentEvent } from './append-incident-event';
import { linkOnce, placeQuarantine } from './place-quarantine';

/**
 * A security reviewer (or an admin) opens an incident for one of the four agent scenarios; its
 * playbook is the scenario's. With a tool named it is linked; with "quarantine" ticked the tool
 * (or the versions chosen) is quarantined in the same transaction, so enforcement denies it from
 * the moment the incident exists.
 */
export async function openIncident(
  { actor, input }: OperationCall<TOpenIncidentInput>,
  ctx?: OperationContextInput,
): Promise<Incident> {
  const { db, now } = await operationContext(ctx);
  const data = authorize(actor, 'incident:respond', ZOpenIncidentInput, input);
  const person = requirePerson(actor);
  const who = checkResponder(person.role);
  if (!who.ok) throw refusalError(who);
  return db.$transaction(async (tx) => {
    const ownerId = data.ownerId ?? person.id;
    const owner = await tx.user.findFirst({
      where: { id: ownerId, active: true, role: { in: [...INCIDENT_RESPONDERS] } },
      select: { id: true, name: true },
    });
    if (!owner)
      throw badRequest('ownerId: The owner must be an active security reviewer or admin', [
        { path: 'ownerId', message: 'The owner must be an active security reviewer or admin' },
      ]);
    if (data.toolId && !(await tx.tool.findUnique({ where: { id: data.toolId }, select: { id: true } })))
      throw badRequest('toolId: Unknown tool', [{ path: 'toolId', message: 'Unknown tool' }]);
    const incident = await tx.incident.create({
      data: {
        scenario: data.scenario,
        severity: data.severity,
        title: data.title,
        summary: data.summary,
        ownerId: owner.id,
        openedById: person.id,
        openedAt: now,
        createdAt: now,
      },
    });
    await appendIncidentEvent(
      tx,
      actor,
      {
        incidentId: incident.id,
        kind: 'opened',
        message: `Opened ${incidentRef(incident.number)} (${SCENARIO_LABELS[incident.scenario]}, ${incident.severity.toLowerCase()}), owner ${owner.name}`,
        at: now,
      },
      { action: 'incident.opened', entityType: 'Incident', entityId: incident.id, after: incident },
    );
    if (data.toolId && data.quarantine) {
      await placeQuarantine(tx, actor, {
        incident,
        toolId: data.toolId,
        toolVersionIds: data.toolVersionIds,
        reason: data.quarantineReason ?? '',
        now,
      });
    } else if (data.toolId) {
      await linkOnce(tx, actor, incident.id, { kind: 'TOOL', toolId: data.toolId }, now);
    }
    return incident;
  });
}
