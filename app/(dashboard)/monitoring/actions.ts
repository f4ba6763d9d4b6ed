'use server';

import { revalidatePath } from 'next/cache';
import { updateAlertState } from '@/lib/server/alerts/update-alert-state';
import { authAction } from '@/lib/server/guards/auth-action';
import { actorOf } from '@/lib/server/session';
import { ZAlertActionInput } from '@/lib/validation/registry';

export const alertAction = authAction('alert:manage', ZAlertActionInput, async (input, user) => {
  const updated = await updateAlertState(actorOf(user), input.id, input.action);
  revalidatePath('/monitoring');
  return { state: updated.state };
});
