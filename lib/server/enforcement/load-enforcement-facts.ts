import 'server-only';
import type { SqlSession } from '@/lib/db/driver';
import type { EnforcementFacts, InstallationState } from '@/lib/domain/policy/enforce-decision';
import { evaluatePolicy } from '@/lib/domain/policy/evaluate';
import type { ExceptionFacts, VersionFacts } from '@/lib/domain/policy/types';
import type { Environment } from '@/lib/domain/types';
import { getCurrentPolicy } from '@/lib/server/policies/get-current-policies';
import type { TEnforceRequest } from '@/lib/validation/enforce';
import { createIdentityCache } from './identity-cache';

// The decision path runs on every agent call, so it uses small parameterized SQL statements
// (each ORM query costs several milliseconds on the embedded database, a simple statement a few
// tenths). Every lookup is an index probe: Agent.name (unique), Tool.name (index) or
// (registryId, externalId) (unique, one probe per registry), ToolVersion (toolId, version)
// (unique), Installation (agentId, toolVersionId) (unique), PolicyException
// (toolId, environment, status) (index). Nothing scans tools, versions or the decision log.
// Timestamps are read as epoch milliseconds: the columns hold UTC without a time zone.

const AGENT = `SELECT id, environment FROM "Agent" WHERE name = $1`;
const TOOLS = `
SELECT t.id FROM "Tool" t
 WHERE t.name = $1 AND ($2::text IS NULL OR t."registryId" = (SELECT r.id FROM "Registry" r WHERE r.name = $2))
UNION
SELECT t.id FROM "Registry" r JOIN "Tool" t ON t."registryId" = r.id AND t."externalId" = $1
 WHERE $2::text IS NULL OR r.name = $2
LIMIT 3`;
/** The version columns the decision reads; exports select the same ones (lib/server/exports). */
export const VERSION_COLUMNS = `v.id, v."toolId", v.version, v.tier, v."trustScore", v."verificationState",
       (extract(epoch FROM v."lastVerifiedAt") * 1000)::float8 AS "lastVerifiedAtMs",
       v.network, v.filesystem, v."codeExecution", v."dataAccess", v."quarantineStatus",
       (extract(epoch FROM v."yankedAt") * 1000)::float8 AS "yankedAtMs", v."artifactDigest",
       i.state AS "installationState", i."approvedDigest"`;
const VERSION = `
SELECT ${VERSION_COLUMNS}
  FROM "ToolVersion" v
  LEFT JOIN "Installation" i ON i."toolVersionId" = v.id AND i."agentId" = $3
 WHERE v."toolId" = $1 AND v.version = $2`;
const EXCEPTION_COLUMNS = `id, rules, "toolId", "toolVersionId", "versionRange", environment, status, (extract(epoch FROM "expiresAt") * 1000)::float8 AS "expiresAtMs"`;
const EXCEPTIONS = `
SELECT ${EXCEPTION_COLUMNS}
  FROM "PolicyException"
 WHERE "toolId" = $1 AND environment = $2::"Environment" AND status = 'APPROVED' AND "expiresAt" > $3::timestamp
 LIMIT 50`;
const EXCEPTIONS_OF_TOOLS = `
SELECT ${EXCEPTION_COLUMNS}
  FROM "PolicyException"
 WHERE "toolId" = ANY($1::text[]) AND environment = $2::"Environment" AND status = 'APPROVED' AND "expiresAt" > $3::timestamp`;

export interface VersionRow extends Omit<VersionFacts, 'lastVerifiedAt' | 'yankedAt' | 'toolVersionId'> {
  id: string;
  lastVerifiedAtMs: number | null;
  yankedAtMs: number | null;
  artifactDigest: string | null;
  installationState: InstallationState | null;
  approvedDigest: string | null;
}

export type Agent = { id: string; environment: Environment };
const agents = createIdentityCache<Agent>();
const tools = createIdentityCache<string[]>();
const date = (ms: number | null) => (ms === null ? null : new Date(Number(ms)));

async function findAgent(db: SqlSession, name: string): Promise<Agent | null> {
  const cached = agents.get(name);
  if (cached) return cached;
  const [row] = await db.query<Agent>(AGENT, [name]);
  if (row) agents.set(name, row);
  return row ?? null;
}

async function findToolIds(db: SqlSession, tool: string, registry: string | null): Promise<string[]> {
  const key = `${registry ?? ''}\u0000${tool}`;
  const cached = tools.get(key);
  if (cached) return cached;
  const ids = (await db.query<{ id: string }>(TOOLS, [tool, registry])).map((r) => r.id);
  if (ids.length) tools.set(key, ids);
  return ids;
}

export function versionFacts(row: VersionRow): VersionFacts {
  return {
    toolId: row.toolId,
    toolVersionId: row.id,
    version: row.version,
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
  };
}

type ExceptionRow = Omit<ExceptionFacts, 'expiresAt'> & { expiresAtMs: number };
const exceptionFacts = ({ expiresAtMs, ...e }: ExceptionRow): ExceptionFacts => ({
  ...e,
  expiresAt: new Date(Number(expiresAtMs)),
});

/** Approved, unexpired exceptions of many tools in one environment (the exports' bulk read). */
export async function loadExceptionsOfTools(
  db: SqlSession,
  toolIds: readonly string[],
  environment: Environment,
  now: Date,
): Promise<Map<string, ExceptionFacts[]>> {
  const byTool = new Map<string, ExceptionFacts[]>();
  if (toolIds.length === 0) return byTool;
  for (const row of await db.query<ExceptionRow>(EXCEPTIONS_OF_TOOLS, [[...toolIds], environment, now.toISOString()])) {
    const e = exceptionFacts(row);
    byTool.set(e.toolId, [...(byTool.get(e.toolId) ?? []), e]);
  }
  return byTool;
}

/**
 * The facts for one (agent, tool, version) from rows already read: the enforcement API and the
 * allowlist exports both build them here, so both decide on exactly the same inputs.
 */
export function buildEnforcementFacts(p: {
  request: Pick<EnforcementFacts, 'action' | 'agentName' | 'toolName' | 'versionName' | 'requestedDigest'>;
  agent: Agent | null;
  tool: EnforcementFacts['tool'];
  row: VersionRow | null;
  policy: EnforcementFacts['policy'];
  exceptions: readonly ExceptionFacts[];
  now: Date;
}): EnforcementFacts {
  const facts = p.row ? versionFacts(p.row) : null;
  return {
    ...p.request,
    agent: p.agent,
    tool: p.tool,
    version: p.row && facts ? { artifactDigest: p.row.artifactDigest, facts } : null,
    installation:
      p.row?.installationState && p.agent ? { state: p.row.installationState, approvedDigest: p.row.approvedDigest } : null,
    policy: p.policy,
    exceptions: p.exceptions,
    now: p.now,
  };
}

export async function loadEnforcementFacts(db: SqlSession, input: TEnforceRequest, now: Date): Promise<EnforcementFacts> {
  const agent = await findAgent(db, input.agent);
  const toolIds = await findToolIds(db, input.tool, input.registry ?? null);
  const tool = toolIds.length === 1 ? { id: toolIds[0]! } : toolIds.length > 1 ? ('ambiguous' as const) : null;
  const [row] =
    tool && tool !== 'ambiguous' ? await db.query<VersionRow>(VERSION, [tool.id, input.version, agent?.id ?? null]) : [];
  const policy = agent ? await getCurrentPolicy(agent.environment) : null;
  const facts = row ? versionFacts(row) : null;
  // Exceptions only matter when a rule fails: the common, compliant call skips the query.
  let exceptions: ExceptionFacts[] = [];
  if (facts && agent && policy && !evaluatePolicy(policy, facts, { now }).passes) {
    exceptions = (await db.query<ExceptionRow>(EXCEPTIONS, [facts.toolId, agent.environment, now.toISOString()])).map(
      exceptionFacts,
    );
  }
  return buildEnforcementFacts({
    request: {
      action: input.action === 'install' ? 'INSTALL' : 'INVOKE',
      agentName: input.agent,
      toolName: input.tool,
      versionName: input.version,
      requestedDigest: input.artifactDigest ?? null,
    },
    agent,
    tool,
    row: row ?? null,
    policy,
    exceptions,
    now,
  });
}
