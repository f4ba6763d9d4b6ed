'use server';

import { formDataToObject } from '@/lib/server/guards/auth-action';
import { operationAction } from '@/lib/server/guards/operation-action';
import type { ActionResult } from '@/lib/server/guards/action-result';
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

/** A request's state changed: its page refreshes, the form learns the new state. */
const onRequestPage = {
  revalidate: (r: { id: string; engagementId: string }) => `/audits/${r.engagementId}/requests/${r.id}`,
  reply: (r: { state: string }) => ({ state: r.state as string }),
};

export const createEngagementAction = operationAction('engagement:manage', ZCreateEngagementInput, createEngagement, {
  revalidate: () => '/audits',
  reply: (created) => ({ id: created.id }),
});

export const drawSampleAction = operationAction('engagement:request', ZDrawSampleInput, drawEngagementSample, {
  revalidate: (sample) => `/audits/${sample.engagementId}`,
  reply: (sample) => ({ engagementId: sample.engagementId, sampleId: sample.id }),
});

export const openEngagementRequestAction = operationAction('engagement:request', ZOpenRequestInput, openEngagementRequest, {
  revalidate: (request) => `/audits/${request.engagementId}`,
  reply: (request) => ({ engagementId: request.engagementId, requestId: request.id }),
});

const answer = operationAction('engagement:answer', ZAnswerRequestInput, answerEngagementRequest, onRequestPage);

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

export const followUpEngagementRequestAction = operationAction(
  'engagement:request',
  ZFollowUpRequestInput,
  followUpEngagementRequest,
  onRequestPage,
);

export const acceptEngagementRequestAction = operationAction(
  'engagement:request',
  ZRequestIdInput,
  acceptEngagementRequest,
  onRequestPage,
);
