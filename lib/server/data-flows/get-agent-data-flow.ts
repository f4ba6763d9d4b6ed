import 'server-only';
import { assertInsideAudits } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { agentFlowGraph } from '@/lib/domain/data-flows/graph';
import { layoutFlow } from '@/lib/domain/data-flows/layout';
import { summarizeDataFlow } from '@/lib/domain/data-flows/summary';
import { ZAgentDataFlowInput, type TAgentDataFlowInput } from '@/lib/validation/data-flow';
import { contentOf } from './map-content';

/**
 * One agent's data flows: every tool it has installed (in any state but revoked) with the
 * tool's current map, in one diagram. Null when the agent does not exist.
 */
export async function getAgentDataFlow({ actor, input }: OperationCall<TAgentDataFlowInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'dataFlow:read');
  const { agentId } = parseInput(ZAgentDataFlowInput, input);
  const agent = await db.agent.findUnique({ where: { id: agentId }, select: { id: true, name: true, environment: true } });
  if (!agent) return null;
  // An auditor opens only an agent of their open audits' environments (ADR 0010): outside, 403 and logged.
  await assertInsideAudits(db, actor, now, { entityType: 'Agent', entityId: agent.id }, (windows) =>
    windows.some((w) => w.environments.includes(agent.environment)),
  );
  const installs = await db.installation.findMany({
    where: { agentId, state: { not: 'REVOKED' } },
    select: { tool: { select: { id: true, name: true } } },
    orderBy: { tool: { name: 'asc' } },
  });
  const tools = [...new Map(installs.map((i) => [i.tool.id, i.tool])).values()];
  const maps = await db.dataFlowMap.findMany({ where: { toolId: { in: tools.map((t) => t.id) }, next: { is: null } } });
  const mapOf = new Map(maps.map((m) => [m.toolId, m]));
  const withMaps = tools.map((t) => {
    const m = mapOf.get(t.id);
    return { ...t, map: m ? contentOf(m) : null, status: m?.status ?? null };
  });
  return {
    agent,
    tools: withMaps.map((t) => ({ id: t.id, name: t.name, status: t.status, summary: t.map ? summarizeDataFlow(t.map) : null })),
    layout: layoutFlow(agentFlowGraph(agent, withMaps)),
  };
}

export type AgentDataFlow = NonNullable<Awaited<ReturnType<typeof getAgentDataFlow>>>;
