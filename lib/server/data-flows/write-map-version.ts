import 'server-only';
import { Prisma, type DataFlowMap, type DataFlowStatus } from '@prisma/client';
import type { AuditAction } from '@/lib/domain/audit-actions';
import { summarizeDataFlow } from '@/lib/domain/data-flows/summary';
import type { DataFlowContent, DerivationReason } from '@/lib/domain/data-flows/types';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { conflict, notFound } from '@/lib/server/errors';
import { auditSnapshot } from './map-content';

export interface MapVersion {
  toolId: string;
  toolVersionId: string | null;
  /** The map the caller started from; anything else current means someone changed it meanwhile. */
  previousId: string | null;
  status: DataFlowStatus;
  content: DataFlowContent;
  reasons: DerivationReason[];
  note: string;
  authorId: string | null;
  confirmedById: string | null;
  action: AuditAction;
  /**
   * Set when ToolLedger reopens the map because a version raised what it declares. Left out, a
   * derived redraft keeps the review its predecessor is waiting for (nobody settled it yet); a
   * confirmed version settles it.
   */
  review?: { reasons: string[]; versionId: string };
}

export const CHANGED_MEANWHILE =
  'Someone changed this data flow map while you were editing: reload to start from the current version';

/**
 * Appends one version of a tool's map and its audit record, inside the caller's transaction.
 * `unsafe`: it checks nobody; deriveDataFlow, saveDataFlow and confirmDataFlow authorize first.
 */
export async function unsafeWriteMapVersion(
  tx: Prisma.TransactionClient,
  actor: Actor,
  v: MapVersion,
  now: Date,
): Promise<DataFlowMap> {
  const tool = await tx.tool.findUnique({ where: { id: v.toolId }, select: { id: true } });
  if (!tool) throw notFound('Tool');
  const current = await tx.dataFlowMap.findFirst({ where: { toolId: v.toolId, next: { is: null } } });
  if ((current?.id ?? null) !== v.previousId)
    throw conflict(current ? CHANGED_MEANWHILE : 'The map you started from is not this tool’s current one');
  const summary = summarizeDataFlow(v.content);
  const pending =
    current?.status === 'DERIVED' && current.reviewVersionId
      ? { reasons: current.reviewReasons, versionId: current.reviewVersionId }
      : null;
  const review = v.status === 'CONFIRMED' ? null : (v.review ?? pending);
  try {
    const created = await tx.dataFlowMap.create({
      data: {
        toolId: v.toolId,
        toolVersionId: v.toolVersionId,
        revision: (current?.revision ?? 0) + 1,
        status: v.status,
        inputs: v.content.inputs as unknown as Prisma.InputJsonValue,
        processing: v.content.processing,
        destinations: v.content.destinations as unknown as Prisma.InputJsonValue,
        retention: v.content.retention,
        ...summary,
        reasons: v.reasons as unknown as Prisma.InputJsonValue,
        note: v.note,
        reviewReasons: review?.reasons ?? [],
        reviewVersionId: review?.versionId ?? null,
        authorId: v.authorId,
        confirmedById: v.confirmedById,
        confirmedAt: v.confirmedById ? now : null,
        previousId: current?.id ?? null,
        createdAt: now,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: v.action,
      entityType: 'DataFlowMap',
      entityId: created.id,
      before: current ? auditSnapshot(current) : null,
      after: auditSnapshot(created),
    });
    return created;
  } catch (err) {
    // Two writers that both started from the same version: the unique previousId lets one through.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw conflict(CHANGED_MEANWHILE);
    throw err;
  }
}
