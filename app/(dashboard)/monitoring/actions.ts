'use server';

import { revalidatePath } from 'next/cache';
import { addAlertNote } from '@/lib/server/alerts/add-alert-note';
import { assignAlert } from '@/lib/server/alerts/assign-alert';
import { updateAlertState } from '@/lib/server/alerts/update-alert-state';
import { authAction } from '@/lib/server/guards/auth-action';
import { operationAction } from '@/lib/server/guards/operation-action';
import { actorOf } from '@/lib/server/session';
import { ZAddAlertNoteInput, ZAssignAlertInput, ZUpdateAlertStateInput } from '@/lib/validation/alert';

const alertPages = (id: string) => ['/monitoring', `/monitoring/${id}`];

export const alertAction = authAction('alert:manage', ZUpdateAlertStateInput, async (input, user) => {
  const updated = await updateAlertState({ actor: actorOf(user), input });
  revalidatePath('/monitoring');
  revalidatePath(`/monitoring/${input.id}`);
  return { state: updated.state };
});

/** Issue 11.5: who works the alert (an empty assignee unassigns). */
export const assignAlertAction = operationAction('alert:manage', ZAssignAlertInput, assignAlert, {
  revalidate: (alert) => alertPages(alert.id),
  reply: (alert) => ({ assigneeId: alert.assigneeId }),
});

/** Issue 11.5: one note on the alert's thread. */
export const addAlertNoteAction = operationAction('alert:manage', ZAddAlertNoteInput, addAlertNote, {
  revalidate: (note) => alertPages(note.alertId),
  reply: (note) => ({ id: note.id }),
});
