import type { Prisma } from '@prisma/client';
import { toolFlowGraph } from '@/lib/domain/data-flows/graph';
import { layoutFlow } from '@/lib/domain/data-flows/layout';
import { flowSvg } from '@/lib/domain/data-flows/svg';
import { contentOf } from '@/lib/server/data-flows/map-content';
import { afterId, iso, paged, toolFilter } from './paged';
import type { PackScope, TableSection } from './types';

/**
 * The versions of data flow maps in force at some time in the period: made before its end and
 * not replaced before its start. `currentAtPeriodEnd` marks the version that stood at the end.
 */
export function mapsInForce(scope: PackScope, extra: Prisma.DataFlowMapWhereInput = {}): Prisma.DataFlowMapWhereInput {
  return {
    createdAt: { lt: scope.to },
    OR: [{ next: { is: null } }, { next: { createdAt: { gte: scope.from } } }],
    ...toolFilter(scope),
    ...extra,
  };
}

/** Data flow maps with their diagrams as data (laid-out nodes and edges) and as SVG. */
export const dataFlowsSection: TableSection = {
  kind: 'data-flows',
  shape: 'table',
  columns: [
    'id',
    'toolId',
    'toolName',
    'revision',
    'status',
    'currentAtPeriodEnd',
    'toolVersionId',
    'inputs',
    'processing',
    'destinations',
    'retention',
    'dataClasses',
    'highestClass',
    'externalHosts',
    'subprocessor',
    'excessInputs',
    'reviewReasons',
    'reviewVersionId',
    'authorId',
    'confirmedById',
    'confirmedAt',
    'previousId',
    'createdAt',
    'diagram',
    'diagramSvg',
  ],
  async *rows({ db, scope }) {
    const maps = paged((after, take) =>
      db.dataFlowMap.findMany({
        where: { ...mapsInForce(scope), ...afterId(after) },
        include: { tool: { select: { name: true } }, next: { select: { createdAt: true } } },
        orderBy: { id: 'asc' },
        take,
      }),
    );
    for await (const m of maps) {
      const content = contentOf(m);
      const layout = layoutFlow(toolFlowGraph({ id: m.toolId, name: m.tool.name }, content));
      yield {
        id: m.id,
        toolId: m.toolId,
        toolName: m.tool.name,
        revision: m.revision,
        status: m.status,
        currentAtPeriodEnd: !m.next || m.next.createdAt >= scope.to,
        toolVersionId: m.toolVersionId,
        inputs: content.inputs,
        processing: content.processing,
        destinations: content.destinations,
        retention: content.retention,
        dataClasses: m.dataClasses,
        highestClass: m.highestClass,
        externalHosts: m.externalHosts,
        subprocessor: m.subprocessor,
        excessInputs: m.excessInputs,
        // Non-empty: ToolLedger reopened the map because this version raised what it was written for.
        reviewReasons: m.reviewReasons,
        reviewVersionId: m.reviewVersionId,
        authorId: m.authorId,
        confirmedById: m.confirmedById,
        confirmedAt: iso(m.confirmedAt),
        previousId: m.previousId,
        createdAt: iso(m.createdAt),
        diagram: { width: layout.width, height: layout.height, nodes: layout.nodes, edges: layout.edges },
        diagramSvg: flowSvg(layout, `Data flow of ${m.tool.name}, revision ${m.revision}`),
      };
    }
  },
};
