import 'server-only';
import type { Prisma } from '@prisma/client';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { auditorToolScope } from '@/lib/server/engagements/auditor-scope';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZDataFlowRegisterQuery, type TDataFlowRegisterQuery } from '@/lib/validation/data-flow';

/** The current map of each tool (the version nobody replaced), as the register and the overview filter it. */
export function currentMapsWhere(q: {
  q?: string;
  status?: 'DERIVED' | 'NEEDS_REVIEW' | 'CONFIRMED';
  classification?: string;
  subprocessor?: boolean;
  excess?: boolean;
}): Prisma.DataFlowMapWhereInput {
  return {
    next: { is: null },
    ...(q.q ? { tool: { name: { contains: q.q, mode: 'insensitive' } } } : {}),
    ...(q.status === 'NEEDS_REVIEW'
      ? { status: 'DERIVED', reviewVersionId: { not: null } }
      : q.status
        ? { status: q.status }
        : {}),
    ...(q.classification ? { dataClasses: { has: q.classification } } : {}),
    ...(q.subprocessor ? { subprocessor: true } : {}),
    ...(q.excess ? { excessInputs: { gt: 0 } } : {}),
  };
}

/**
 * The register of data flow maps (/data-flows): each tool's current map, filtered from the URL,
 * derived drafts awaiting confirmation first (those a raising version reopened among them), then
 * by tool name.
 */
export async function listDataFlowRegister({ actor, input }: OperationCall<TDataFlowRegisterQuery>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'dataFlow:read');
  const q = parseInput(ZDataFlowRegisterQuery, input);
  // Each tool's current map is today's state: an auditor sees the maps of the tools in their
  // inventory (auditorToolScope, ADR 0010).
  const scope = await auditorToolScope(db, actor, now);
  const where: Prisma.DataFlowMapWhereInput = scope ? { AND: [currentMapsWhere(q), { tool: scope }] } : currentMapsWhere(q);
  const [total, rows, derived, needsReview] = await Promise.all([
    db.dataFlowMap.count({ where }),
    db.dataFlowMap.findMany({
      where,
      select: {
        id: true,
        toolId: true,
        revision: true,
        status: true,
        highestClass: true,
        dataClasses: true,
        externalHosts: true,
        subprocessor: true,
        excessInputs: true,
        reviewReasons: true,
        reviewVersion: { select: { version: true } },
        confirmedAt: true,
        createdAt: true,
        tool: { select: { name: true } },
        confirmedBy: { select: { name: true } },
      },
      orderBy: [{ status: 'asc' }, { tool: { name: 'asc' } }, { id: 'asc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.dataFlowMap.count({ where: { AND: [where, { status: 'DERIVED' }] } }),
    db.dataFlowMap.count({ where: { AND: [where, { status: 'DERIVED', reviewVersionId: { not: null } }] } }),
  ]);
  return { rows, total, derived, needsReview, page: q.page, pageSize: q.pageSize };
}

export type DataFlowRegister = Awaited<ReturnType<typeof listDataFlowRegister>>;
export type DataFlowRegisterRow = DataFlowRegister['rows'][number];
