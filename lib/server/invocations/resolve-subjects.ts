import type { Prisma } from '@prisma/client';
import type { Subject } from '@/lib/domain/invocations/alert-drafts';

export const subjectKey = (agent: string, tool: string, version: string) => `${agent}\u0000${tool}\u0000${version}`;

type Triple = { agent: string; tool: string; version: string };

// The latest decision per (agent, tool, version), one probe per triple on (agentName, createdAt).
const LATEST_DECISIONS = `
SELECT DISTINCT ON (d."agentName", d."toolName", d.version) d.id, d."agentName", d."toolName", d.version, d.outcome::text AS outcome
  FROM "EnforcementDecision" d
  JOIN jsonb_to_recordset($1::jsonb) AS k(agent text, tool text, version text)
    ON d."agentName" = k.agent AND d."toolName" = k.tool AND d.version = k.version
 WHERE d."createdAt" <= $2::timestamp
 ORDER BY d."agentName", d."toolName", d.version, d."createdAt" DESC`;

/**
 * Resolves the distinct (agent, tool, version) of a batch against the inventory and the
 * enforcement log: a handful of indexed queries per batch, never one per event. A tool name is
 * matched like the enforcement API does (name or registry id); a version that matches in several
 * registries stays unlinked (ambiguous), like an unknown one.
 */
export async function resolveSubjects(
  tx: Prisma.TransactionClient,
  triples: readonly Triple[],
  now: Date,
): Promise<Map<string, Subject>> {
  const agentNames = [...new Set(triples.map((t) => t.agent))];
  const toolNames = [...new Set(triples.map((t) => t.tool))];
  const [agents, tools] = await Promise.all([
    tx.agent.findMany({ where: { name: { in: agentNames } }, select: { id: true, name: true } }),
    tx.tool.findMany({
      where: { OR: [{ name: { in: toolNames } }, { externalId: { in: toolNames } }] },
      select: { id: true, name: true, externalId: true },
    }),
  ]);
  const versions = tools.length
    ? await tx.toolVersion.findMany({
        where: { toolId: { in: tools.map((t) => t.id) }, version: { in: [...new Set(triples.map((t) => t.version))] } },
        select: { id: true, toolId: true, version: true },
      })
    : [];
  const decisions = await tx.$queryRawUnsafe<
    { id: string; agentName: string; toolName: string; version: string; outcome: 'ALLOW' | 'DENY' }[]
  >(LATEST_DECISIONS, JSON.stringify(triples), now.toISOString());
  const agentId = new Map(agents.map((a) => [a.name, a.id]));
  const decisionOf = new Map(decisions.map((d) => [subjectKey(d.agentName, d.toolName, d.version), d]));
  const out = new Map<string, Subject>();
  for (const t of triples) {
    const key = subjectKey(t.agent, t.tool, t.version);
    const toolIds = new Set(tools.filter((x) => x.name === t.tool || x.externalId === t.tool).map((x) => x.id));
    const matches = versions.filter((v) => toolIds.has(v.toolId) && v.version === t.version);
    const version = matches.length === 1 ? matches[0]! : null;
    const unknown = !agentId.has(t.agent)
      ? `agent "${t.agent}" is not in the inventory`
      : toolIds.size === 0
        ? `tool "${t.tool}" is not in the inventory`
        : matches.length === 0
          ? `version ${t.version} of "${t.tool}" is not in the inventory`
          : matches.length > 1
            ? `"${t.tool}" ${t.version} matches versions in ${matches.length} registries`
            : null;
    const d = decisionOf.get(key);
    out.set(key, {
      agentId: agentId.get(t.agent) ?? null,
      toolId: version?.toolId ?? (toolIds.size === 1 ? [...toolIds][0]! : null),
      toolVersionId: version?.id ?? null,
      unknown,
      decision: d ? { id: d.id, outcome: d.outcome } : null,
    });
  }
  return out;
}
