import 'server-only';
import type { SqlSession } from '@/lib/db/driver';
import type { EnforcementFacts, InstallationState } from '@/lib/domain/policy/enforce-decision';
import type { ExceptionFacts, VersionFacts } from '@/lib/domain/policy/types';
import type { Environment } from '@/lib/domain/types';
import { getCurrentPolicy } from '@/lib/server/policies/get-current-policies';
import type { TEnforceRequest } from '@/lib/validation/enforce';

// The decision path runs on every agent call, so it uses two parameterized SQL round trips
// instead of seven ORM queries (each ORM query costs several milliseconds on the embedded
// database). Every lookup is an index probe: Agent.name (unique), Tool.name (index) or
// (registryId, externalId) (unique, one probe per registry), ToolVersion (toolId, version)
// (unique), Installation (agentId, toolVersionId) (unique), PolicyException
// (toolId, environment, status) (index). Nothing scans tools, versions or the decision log.
// Timestamps are read as epoch milliseconds: the columns are UTC without a time zone.

const AGENT_AND_TOOLS = `
SELECT
  (SELECT json_build_object('id', a.id, 'environment', a.environment) FROM "Agent" a WHERE a.name = $1) AS agent,
  (SELECT coalesce(json_agg(DISTINCT x.id), '[]'::json) FROM (
     SELECT t.id FROM "Tool" t
       WHERE ($3::text IS NULL AND t.name = $2)
          OR ($3::text IS NOT NULL AND t.name = $2 AND t."registryId" = (SELECT r.id FROM "Registry" r WHERE r.name = $3))
     UNION ALL
     SELECT t.id FROM "Registry" r CROSS JOIN LATERAL (
       SELECT t.id FROM "Tool" t WHERE t."registryId" = r.id AND t."externalId" = $2
     ) t
       WHERE $3::text IS NULL OR r.name = $3
     LIMIT 3
  ) x) AS tools`;

const VERSION_FACTS = `
SELECT v.id, v."toolId", v.tier, v."trustScore", v."verificationState",
       (extract(epoch FROM v."lastVerifiedAt") * 1000)::float8 AS "lastVerifiedAtMs",
       v.network, v.filesystem, v."codeExecution", v."dataAccess", v."quarantineStatus",
       (extract(epoch FROM v."yankedAt") * 1000)::float8 AS "yankedAtMs", v."artifactDigest",
       i.state AS "installationState", i."approvedDigest",
       (SELECT coalesce(json_agg(json_build_object('id', e.id, 'rules', e.rules, 'toolId', e."toolId", 'toolVersionId', e."toolVersionId",
                'environment', e.environment, 'status', e.status, 'expiresAtMs', extract(epoch FROM e."expiresAt") * 1000)), '[]'::json)
          FROM (SELECT * FROM "PolicyException" e
                 WHERE e."toolId" = v."toolId" AND e.environment = $4::"Environment" AND e.status = 'APPROVED'
                   AND extract(epoch FROM e."expiresAt") * 1000 > $5 LIMIT 50) e) AS exceptions
  FROM "ToolVersion" v
  LEFT JOIN "Installation" i ON i."toolVersionId" = v.id AND i."agentId" = $3
 WHERE v."toolId" = $1 AND v.version = $2`;

interface VersionRow extends Omit<VersionFacts, 'lastVerifiedAt' | 'yankedAt' | 'toolVersionId'> {
  id: string;
  lastVerifiedAtMs: number | null;
  yankedAtMs: number | null;
  artifactDigest: string | null;
  installationState: InstallationState | null;
  approvedDigest: string | null;
  exceptions: (Omit<ExceptionFacts, 'expiresAt'> & { expiresAtMs: number })[] | string;
}

const json = <T,>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
const date = (ms: number | null) => (ms === null ? null : new Date(Number(ms)));

export async function loadEnforcementFacts(db: SqlSession, input: TEnforceRequest, now: Date): Promise<EnforcementFacts> {
  const [first] = await db.query<{ agent: { id: string; environment: Environment } | string | null; tools: string[] | string }>(AGENT_AND_TOOLS, [
    input.agent,
    input.tool,
    input.registry ?? null,
  ]);
  const agent = first?.agent ? json(first.agent) : null;
  const toolIds = first ? json(first.tools) : [];
  const tool = toolIds.length === 1 ? { id: toolIds[0]! } : toolIds.length > 1 ? ('ambiguous' as const) : null;
  const [row] =
    tool && tool !== 'ambiguous'
      ? await db.query<VersionRow>(VERSION_FACTS, [tool.id, input.version, agent?.id ?? null, agent?.environment ?? 'PRODUCTION', now.getTime()])
      : [];
  const policy = agent ? await getCurrentPolicy(agent.environment) : null;
  return {
    action: input.action === 'install' ? 'INSTALL' : 'INVOKE',
    agentName: input.agent,
    toolName: input.tool,
    versionName: input.version,
    requestedDigest: input.artifactDigest ?? null,
    agent,
    tool,
    version: row
      ? {
          artifactDigest: row.artifactDigest,
          facts: {
            toolId: row.toolId,
            toolVersionId: row.id,
            tier: row.tier,
            trustScore: row.trustScore,
            verificationState: row.verificationState,
            lastVerifiedAt: date(row.lastVerifiedAtMs),
            network: row.network,
            filesystem: row.filesystem,
            codeExecution: row.codeExecution,
            dataAccess: row.dataAccess,
            quarantineStatus: row.quarantineStatus,
            yankedAt: date(row.yankedAtMs),
          },
        }
      : null,
    installation: row?.installationState && agent ? { state: row.installationState, approvedDigest: row.approvedDigest } : null,
    policy,
    exceptions: row && agent ? json(row.exceptions).map(({ expiresAtMs, ...e }) => ({ ...e, expiresAt: new Date(Number(expiresAtMs)) })) : [],
    now,
  };
}
