import 'server-only';
import type { Environment, Prisma, Tier } from '@prisma/client';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { allowlistStanding } from '@/lib/domain/change-requests/fast-track';
import { evaluatePolicy } from '@/lib/domain/policy/evaluate';
import { ENVIRONMENTS } from '@/lib/domain/types';
import { getCurrentPolicies } from '@/lib/server/policies/get-current-policies';
import { VERSION_FACTS_SELECT, versionFactsOf } from '@/lib/server/policies/version-facts';
import { containsText } from '@/lib/server/text-search';
import { ZRequestFormOptionsQuery, type TRequestFormOptionsQuery } from '@/lib/validation/change-request';

export interface VersionOption {
  id: string;
  toolId: string;
  toolName: string;
  version: string;
  tier: Tier;
  artifactDigest: string | null;
  /** Preview per environment (the snapshot taken on submit is the record). */
  preview: Record<Environment, { passes: boolean; blocking: string[]; triggers: string[]; onAllowlist: boolean }>;
}

export interface AgentOption {
  id: string;
  name: string;
  environment: Environment;
}

export interface RequestFormOptions {
  agents: AgentOption[];
  versions: VersionOption[];
  /** Tools matching the search; more than the tools offered means the list was cut and the page says so. */
  toolTotal: number;
  /** How many of them are offered (at most the query's limit). */
  toolsShown: number;
}

/**
 * Choices for the new-request form: agents, and the latest version of the tools the search finds
 * by name or registry id, at most `limit` of them, so a large catalogue is never evaluated whole
 * (all versions of a tool named in the query string, for updates), with a policy preview per environment so the
 * requester sees before submitting whether a security review or fast-track follows. The allowlist
 * counts as it will on submit: approved entries only, never the requester's own.
 */
export async function getRequestFormOptions(
  { actor, input }: OperationCall<TRequestFormOptionsQuery>,
  ctx?: OperationContextInput,
): Promise<RequestFormOptions> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'changeRequest:create');
  const { toolId: focusToolId, q, limit } = parseInput(ZRequestFormOptionsQuery, input);
  const requestedById = actor.type === 'USER' ? actor.id : null;
  const toolWhere: Prisma.ToolWhereInput = {
    latestVersionId: { not: null },
    ...(q ? { OR: [{ name: containsText(q) }, { externalId: containsText(q) }] } : {}),
  };
  const [agents, toolTotal, tools, policies, allowlist] = await Promise.all([
    db.agent.findMany({ select: { id: true, name: true, environment: true }, orderBy: { name: 'asc' } }),
    db.tool.count({ where: toolWhere }),
    db.tool.findMany({
      where: toolWhere,
      select: { latestVersionId: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: limit,
    }),
    getCurrentPolicies({ db }),
    db.allowlistEntry.findMany({
      where: { status: 'APPROVED' },
      select: { toolId: true, environment: true, status: true, createdById: true },
    }),
  ]);
  const ids = tools.flatMap((t) => (t.latestVersionId ? [t.latestVersionId] : []));
  const versions = await db.toolVersion.findMany({
    where: { OR: [{ id: { in: ids } }, ...(focusToolId ? [{ toolId: focusToolId }] : [])] },
    select: { ...VERSION_FACTS_SELECT, version: true, artifactDigest: true, tool: { select: { name: true } } },
  });
  const allowed = new Set(
    allowlist.filter((a) => allowlistStanding(a, requestedById).waives).map((a) => `${a.toolId}:${a.environment}`),
  );
  const options = versions.map((v): VersionOption => {
    const facts = versionFactsOf(v);
    const preview = {} as VersionOption['preview'];
    for (const env of ENVIRONMENTS) {
      const e = evaluatePolicy(policies[env], facts, { now });
      preview[env] = {
        passes: e.passes,
        blocking: e.blocking.map((b) => b.reason),
        triggers: e.reviewTriggers.map((t) => t.reason),
        onAllowlist: allowed.has(`${v.toolId}:${env}`),
      };
    }
    return {
      id: v.id,
      toolId: v.toolId,
      toolName: v.tool.name,
      version: v.version,
      tier: v.tier,
      artifactDigest: v.artifactDigest,
      preview,
    };
  });
  options.sort(
    (a, b) => a.toolName.localeCompare(b.toolName) || b.version.localeCompare(a.version, undefined, { numeric: true }),
  );
  return { agents, versions: options, toolTotal, toolsShown: tools.length };
}
