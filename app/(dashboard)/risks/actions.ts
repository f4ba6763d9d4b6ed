'use server';

import { revalidatePath } from 'next/cache';
import { authAction } from '@/lib/server/guards/auth-action';
import { actorOf } from '@/lib/server/session';
import { assessRisk } from '@/lib/server/risks/assess-risk';
import { ZAssessRiskInput } from '@/lib/validation/risk';

export const assessRiskAction = authAction('risk:assess', ZAssessRiskInput, async (input, user) => {
  const created = await assessRisk({ actor: actorOf(user), input });
  revalidatePath(`/risks/${input.toolId}`);
  revalidatePath('/risks');
  return { id: created.id };
});
