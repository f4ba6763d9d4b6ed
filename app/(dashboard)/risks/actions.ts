'use server';

import { revalidatePath } from 'next/cache';
import { authAction } from '@/lib/server/guards/auth-action';
import { actorOf } from '@/lib/server/session';
import { assessRisk } from '@/lib/server/risks/assess-risk';
import { ZAssessRiskInput } from '@/lib/validation/risk';
import { reviewPublisher } from '@/lib/server/vendors/review-publisher';
import { reviewRegistry } from '@/lib/server/vendors/review-registry';
import { ZReviewPublisherInput, ZReviewRegistryInput } from '@/lib/validation/vendors';

export const assessRiskAction = authAction('risk:assess', ZAssessRiskInput, async (input, user) => {
  const created = await assessRisk({ actor: actorOf(user), input });
  revalidatePath(`/risks/${input.toolId}`);
  revalidatePath('/risks');
  return { id: created.id };
});

// Vendor reviews of publishers and registries (issue 12.1).
export const reviewPublisherAction = authAction('risk:assess', ZReviewPublisherInput, async (input, user) => {
  const created = await reviewPublisher({ actor: actorOf(user), input });
  revalidatePath(`/risks/publishers/${input.publisherId}`);
  revalidatePath('/risks/publishers');
  return { id: created.id };
});

export const reviewRegistryAction = authAction('risk:assess', ZReviewRegistryInput, async (input, user) => {
  const created = await reviewRegistry({ actor: actorOf(user), input });
  revalidatePath(`/risks/registries/${input.registryId}`);
  revalidatePath('/risks/registries');
  return { id: created.id };
});
