import 'server-only';
import { isPopulation } from '@/lib/domain/audits/populations';
import { isRequestOverdue } from '@/lib/domain/audits/requests';
import { notFound } from '@/lib/server/errors';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
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
  return {
    engagement,
    request: { ...request, overdue: isRequestOverdue(request, now) },
    columns: source.columns,
    record: rows[0] ?? null,
  };
}

/** A reply's file, exactly as uploaded; the download is an audit event of its engagement. */
export async function downloadReplyFile({ actor, input }: OperationCall<TReplyFileInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'engagement:read');
  const { requestId, replyId } = parseInput(ZReplyFileInput, input);
  const reply = await db.engagementReply.findFirst({
    where: { id: replyId, requestId, fileData: { not: null } },
    include: { request: { select: { engagementId: true } } },
  });
  if (!reply?.fileData) throw notFound('File');
  await loadEngagementFor(db, actor, reply.request.engagementId, now);
  await db.$transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: 'engagement.downloaded',
      entityType: 'AuditEngagement',
      entityId: reply.request.engagementId,
      after: { requestId, replyId, file: reply.fileName, fileSha256: reply.fileSha256 },
    }),
  );
  return {
    engagementId: reply.request.engagementId,
    name: reply.fileName ?? 'file',
    type: reply.fileType ?? 'application/octet-stream',
    sha256: reply.fileSha256 ?? '',
    data: reply.fileData,
  };
}
