'use server';

import { operationAction } from '@/lib/server/guards/operation-action';
import { addIncidentNote } from '@/lib/server/incidents/add-incident-note';
import { advanceIncident } from '@/lib/server/incidents/advance-incident';
import { completeIncidentStep } from '@/lib/server/incidents/complete-incident-step';
import { liftQuarantine } from '@/lib/server/incidents/lift-quarantine';
import { linkIncidentRecord } from '@/lib/server/incidents/link-incident-record';
import { openIncident } from '@/lib/server/incidents/open-incident';
import { quarantineTool } from '@/lib/server/incidents/quarantine-tool';
import {
  ZAddIncidentNoteInput,
  ZAdvanceIncidentInput,
  ZCompleteIncidentStepInput,
  ZLiftQuarantineInput,
  ZLinkIncidentRecordInput,
  ZOpenIncidentInput,
  ZQuarantineToolInput,
} from '@/lib/validation/incident';

const incidentPages = (incidentId: string) => [`/incidents/${incidentId}`, '/incidents'];

/** A record that belongs to an incident (quarantine, step, link): both incident pages refresh, the form learns its id. */
const onIncidentRecord = {
  revalidate: (r: { incidentId: string }) => incidentPages(r.incidentId),
  reply: (r: { id: string }) => ({ id: r.id }),
};

export const openIncidentAction = operationAction('incident:respond', ZOpenIncidentInput, openIncident, {
  revalidate: (incident) => incidentPages(incident.id),
  reply: (incident) => ({ id: incident.id }),
});
export const quarantineToolAction = operationAction('incident:respond', ZQuarantineToolInput, quarantineTool, onIncidentRecord);
export const liftQuarantineAction = operationAction('incident:lift', ZLiftQuarantineInput, liftQuarantine, onIncidentRecord);
export const completeIncidentStepAction = operationAction(
  'incident:respond',
  ZCompleteIncidentStepInput,
  completeIncidentStep,
  onIncidentRecord,
);
export const advanceIncidentAction = operationAction('incident:respond', ZAdvanceIncidentInput, advanceIncident, {
  revalidate: (incident) => incidentPages(incident.id),
  reply: (incident) => ({ id: incident.id, status: incident.status }),
});
export const addIncidentNoteAction = operationAction('incident:respond', ZAddIncidentNoteInput, addIncidentNote, {
  revalidate: (note) => incidentPages(note.incidentId),
  reply: (note) => note,
});
export const linkIncidentRecordAction = operationAction(
  'incident:respond',
  ZLinkIncidentRecordInput,
  linkIncidentRecord,
  onIncidentRecord,
);
