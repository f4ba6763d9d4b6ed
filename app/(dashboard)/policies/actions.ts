'use server';

import { revalidatePath } from 'next/cache';
import { authAction } from '@/lib/server/guards/auth-action';
import { actorOf } from '@/lib/server/session';
import { updatePolicy } from '@/lib/server/policies/update-policy';
import { ZUpdatePolicyInput } from '@/lib/validation/policy';

export const updatePolicyAction = authAction('policy:manage', ZUpdatePolicyInput, async (input, user) => {
  const saved = await updatePolicy({ actor: actorOf(user), input });
  revalidatePath('/policies', 'layout');
  revalidatePath('/compliance');
  return { environment: saved.environment, version: saved.version };
});
