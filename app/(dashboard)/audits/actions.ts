'use server';

import { revalidatePath } from 'next/cache';
import { authAction, formDataToObject } from '@/lib/server/guards/auth-action';
import type { ActionResult } from '@/lib/server/guards/action-result';
import { actorOf } from '@/lib/server/session';
import { createEngagement } from '@/lib/server/engagements/create-engagement';
import { drawEngagementSample } from '@/lib/server/engagements/draw-sample';
import { openEngagementRequest } from '@/lib/server/engagements/open-engagement-request';
import { answerEngagementRequest } from '@/lib/server/engagements/answer-engagement-request';
import { followUpEngagementRequest } from '@/lib/server/engagements/follow-up-engagement-request';
import { acceptEngagementRequest } from '@/lib/server/engagements/accept-engagement-request';
import {
  REPLY_FILE_MAX_BYTES,
  ZAnswerRequestInput,
  ZCreateEngagementInput,
  ZDrawSampleInput,
  ZFollowUpRequestInput,
  ZOpenRequestInput,
  ZRequestIdInput,
} from '@/lib/validation/engagement';

export const createEngagementAction = authAction('engagement:manage', ZCreateEngagementInput, async (input, user) => {
  const created = await createEngagement({ actor: actorOf(user), input });
  revalidatePath('/audits');
  return { id: created.id };
});

export const drawSampleAction = authAction('engagement:request', ZDrawSampleInput, async (input, user) => {
  const sample = await drawEngagementSample({ actor: actorOf(user), input });
  revalidatePath(`/audits/${sample.engagementId}`);
  return { engagementId: sample.engagementId, sampleId: sample.id };
});

export const openEngagementRequestAction = authAction('engagement:request', ZOpenRequestInput, async (input, user) => {
  const request = await openEngagementRequest({ actor: actorOf(user), input });
  revalidatePath(`/audits/${request.engagementId}`);
  return { engagementId: request.engagementId, requestId: request.id };
});

const answer = authAction('engagement:answer', ZAnswerRequestInput, async (input, user) => {
  const request = await answerEngagementRequest({ actor: actorOf(user), input });
  revalidatePath(`/audits/${request.engagementId}/requests/${request.id}`);
  return { state: request.state as string };
});

/**
 * The answer form carries an optional file: its bytes join the input here (formDataToObject
 * keeps text only); a file over the cap is not even read. Authorization still comes first, in
 * the guard.
 */
export async function answerEngagementRequestAction(
  prev: ActionResult<{ state: string }> | null,
  input: FormData | unknown,
): Promise<ActionResult<{ state: string }>> {
  if (!(input instanceof FormData)) return answer(prev, input);
  const file = input.get('file');
  const attached = file instanceof File && file.size > 0 ? file : null;
  return answer(prev, {
    ...formDataToObject(input),
    ...(attached
      ? {
          file: {
            name: attached.name,
            type: attached.type,
            bytes:
              attached.size > REPLY_FILE_MAX_BYTES ? new Uint8Array(attached.size) : new Uint8Array(await attached.arrayBuffer()),
          },
        }
      : {}),
  });
}

export const followUpEngagementRequestAction = authAction('engagement:request', ZFollowUpRequestInput, async (input, user) => {
  const request = await followUpEngagementRequest({ actor: actorOf(user), input });
  revalidatePath(`/audits/${request.engagementId}/requests/${request.id}`);
  return { state: request.state as string };
});

export const acceptEngagementRequestAction = authAction('engagement:request', ZRequestIdInput, async (input, user) => {
  const request = await acceptEngagementRequest({ actor: actorOf(user), input });
  revalidatePath(`/audits/${request.engagementId}/requests/${request.id}`);
  return { state: request.state as string };
});
