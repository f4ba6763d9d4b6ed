'use server';

import { revalidatePath } from 'next/cache';
import { updateAlertState } from '@/lib/server/alerts/update-alert-state';
import { authAction } from '@/lib/server/guards/auth-action';
import { actorOf } from '@/lib/server/session';
import { ZUpdateAlertStateInput } from '@/lib/validation/alert';

export const alertAction = authAction('alert:manage', ZUpdateAlertStateInput, async (input, user) => {
  const updated = await updateAlertState({ actor: actorOf(user), input });
  revalidatePath('/monitoring');
  revalidatePath(`/monitoring/${input.id}`);
  return { state: updated.state };
});
