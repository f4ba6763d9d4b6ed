import 'server-only';
import { createHash } from 'node:crypto';
import type { EngagementRequest } from '@prisma/client';
import { badRequest } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZAnswerRequestInput, type TAnswerRequestInput } from '@/lib/validation/engagement';
import { moveEngagementRequest } from './request-step';

/** The officer answers in place: a note, and optionally one file kept with its SHA-256 (never changed). */
export async function answerEngagementRequest(
  { actor, input }: OperationCall<TAnswerRequestInput>,
  ctx?: OperationContextInput,
): Promise<EngagementRequest> {
  const context = await operationContext(ctx);
  const v = authorize(actor, 'engagement:answer', ZAnswerRequestInput, input);
  if (actor.type !== 'USER') throw badRequest('Only a person answers a request');
  const file = v.file
    ? {
        fileName: v.file.name,
        fileType: v.file.type || 'application/octet-stream',
        fileSize: v.file.bytes.byteLength,
        fileSha256: createHash('sha256').update(v.file.bytes).digest('hex'),
        fileData: Buffer.from(v.file.bytes),
      }
    : {};
  return moveEngagementRequest(context, actor, v.requestId, 'answer', { note: v.note, ...file });
}
