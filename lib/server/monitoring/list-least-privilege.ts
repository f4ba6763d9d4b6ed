import 'server-only';
import { z } from 'zod';
import { unusedPermissions, type ObservedLevels, type UnusedPermission } from '@/lib/domain/monitoring/permission-use';
import type { Actor } from '@/lib/server/actor';
import { assertCanReadEvents } from '@/lib/server/invocations/assert-can-read-events';
import { auditEnvironments, auditorToolScope, auditorWindows } from '@/lib/server/engagements/auditor-scope';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZRecordId } from '@/lib/validation/inventory';

/** The period a permission must go unused before it is worth taking away. */
export const LEAST_PRIVILEGE_DAYS = 30;

const ZListLeastPrivilegeInput = z.object({ toolId: ZRecordId.optional() });
export type TListLeastPrivilegeInput = z.input<typeof ZListLeastPrivilegeInput>;

export interface LeastPrivilegeRow {
  toolId: string;
  toolName: string;
  versionId: string;
  version: string;
  /** Agents with an approved or active installation of this version. */
  grantedTo: number;
  callsInPeriod: number;
  unused: UnusedPermission[];
}

// Highest level per dimension each version used in the period, from the hourly rollup.
const OBSERVED = `
SELECT h."toolVersionId" AS "versionId", sum(h.calls)::int AS calls,
       max(h."networkUsed")::text AS network, max(h."filesystemUsed")::text AS filesystem,
       max(h."codeExecutionUsed")::text AS "codeExecution", max(h."dataAccessUsed")::text AS "dataAccess"
  FROM "InvocationHourly" h
 WHERE h."toolVersionId" = ANY($1::text[]) AND h.hour >= $2::timestamp
   AND ($3::text[] IS NULL OR h.environment::text = ANY($3::text[]))
 GROUP BY 1`;

/**
 * Least privilege: for each version granted to agents (approved or active installations), the
 * permissions it declares but no event used in the last 30 days, as recommendations. A version
 * nobody called in the period shows every declared permission as unused.
 */
export async function listLeastPrivilege({ actor, input }: OperationCall<TListLeastPrivilegeInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertCanReadEvents(actor as Actor, 'invocation:read');
  const { toolId } = parseInput(ZListLeastPrivilegeInput, input);
  // Today's grants and the last 30 days' use, not a period's record: an auditor sees the grants
  // to agents of their open audits' environments, of tools in their inventory, and the use
  // observed in those environments only (ADR 0010).
  const environments = auditEnvironments(await auditorWindows(db, actor, now));
  const toolScope = environments ? await auditorToolScope(db, actor, now) : null;
  const granted = await db.installation.groupBy({
    by: ['toolVersionId'],
    where: {
      state: { in: ['APPROVED', 'ACTIVE'] },
      ...(toolId ? { toolId } : {}),
      ...(environments ? { environment: { in: environments }, tool: toolScope! } : {}),
    },
    _count: true,
  });
  if (granted.length === 0) return { days: LEAST_PRIVILEGE_DAYS, rows: [] as LeastPrivilegeRow[] };
  const ids = granted.map((g) => g.toolVersionId);
  const [versions, observed] = await Promise.all([
    db.toolVersion.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        version: true,
        network: true,
        filesystem: true,
        codeExecution: true,
        dataAccess: true,
        tool: { select: { id: true, name: true } },
      },
    }),
    db.$queryRawUnsafe<(ObservedLevels & { versionId: string; calls: number })[]>(
      OBSERVED,
      ids,
      new Date(now.getTime() - LEAST_PRIVILEGE_DAYS * 86_400_000).toISOString(),
      // Null: every environment (and calls of agents outside the inventory).
      environments,
    ),
  ]);
  const seen = new Map(observed.map((o) => [o.versionId, o]));
  const grantedTo = new Map(granted.map((g) => [g.toolVersionId, g._count]));
  const rows: LeastPrivilegeRow[] = versions
    .map((v) => {
      const o = seen.get(v.id);
      return {
        toolId: v.tool.id,
        toolName: v.tool.name,
        versionId: v.id,
        version: v.version,
        grantedTo: grantedTo.get(v.id) ?? 0,
        callsInPeriod: o?.calls ?? 0,
        unused: unusedPermissions(v, o ?? { network: null, filesystem: null, codeExecution: null, dataAccess: null }),
      };
    })
    .filter((r) => r.unused.length > 0)
    .sort(
      (a, b) => b.unused.length - a.unused.length || a.toolName.localeCompare(b.toolName) || a.version.localeCompare(b.version),
    );
  return { days: LEAST_PRIVILEGE_DAYS, rows };
}
