'use server';

import { revalidatePath } from 'next/cache';
import { authAction } from '@/lib/server/guards/auth-action';
import { actorOf } from '@/lib/server/session';
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

const refresh = (incidentId: string) => {
  revalidatePath(`/incidents/${incidentId}`);
  revalidatePath('/incidents');
};

export const openIncidentAction = authAction('incident:respond', ZOpenIncidentInput, async (input, user) => {
  const incident = await openIncident({ actor: actorOf(user), input });
  refresh(incident.id);
  return { id: incident.id };
});

export const quarantineToolAction = authAction('incident:respond', ZQuarantineToolInput, async (input, user) => {
  const q = await quarantineTool({ actor: actorOf(user), input });
  refresh(q.incidentId);
  return { id: q.id };
});

export const liftQuarantineAction = authAction('incident:lift', ZLiftQuarantineInput, async (input, user) => {
  const q = await liftQuarantine({ actor: actorOf(user), input });
  refresh(q.incidentId);
  return { id: q.id };
});

export const completeIncidentStepAction = authAction('incident:respond', ZCompleteIncidentStepInput, async (input, user) => {
  const s = await completeIncidentStep({ actor: actorOf(user), input });
  refresh(s.incidentId);
  return { id: s.id };
});

export const advanceIncidentAction = authAction('incident:respond', ZAdvanceIncidentInput, async (input, user) => {
  const i = await advanceIncident({ actor: actorOf(user), input });
  refresh(i.id);
  return { id: i.id, status: i.status };
});

export const addIncidentNoteAction = authAction('incident:respond', ZAddIncidentNoteInput, async (input, user) => {
  const r = await addIncidentNote({ actor: actorOf(user), input });
  refresh(r.incidentId);
  return r;
});

export const linkIncidentRecordAction = authAction('incident:respond', ZLinkIncidentRecordInput, async (input, user) => {
  const l = await linkIncidentRecord({ actor: actorOf(user), input });
  refresh(l.incidentId);
  return { id: l.id };
});
