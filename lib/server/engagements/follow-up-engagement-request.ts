import 'server-only';
import type { EngagementRequest } from '@prisma/client';
import { badRequest } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZFollowUpRequestInput, type TFollowUpRequestInput } from '@/lib/validation/engagement';
import { moveEngagementRequest } from './request-step';

/** The auditor is not satisfied yet: a comment reopens the request for the officer. */
export async function followUpEngagementRequest(
  { actor, input }: OperationCall<TFollowUpRequestInput>,
  ctx?: OperationContextInput,
): Promise<EngagementRequest> {
  const context = await operationContext(ctx);
  const v = authorize(actor, 'engagement:request', ZFollowUpRequestInput, input);
  if (actor.type !== 'USER') throw badRequest('Only a person comments');
  return moveEngagementRequest(context, actor, v.requestId, 'followUp', { note: v.note });
}
