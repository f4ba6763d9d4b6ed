import 'server-only';
import type { Prisma } from '@prisma/client';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { auditorToolScope } from '@/lib/server/engagements/auditor-scope';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZSubprocessorQuery, type TSubprocessorQuery } from '@/lib/validation/data-flow';
import { publisherReviewStatus } from './publisher-review-status';

/**
 * The subprocessor register (/subprocessors, CC9.2): every tool whose current map sends data
 * out of the environment, with the hosts, the data classes it sends, its publisher as the
 * vendor and the vendor's review status. The search matches the tool, the publisher or a host.
 */
export async function listSubprocessors({ actor, input }: OperationCall<TSubprocessorQuery>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'dataFlow:read');
  const q = parseInput(ZSubprocessorQuery, input);
  const where: Prisma.DataFlowMapWhereInput = {
    next: { is: null },
    subprocessor: true,
    ...(q.classification ? { dataClasses: { has: q.classification } } : {}),
    ...(q.q
      ? {
          OR: [
            { tool: { name: { contains: q.q, mode: 'insensitive' } } },
            { tool: { publisher: { name: { contains: q.q, mode: 'insensitive' } } } },
            { externalHosts: { has: q.q.toLowerCase() } },
          ],
        }
      : {}),
  };
  // An auditor sees the subprocessors of the tools in their inventory (ADR 0010).
  const scope = await auditorToolScope(db, actor, now);
  if (scope) where.AND = [{ tool: scope }];
  const [total, rows] = await Promise.all([
    db.dataFlowMap.count({ where }),
    db.dataFlowMap.findMany({
      where,
      select: {
        id: true,
        toolId: true,
        status: true,
        externalHosts: true,
        dataClasses: true,
        highestClass: true,
        confirmedAt: true,
        tool: { select: { name: true, publisher: { select: { id: true, name: true, trustLevel: true } } } },
      },
      orderBy: [{ tool: { name: 'asc' } }, { id: 'asc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
  ]);
  const reviews = await db.$transaction((tx) =>
    publisherReviewStatus(tx, [...new Set(rows.map((r) => r.tool.publisher.id))], now),
  );
  return {
    rows: rows.map((r) => ({ ...r, vendorReview: reviews.get(r.tool.publisher.id)! })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export type SubprocessorRow = Awaited<ReturnType<typeof listSubprocessors>>['rows'][number];
