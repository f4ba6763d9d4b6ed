import 'server-only';
import type { SqlSession } from '@/lib/db/driver';
import { decideEnforcement } from '@/lib/domain/policy/enforce-decision';
import type { ExportableVersion } from '@/lib/domain/exports/types';
import type { Environment, PermissionSet } from '@/lib/domain/types';
import {
  buildEnforcementFacts,
  loadExceptionsOfTools,
  loadQuarantinesOfTools,
  VERSION_COLUMNS,
  type VersionRow,
} from '@/lib/server/enforcement/load-enforcement-facts';
import { getCurrentPolicy } from '@/lib/server/policies/get-current-policies';

// Every installation of the environment's agents with the version columns the enforcement
// decision reads (the same select list as the enforce path) and what the exports need besides.
const INSTALLATIONS = `
SELECT a.id AS "agentId", a.name AS "agentName", t.name AS "toolName", t."externalId",
       v.version, v."declaredPermissions", v."allowedDomains", ${VERSION_COLUMNS}
  FROM "Installation" i
  JOIN "Agent" a ON a.id = i."agentId"
  JOIN "ToolVersion" v ON v.id = i."toolVersionId"
  JOIN "Tool" t ON t.id = v."toolId"
 WHERE a.environment = $1::"Environment"
 ORDER BY t."externalId", v.version, a.name`;

interface InstallationRow extends VersionRow {
  toolId: string;
  agentId: string;
  agentName: string;
  toolName: string;
  externalId: string;
  version: string;
  declaredPermissions: unknown;
  allowedDomains: string[] | null;
}

/**
 * The versions the enforcement API would allow in one environment: a version is exported exactly
 * when `decideEnforcement` allows an agent of that environment to INVOKE it (installation approved
 * AND active, approved digest still current, policy passes or an approved unexpired exception
 * covers it, not quarantined — by the registry or by an incident —, revoked or yanked). The same facts builder and the same pure
 * decision as POST /api/v1/enforce, run once per installation; nothing else decides. Allowlist
 * entries play no part, exactly as in enforcement.
 */
export async function loadAllowedVersions(db: SqlSession, environment: Environment, now: Date): Promise<ExportableVersion[]> {
  const rows = await db.query<InstallationRow>(INSTALLATIONS, [environment]);
  const policy = await getCurrentPolicy(environment);
  const toolIds = [...new Set(rows.map((r) => r.toolId))];
  const exceptions = await loadExceptionsOfTools(db, toolIds, environment, now);
  const quarantines = await loadQuarantinesOfTools(db, toolIds);
  const allowed = new Map<string, ExportableVersion>();
  for (const row of rows) {
    if (allowed.has(row.id)) continue;
    const facts = buildEnforcementFacts({
      request: {
        action: 'INVOKE',
        agentName: row.agentName,
        toolName: row.externalId,
        versionName: row.version,
        requestedDigest: null,
      },
      agent: { id: row.agentId, environment },
      tool: { id: row.toolId },
      row,
      policy,
      exceptions: exceptions.get(row.toolId) ?? [],
      quarantines: quarantines.get(row.toolId) ?? [],
      now,
    });
    if (decideEnforcement(facts).outcome !== 'ALLOW') continue;
    const permissions: PermissionSet = {
      network: row.network,
      filesystem: row.filesystem,
      codeExecution: row.codeExecution,
      dataAccess: row.dataAccess,
    };
    allowed.set(row.id, {
      toolId: row.toolId,
      toolVersionId: row.id,
      externalId: row.externalId,
      name: row.toolName,
      version: row.version,
      artifactDigest: row.approvedDigest ?? row.artifactDigest,
      permissions,
      allowedDomains: row.allowedDomains ?? [],
      declared: row.declaredPermissions,
    });
  }
  return [...allowed.values()];
}
