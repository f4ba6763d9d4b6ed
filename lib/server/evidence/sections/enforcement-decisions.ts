import type { Prisma } from '@prisma/client';
import { afterId, inPeriod, iso, paged } from './paged';
import type { SectionContext, TableSection } from './types';

/** Decisions carry the agent's name, not its environment: an environment scope goes through the agents. */
async function where({ db, scope }: SectionContext): Promise<Prisma.EnforcementDecisionWhereInput> {
  const agents = scope.environments.length
    ? await db.agent.findMany({ where: { environment: { in: scope.environments } }, select: { name: true } })
    : null;
  return {
    createdAt: inPeriod(scope),
    ...(scope.toolIds.length ? { toolId: { in: scope.toolIds } } : {}),
    ...(agents ? { agentName: { in: agents.map((a) => a.name) } } : {}),
  };
}

/** Every deny in full; allows only as totals (there are millions of them, and none is a finding). */
export const enforcementDecisionsSection: TableSection = {
  kind: 'enforcement-decisions',
  shape: 'table',
  columns: [
    'id',
    'createdAt',
    'agentName',
    'toolId',
    'toolName',
    'version',
    'artifactDigest',
    'action',
    'outcome',
    'reasons',
    'policyId',
    'policyVersion',
    'exceptionId',
    'changeRequestId',
  ],
  async *rows(ctx) {
    const filter = await where(ctx);
    const denies = paged((after, take) =>
      ctx.db.enforcementDecision.findMany({
        where: { ...afterId(after), ...filter, outcome: 'DENY' },
        orderBy: { id: 'asc' },
        take,
      }),
    );
    for await (const d of denies) {
      yield {
        id: d.id,
        createdAt: iso(d.createdAt),
        agentName: d.agentName,
        toolId: d.toolId,
        toolName: d.toolName,
        version: d.version,
        artifactDigest: d.artifactDigest,
        action: d.action,
        outcome: d.outcome,
        reasons: d.reasons as unknown[],
        policyId: d.policyId,
        policyVersion: d.policyVersion,
        exceptionId: d.exceptionId,
        changeRequestId: d.changeRequestId,
      };
    }
  },
  async summary(ctx) {
    const groups = await ctx.db.enforcementDecision.groupBy({
      by: ['action', 'outcome'],
      where: await where(ctx),
      _count: { _all: true },
    });
    const totals: Record<string, number> = { 'INSTALL.ALLOW': 0, 'INSTALL.DENY': 0, 'INVOKE.ALLOW': 0, 'INVOKE.DENY': 0 };
    for (const g of groups) totals[`${g.action}.${g.outcome}`] = g._count._all;
    return { totals };
  },
};
