import 'server-only';
import type { EngagementRequest } from '@prisma/client';
import { badRequest } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZRequestIdInput, type TRequestIdInput } from '@/lib/validation/engagement';
import { moveEngagementRequest } from './request-step';

/** The auditor accepts the answer: the request is closed. */
export async function acceptEngagementRequest(
  { actor, input }: OperationCall<TRequestIdInput>,
  ctx?: OperationContextInput,
): Promise<EngagementRequest> {
  const context = await operationContext(ctx);
  const v = authorize(actor, 'engagement:request', ZRequestIdInput, input);
  if (actor.type !== 'USER') throw badRequest('Only a person accepts an answer');
  return moveEngagementRequest(context, actor, v.requestId, 'accept', null);
}
