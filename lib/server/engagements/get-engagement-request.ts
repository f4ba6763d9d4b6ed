import 'server-only';
import { isPopulation } from '@/lib/domain/audits/populations';
import { isRequestOverdue } from '@/lib/domain/audits/requests';
import { notFound } from '@/lib/server/errors';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZReplyFileInput, ZRequestIdInput, type TReplyFileInput, type TRequestIdInput } from '@/lib/validation/engagement';
import { loadEngagementFor } from './engagement-access';
import { POPULATION_SOURCES } from './populations';
import { populationScope } from './populations/scope';

/** A PBC request with its record (as the population shows it) and the thread of replies (files as metadata). */
export async function getEngagementRequest({ actor, input }: OperationCall<TRequestIdInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  const { requestId } = parseInput(ZRequestIdInput, input);
  const request = await db.engagementRequest.findUnique({
    where: { id: requestId },
    include: {
      requestedBy: { select: { name: true } },
      replies: {
        orderBy: { createdAt: 'asc' },
        omit: { fileData: true },
        include: { author: { select: { name: true, role: true } } },
      },
    },
  });
  if (!request || !isPopulation(request.population)) throw notFound('Request');
  const engagement = await loadEngagementFor(db, actor, request.engagementId, now);
  const source = POPULATION_SOURCES[request.population];
  const { rows } = await source.find(db, populationScope(engagement), { ids: [request.recordId] });
  return { engagement, request: { ...request, overdue: isRequestOverdue(request, now) }, columns: source.columns, record: rows[0] ?? null };
}

/** A reply's file, exactly as uploaded, for download (the route records the download). */
export async function getReplyFile({ actor, input }: OperationCall<TReplyFileInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  const { requestId, replyId } = parseInput(ZReplyFileInput, input);
  const reply = await db.engagementReply.findFirst({
    where: { id: replyId, requestId, fileData: { not: null } },
    include: { request: { select: { engagementId: true } } },
  });
  if (!reply?.fileData) throw notFound('File');
  await loadEngagementFor(db, actor, reply.request.engagementId, now);
  return {
    engagementId: reply.request.engagementId,
    name: reply.fileName ?? 'file',
    type: reply.fileType ?? 'application/octet-stream',
    sha256: reply.fileSha256 ?? '',
    data: reply.fileData,
  };
}
