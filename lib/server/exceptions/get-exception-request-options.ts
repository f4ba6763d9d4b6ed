import 'server-only';
import type { Environment } from '@prisma/client';
import { evaluatePolicy } from '@/lib/domain/policy/evaluate';
import { RULE_COVERABLE } from '@/lib/domain/policy/exceptions';
import type { PolicyRule } from '@/lib/domain/policy/types';
import { ENVIRONMENTS } from '@/lib/domain/types';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { getCurrentPolicies } from '@/lib/server/policies/get-current-policies';
import { VERSION_FACTS_SELECT, versionFactsOf } from '@/lib/server/policies/version-facts';
import { ZExceptionFormQuery, type TExceptionFormQuery } from '@/lib/validation/exception';

const MAX_TOOLS = 500;

/**
 * What the request form offers: tools to choose from, the chosen tool's versions, and for the
 * chosen version and environment the rules it misses under the policy in force (the only rules
 * a request may name), with the policy's longest allowed exception.
 */
export async function getExceptionRequestOptions(
  { actor, input }: OperationCall<TExceptionFormQuery>,
  ctx?: OperationContextInput,
) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'exception:request');
  const q = parseInput(ZExceptionFormQuery, input);
  const [tools, policies] = await Promise.all([
    db.tool.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' }, take: MAX_TOOLS }),
    getCurrentPolicies({ db }),
  ]);
  const tool = q.toolId
    ? await db.tool.findUnique({ where: { id: q.toolId }, select: { id: true, name: true, latestVersionId: true } })
    : null;
  const versions = tool
    ? await db.toolVersion.findMany({
        where: { toolId: tool.id },
        select: VERSION_FACTS_SELECT,
        orderBy: { createdAt: 'desc' },
        take: 200,
      })
    : [];
  const environment: Environment | null = q.environment ?? null;
  const version = versions.find((v) => v.id === (q.toolVersionId ?? tool?.latestVersionId)) ?? null;
  const failing: { rule: PolicyRule; reason: string; coverable: boolean }[] =
    version && environment
      ? evaluatePolicy(policies[environment], versionFactsOf(version), { now }).blocking.map((b) => ({
          rule: b.rule,
          reason: b.reason,
          coverable: RULE_COVERABLE[b.rule],
        }))
      : [];
  const extending = q.extendsId ? await db.policyException.findUnique({ where: { id: q.extendsId } }) : null;
  return {
    tools,
    tool,
    versions: versions.map((v) => ({ id: v.id, version: v.version, tier: v.tier })),
    version: version ? { id: version.id, version: version.version } : null,
    environment,
    environments: ENVIRONMENTS,
    maxExceptionDays: Object.fromEntries(ENVIRONMENTS.map((e) => [e, policies[e].maxExceptionDays])) as Record<
      Environment,
      number
    >,
    policyVersion: environment ? policies[environment].version : null,
    failing,
    extending,
  };
}

export type ExceptionRequestOptions = Awaited<ReturnType<typeof getExceptionRequestOptions>>;
