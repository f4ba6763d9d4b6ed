import type { Prisma } from '@prisma/client';
import { afterId, inPeriod, iso, paged } from './paged';
import type { SectionContext, TableSection } from './types';

/** Registry syncs report no agent: they belong to every environment scope. */
function where({ scope }: SectionContext): Prisma.ToolDefinitionReportWhereInput {
  return {
    reportedAt: inPeriod(scope),
    ...(scope.toolIds.length ? { toolVersion: { toolId: { in: scope.toolIds } } } : {}),
    ...(scope.environments.length ? { OR: [{ agentId: null }, { agent: { environment: { in: scope.environments } } }] } : {}),
  };
}

/** Tool definitions seen in the period (issue 15): verdict against the pinned hash, poisoning findings. */
export const toolDefinitionReportsSection: TableSection = {
  kind: 'tool-definition-reports',
  shape: 'table',
  columns: [
    'id',
    'reportedAt',
    'toolId',
    'tool',
    'version',
    'source',
    'agent',
    'environment',
    'hash',
    'pinnedHash',
    'verdict',
    'worstSeverity',
    'findings',
    'definitions',
  ],
  async *rows(ctx) {
    const filter = where(ctx);
    const reports = paged((after, take) =>
      ctx.db.toolDefinitionReport.findMany({
        where: { ...afterId(after), ...filter },
        orderBy: { id: 'asc' },
        take,
        include: {
          toolVersion: { select: { version: true, toolId: true, tool: { select: { name: true } } } },
          agent: { select: { name: true, environment: true } },
        },
      }),
    );
    for await (const r of reports) {
      yield {
        id: r.id,
        reportedAt: iso(r.reportedAt),
        toolId: r.toolVersion.toolId,
        tool: r.toolVersion.tool.name,
        version: r.toolVersion.version,
        source: r.source,
        agent: r.agent?.name ?? null,
        environment: r.agent?.environment ?? null,
        hash: r.hash,
        pinnedHash: r.pinnedHash,
        verdict: r.verdict,
        worstSeverity: r.worstSeverity,
        findings: r.findings as unknown[],
        definitions: r.definitions as unknown[],
      };
    }
  },
};
