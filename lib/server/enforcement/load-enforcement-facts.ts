import 'server-only';
import type { SqlSession } from '@/lib/db/driver';
import type { EnforcementFacts, InstallationState } from '@/lib/domain/policy/enforce-decision';
import { DEFAULT_POLICIES } from '@/lib/domain/policy/defaults';
import type { ExceptionFacts, PolicyFacts, VersionFacts } from '@/lib/domain/policy/types';
import type { QuarantineFacts } from '@/lib/domain/policy/incident-quarantine';
import type { Environment } from '@/lib/domain/types';
import type { TEnforceRequest } from '@/lib/validation/enforce';

// The decision path runs on every agent call, so everything it reads comes back from ONE
// statement (ADR 0008: on the embedded database every statement holds the event loop for a
// fixed slice, on PostgreSQL it is a round trip): the agent, the tool candidates, the version
// and its installation, the policy in force, the tool's approved exceptions, and the
// enforcement generation, read in the same snapshot so that facts and generation always match.
// Every part is an index probe: Agent.name (unique), Tool.name (index) or (registryId,
// externalId) (unique), ToolVersion (toolId, version) (unique), Installation (agentId,
// toolVersionId) (unique), Policy (environment, version) (unique), PolicyException (toolId,
// environment, status) (index). Nothing scans tools, versions or the decision log.
// Timestamps are read as epoch milliseconds: the columns hold UTC without a time zone.

/** The version columns the decision reads; exports select the same ones (lib/server/exports). */
export const VERSION_COLUMNS = `v.id, v."toolId", v.version, v.tier, v."trustScore", v."verificationState",
       (extract(epoch FROM v."lastVerifiedAt") * 1000)::float8 AS "lastVerifiedAtMs",
       v.network, v.filesystem, v."codeExecution", v."dataAccess", v."quarantineStatus",
       (extract(epoch FROM v."yankedAt") * 1000)::float8 AS "yankedAtMs", v."artifactDigest",
       i.state AS "installationState", i."approvedDigest"`;
const EXCEPTION_COLUMNS = `id, rules, "toolId", "toolVersionId", "versionRange", environment, status, (extract(epoch FROM "expiresAt") * 1000)::float8 AS "expiresAtMs"`;
// Incident quarantines in force (issue 14.6), with the incident's number for the reason and the
// versions they hold (none = the whole tool). Index probes: ToolQuarantine (toolId, liftedAt),
// ToolQuarantineVersion's primary key.
const QUARANTINE_COLUMNS = `q.id, q."toolId", q."incidentId", i.number AS "incidentNumber", q.reason,
       coalesce((SELECT json_agg(qv."toolVersionId" ORDER BY qv."toolVersionId") FROM "ToolQuarantineVersion" qv
                  WHERE qv."quarantineId" = q.id), '[]'::json) AS "toolVersionIds"`;
const QUARANTINES_OF_TOOLS = `
SELECT ${QUARANTINE_COLUMNS}
  FROM "ToolQuarantine" q JOIN "Incident" i ON i.id = q."incidentId"
 WHERE q."toolId" = ANY($1::text[]) AND q."liftedAt" IS NULL`;
const EXCEPTIONS_OF_TOOLS = `
SELECT ${EXCEPTION_COLUMNS}
  FROM "PolicyException"
 WHERE "toolId" = ANY($1::text[]) AND environment = $2::"Environment" AND status = 'APPROVED' AND "expiresAt" > $3::timestamp`;

/**
 * $1 agent name, $2 tool (name or registry identifier), $3 registry name or null, $4 version.
 * Exceptions are read whatever the outcome (expired ones too: the pure rule judges expiry at the
 * moment of each decision), so that a cached snapshot serves later calls as well.
 */
const FACTS = `
WITH a AS (SELECT id, environment FROM "Agent" WHERE name = $1),
t AS (
  (SELECT t.id FROM "Tool" t
    WHERE t.name = $2 AND ($3::text IS NULL OR t."registryId" = (SELECT r.id FROM "Registry" r WHERE r.name = $3))
   UNION
   SELECT t.id FROM "Registry" r JOIN "Tool" t ON t."registryId" = r.id AND t."externalId" = $2
    WHERE $3::text IS NULL OR r.name = $3)
  LIMIT 3),
one AS (SELECT id FROM t WHERE (SELECT count(*) FROM t) = 1),
v AS (
  SELECT ${VERSION_COLUMNS}
    FROM "ToolVersion" v
    LEFT JOIN "Installation" i ON i."toolVersionId" = v.id AND i."agentId" = (SELECT id FROM a)
   WHERE v."toolId" = (SELECT id FROM one) AND v.version = $4),
p AS (
  SELECT id, environment, version, "minTier", "minTrustScore", "maxNetwork", "maxFilesystem", "maxCodeExecution",
         "maxDataAccess", "reviewOnExternalNetwork", "reviewOnFilesystemWrite", "reviewOnCodeExecution",
         "requireVersionVerification", "maxVerificationAgeDays", "logUnverified", "gatewayFailOpen"
    FROM "Policy" WHERE environment = (SELECT environment FROM a) ORDER BY version DESC LIMIT 1),
e AS (
  SELECT ${EXCEPTION_COLUMNS} FROM "PolicyException"
   WHERE "toolId" = (SELECT id FROM one) AND environment = (SELECT environment FROM a) AND status = 'APPROVED'
   ORDER BY "expiresAt" DESC LIMIT 50),
q AS (
  SELECT ${QUARANTINE_COLUMNS}
    FROM "ToolQuarantine" q JOIN "Incident" i ON i.id = q."incidentId"
   WHERE q."toolId" = (SELECT id FROM one) AND q."liftedAt" IS NULL
   LIMIT 50)
SELECT (SELECT "value"::text FROM "EnforcementGeneration" WHERE "id" = 1) AS generation,
       (SELECT row_to_json(a) FROM a) AS agent,
       (SELECT coalesce(json_agg(t.id), '[]'::json) FROM t) AS "toolIds",
       (SELECT row_to_json(v) FROM v) AS version,
       (SELECT row_to_json(p) FROM p) AS policy,
       (SELECT coalesce(json_agg(e), '[]'::json) FROM e) AS exceptions,
       (SELECT coalesce(json_agg(q), '[]'::json) FROM q) AS quarantines`;

export interface VersionRow extends Omit<VersionFacts, 'lastVerifiedAt' | 'yankedAt' | 'toolVersionId'> {
  id: string;
  lastVerifiedAtMs: number | null;
  yankedAtMs: number | null;
  artifactDigest: string | null;
  installationState: InstallationState | null;
  approvedDigest: string | null;
}

export type Agent = { id: string; environment: Environment };
const date = (ms: number | null) => (ms === null ? null : new Date(Number(ms)));

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

/** Incident quarantines in force on many tools (the exports' bulk read), by tool. */
export async function loadQuarantinesOfTools(
  db: SqlSession,
  toolIds: readonly string[],
): Promise<Map<string, QuarantineFacts[]>> {
  const byTool = new Map<string, QuarantineFacts[]>();
  if (toolIds.length === 0) return byTool;
  for (const row of await db.query<QuarantineFacts>(QUARANTINES_OF_TOOLS, [[...toolIds]])) {
    const q = { ...row, toolVersionIds: parsed(row.toolVersionIds) };
    byTool.set(q.toolId, [...(byTool.get(q.toolId) ?? []), q]);
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
  quarantines: readonly QuarantineFacts[];
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
    quarantines: p.quarantines,
    now: p.now,
  };
}

/**
 * What the statement returned for one (agent, registry, tool, version): everything a decision
 * needs except the request's action, digest and the moment, so it can serve later calls for as
 * long as `generation` is current. A null generation (counter row missing) is never cached.
 */
export interface FactsSnapshot {
  generation: string | null;
  agent: Agent | null;
  tool: EnforcementFacts['tool'];
  row: VersionRow | null;
  policy: PolicyFacts | null;
  exceptions: readonly ExceptionFacts[];
  quarantines: readonly QuarantineFacts[];
}

interface FactsRow {
  generation: string | null;
  agent: Agent | null;
  toolIds: string[];
  version: VersionRow | null;
  policy: (PolicyFacts & { id: string }) | null;
  exceptions: ExceptionRow[];
  quarantines: QuarantineFacts[];
}

/** json and row_to_json come back parsed from both drivers; a driver handing back text is parsed here. */
const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

export async function loadFactsSnapshot(
  db: SqlSession,
  subject: Pick<TEnforceRequest, 'agent' | 'tool' | 'version'> & { registry?: string | null },
): Promise<FactsSnapshot> {
  const [r] = await db.query<FactsRow>(FACTS, [subject.agent, subject.tool, subject.registry ?? null, subject.version]);
  const agent = r?.agent ? parsed(r.agent) : null;
  const toolIds = r ? parsed(r.toolIds) : [];
  const tool = toolIds.length === 1 ? { id: toolIds[0]! } : toolIds.length > 1 ? ('ambiguous' as const) : null;
  const row = r?.version ? parsed(r.version) : null;
  const policyRow = r?.policy ? parsed(r.policy) : null;
  // Before any policy row exists the defaults are in force (version 0), as everywhere else.
  const policy: PolicyFacts | null = !agent
    ? null
    : (policyRow ?? { ...DEFAULT_POLICIES[agent.environment], id: undefined, environment: agent.environment, version: 0 });
  return {
    generation: r?.generation ?? null,
    agent,
    tool,
    row: tool && tool !== 'ambiguous' ? row : null,
    policy,
    exceptions: (r ? parsed(r.exceptions) : []).map(exceptionFacts),
    quarantines: r ? parsed(r.quarantines) : [],
  };
}

/** The facts of one request from a snapshot, judged at `now`. */
export function factsFromSnapshot(s: FactsSnapshot, input: TEnforceRequest, now: Date): EnforcementFacts {
  return buildEnforcementFacts({
    request: {
      action: input.action === 'install' ? 'INSTALL' : 'INVOKE',
      agentName: input.agent,
      toolName: input.tool,
      versionName: input.version,
      requestedDigest: input.artifactDigest ?? null,
    },
    agent: s.agent,
    tool: s.tool,
    row: s.row,
    policy: s.policy,
    exceptions: s.exceptions,
    quarantines: s.quarantines,
    now,
  });
}
