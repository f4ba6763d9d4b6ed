'use server';

import { revalidatePath } from 'next/cache';
import { authAction } from '@/lib/server/guards/auth-action';
import { actorOf } from '@/lib/server/session';
import { updateToolOwnership } from '@/lib/server/inventory/update-tool-ownership';
import { ZUpdateToolOwnershipInput } from '@/lib/validation/inventory';

export const updateToolOwnershipAction = authAction('inventory:update', ZUpdateToolOwnershipInput, async (input, user) => {
  const result = await updateToolOwnership({ actor: actorOf(user), input });
  revalidatePath(`/inventory/${input.toolId}`);
  return result;
});
