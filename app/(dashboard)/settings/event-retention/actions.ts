'use server';

import { revalidatePath } from 'next/cache';
import { authAction } from '@/lib/server/guards/auth-action';
import { actorOf } from '@/lib/server/session';
import { setEventRetention } from '@/lib/server/invocations/set-event-retention';
import { ZSetEventRetentionInput } from '@/lib/validation/event-retention';

export const setEventRetentionAction = authAction('eventRetention:manage', ZSetEventRetentionInput, async (input, user) => {
  const saved = await setEventRetention({ actor: actorOf(user), input });
  revalidatePath('/settings/event-retention');
  return saved;
});
