import 'server-only';
import { isAuditor } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';

const LISTED = 5;

/**
 * The overview's data flow figures: derived maps waiting for a person to confirm them (the
 * first few named; those a version raising permissions or hosts reopened), subprocessors, and tools agents use that have no map at all.
 */
export async function getDataFlowOverview({ actor }: OperationCall<Record<string, never>>, ctx?: OperationContextInput) {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'dataFlow:read');
  // Hidden for an auditor (ADR 0010): today's queue across every environment, not cheaply scoped to an audit.
  if (isAuditor(actor)) return null;
  const current = { next: { is: null } } as const;
  const [awaiting, awaitingTotal, needsReview, subprocessors, unmappedInUse] = await Promise.all([
    db.dataFlowMap.findMany({
      where: { ...current, status: 'DERIVED' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: LISTED,
      select: {
        id: true,
        createdAt: true,
        subprocessor: true,
        reviewVersion: { select: { version: true } },
        tool: { select: { id: true, name: true } },
      },
    }),
    db.dataFlowMap.count({ where: { ...current, status: 'DERIVED' } }),
    db.dataFlowMap.count({ where: { ...current, status: 'DERIVED', reviewVersionId: { not: null } } }),
    db.dataFlowMap.count({ where: { ...current, subprocessor: true } }),
    db.tool.count({
      where: { installations: { some: { state: { not: 'REVOKED' } } }, dataFlowMaps: { none: {} } },
    }),
  ]);
  return { awaiting: { total: awaitingTotal, items: awaiting }, needsReview, subprocessors, unmappedInUse };
}

export type DataFlowOverview = NonNullable<Awaited<ReturnType<typeof getDataFlowOverview>>>;
