'use server';

import { revalidatePath } from 'next/cache';
import { authAction } from '@/lib/server/guards/auth-action';
import { actorOf } from '@/lib/server/session';
import { confirmDataFlow } from '@/lib/server/data-flows/confirm-data-flow';
import { deriveDataFlow } from '@/lib/server/data-flows/derive-data-flow';
import { saveDataFlow } from '@/lib/server/data-flows/save-data-flow';
import { ZConfirmDataFlowInput, ZDeriveDataFlowInput, ZSaveDataFlowInput } from '@/lib/validation/data-flow';

function refresh(toolId: string) {
  revalidatePath(`/data-flows/${toolId}`);
  revalidatePath('/data-flows');
  revalidatePath('/subprocessors');
}

export const saveDataFlowAction = authAction('dataFlow:map', ZSaveDataFlowInput, async (input, user) => {
  const saved = await saveDataFlow({ actor: actorOf(user), input });
  refresh(input.toolId);
  return { id: saved.id };
});

export const deriveDataFlowAction = authAction('dataFlow:map', ZDeriveDataFlowInput, async (input, user) => {
  const derived = await deriveDataFlow({ actor: actorOf(user), input });
  refresh(input.toolId);
  return { id: derived.id };
});

export const confirmDataFlowAction = authAction('dataFlow:confirm', ZConfirmDataFlowInput, async (input, user) => {
  const confirmed = await confirmDataFlow({ actor: actorOf(user), input });
  refresh(input.toolId);
  return { id: confirmed.id };
});
