import 'server-only';
import type { PrismaClient } from '@prisma/client';
import type { EnforcementFacts } from '@/lib/domain/policy/enforce-decision';
import { getCurrentPolicy } from '@/lib/server/policies/get-current-policies';
import { VERSION_FACTS_SELECT, versionFactsOf } from '@/lib/server/policies/version-facts';
import type { TEnforceRequest } from '@/lib/validation/enforce';

async function findTool(prisma: PrismaClient, input: TEnforceRequest): Promise<{ id: string } | 'ambiguous' | null> {
  if (input.registry) {
    const registry = await prisma.registry.findUnique({ where: { name: input.registry }, select: { id: true } });
    if (!registry) return null;
    const byExternalId = await prisma.tool.findUnique({
      where: { registryId_externalId: { registryId: registry.id, externalId: input.tool } },
      select: { id: true },
    });
    if (byExternalId) return byExternalId;
    const byName = await prisma.tool.findMany({ where: { name: input.tool, registryId: registry.id }, select: { id: true }, take: 2 });
    return byName.length === 1 ? byName[0]! : byName.length > 1 ? 'ambiguous' : null;
  }
  // Tool.name is indexed; two hits mean the name is not enough to say which tool.
  const byName = await prisma.tool.findMany({ where: { name: input.tool }, select: { id: true }, take: 2 });
  if (byName.length) return byName.length === 1 ? byName[0]! : 'ambiguous';
  // Agents often send the registry's identifier (slug): one unique-index probe per registry.
  const hits = (
    await Promise.all(
      (await registryIds(prisma)).map((registryId) =>
        prisma.tool.findUnique({ where: { registryId_externalId: { registryId, externalId: input.tool } }, select: { id: true } }),
      ),
    )
  ).filter((t): t is { id: string } => t !== null);
  return hits.length === 1 ? hits[0]! : hits.length > 1 ? 'ambiguous' : null;
}

// Registries are a handful and rarely change: keep their ids for half a minute.
const registryCache = globalThis as typeof globalThis & { __toolledgerRegistryIds?: { at: number; ids: Promise<string[]> } };
function registryIds(prisma: PrismaClient): Promise<string[]> {
  const c = registryCache.__toolledgerRegistryIds;
  if (c && Date.now() - c.at < 30_000) return c.ids;
  const ids = prisma.registry.findMany({ select: { id: true }, take: 50 }).then((rows) => rows.map((r) => r.id));
  registryCache.__toolledgerRegistryIds = { at: Date.now(), ids };
  ids.catch(() => (registryCache.__toolledgerRegistryIds = undefined));
  return ids;
}

/**
 * Loads the decision's facts with index lookups only (agent by unique name, tool by name index or
 * (registry, externalId), version by (toolId, version), installation by (agentId, toolVersionId),
 * exceptions by (toolId, environment, status)); the policy comes from a short in-memory cache.
 * Nothing here scans tools, versions or the decision log, so the cost stays flat as they grow.
 */
export async function loadEnforcementFacts(prisma: PrismaClient, input: TEnforceRequest, now: Date): Promise<EnforcementFacts> {
  const [agent, tool] = await Promise.all([
    prisma.agent.findUnique({ where: { name: input.agent }, select: { id: true, environment: true } }),
    findTool(prisma, input),
  ]);
  const toolId = tool && tool !== 'ambiguous' ? tool.id : null;
  const version = toolId
    ? await prisma.toolVersion.findUnique({
        where: { toolId_version: { toolId, version: input.version } },
        select: { ...VERSION_FACTS_SELECT, artifactDigest: true },
      })
    : null;
  const [installation, exceptions, policy] = await Promise.all([
    agent && version
      ? prisma.installation.findUnique({ where: { agentId_toolVersionId: { agentId: agent.id, toolVersionId: version.id } }, select: { state: true, approvedDigest: true } })
      : null,
    agent && toolId
      ? prisma.policyException.findMany({
          where: { toolId, environment: agent.environment, status: 'APPROVED', expiresAt: { gt: now } },
          select: { id: true, rules: true, toolId: true, toolVersionId: true, environment: true, status: true, expiresAt: true },
          take: 50,
        })
      : [],
    agent ? getCurrentPolicy(agent.environment) : null,
  ]);
  return {
    action: input.action === 'install' ? 'INSTALL' : 'INVOKE',
    agentName: input.agent,
    toolName: input.tool,
    versionName: input.version,
    requestedDigest: input.artifactDigest ?? null,
    agent,
    tool,
    version: version ? { facts: versionFactsOf(version), artifactDigest: version.artifactDigest } : null,
    installation,
    policy,
    exceptions,
    now,
  };
}
