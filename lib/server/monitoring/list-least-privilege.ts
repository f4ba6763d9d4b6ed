import 'server-only';
import { unusedPermissions, type ObservedLevels, type UnusedPermission } from '@/lib/domain/monitoring/permission-use';
import { DIMENSIONS } from '@/lib/domain/permissions';
import type { PermissionSet } from '@/lib/domain/types';
import type { Actor } from '@/lib/server/actor';
import { assertCanReadEvents } from '@/lib/server/invocations/assert-can-read-events';
import { auditEnvironments, auditorToolScopeSql, auditorWindows } from '@/lib/server/engagements/auditor-scope';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZLeastPrivilegeQuery, type TLeastPrivilegeQuery } from '@/lib/validation/least-privilege';

/** The period a permission must go unused before it is worth taking away. */
export const LEAST_PRIVILEGE_DAYS = 30;

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

type Found = PermissionSet & {
  [K in keyof ObservedLevels as `${K}Used`]: ObservedLevels[K];
} & { toolId: string; toolName: string; versionId: string; version: string; grantedTo: number; calls: number; total: number };

// Each dimension's "declared above the highest level used" test, in SQL so the list is filtered,
// ordered and paged in the database. It relies on each level enum being declared lowest first,
// as LEVELS in lib/domain/permissions.ts (least-privilege-levels.test.ts holds the two together);
// the rows of the page are then explained by unusedPermissions, the domain's rule.
const UNUSED = DIMENSIONS.map((d) => `(v."${d}" > coalesce(o."${d}Used", 'NONE'))::int`).join(' + ');

/** The scored versions (a CTE), from the grant and use conditions; $1 is the start of the 30 days. */
function scored(granted: string, observed: string) {
  return `
WITH granted AS (
  SELECT i."toolVersionId" AS "versionId", count(*)::int AS "grantedTo"
    FROM "Installation" i JOIN "Tool" t ON t.id = i."toolId"
   WHERE i.state IN ('APPROVED', 'ACTIVE') ${granted}
   GROUP BY 1
), observed AS (
  SELECT h."toolVersionId" AS "versionId", sum(h.calls)::int AS calls,
         ${DIMENSIONS.map((d) => `max(h."${d}Used") AS "${d}Used"`).join(', ')}
    FROM "InvocationHourly" h
   WHERE h."toolVersionId" IN (SELECT "versionId" FROM granted) AND h.hour >= $1::timestamp ${observed}
   GROUP BY 1
), scored AS (
  SELECT t.id AS "toolId", t.name AS "toolName", v.id AS "versionId", v.version, g."grantedTo",
         coalesce(o.calls, 0) AS calls, ${UNUSED} AS unused,
         ${DIMENSIONS.map((d) => `v."${d}"::text AS "${d}", o."${d}Used"::text AS "${d}Used"`).join(', ')}
    FROM granted g JOIN "ToolVersion" v ON v.id = g."versionId" JOIN "Tool" t ON t.id = v."toolId"
    LEFT JOIN observed o ON o."versionId" = g."versionId"
)`;
}

/**
 * Least privilege: for each version granted to agents (approved or active installations), the
 * permissions it declares but no call used in the last 30 days, as recommendations; filtered by
 * tool (name or id) and environment, worst first, one page at a time. A version nobody called
 * in the period shows every declared permission as unused.
 */
export async function listLeastPrivilege({ actor, input }: OperationCall<TLeastPrivilegeQuery>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertCanReadEvents(actor as Actor, 'invocation:read');
  const q = parseInput(ZLeastPrivilegeQuery, input);
  const params: unknown[] = [new Date(now.getTime() - LEAST_PRIVILEGE_DAYS * 86_400_000).toISOString()];
  const p = (value: unknown) => `$${params.push(value)}`;
  const granted: string[] = [];
  const observed: string[] = [];
  if (q.toolId) granted.push(`i."toolId" = ${p(q.toolId)}`);
  if (q.q) granted.push(`t.name ILIKE ${p(`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  // Today's grants and the last 30 days' use, not a period's record: an auditor sees the grants
  // to agents of their open audits' environments, of tools in their inventory, and the use
  // observed in those environments only (ADR 0010). The environment filter narrows the same way.
  const windows = await auditorWindows(db, actor, now);
  for (const environments of [auditEnvironments(windows), q.environment ? [q.environment] : null]) {
    if (!environments) continue;
    const list = p(environments);
    granted.push(`i.environment::text = ANY(${list}::text[])`);
    observed.push(`h.environment::text = ANY(${list}::text[])`);
  }
  if (windows) granted.push(auditorToolScopeSql(windows, 'i."toolId"', p));
  const and = (parts: string[]) => parts.map((s) => `AND ${s}`).join(' ');
  const cte = scored(and(granted), and(observed));
  const filters = [...params];
  const found = await db.$queryRawUnsafe<Found[]>(
    `${cte} SELECT *, (count(*) OVER ())::int AS total FROM scored WHERE unused > 0
      ORDER BY unused DESC, "toolName", version, "versionId" LIMIT ${p(q.pageSize)} OFFSET ${p((q.page - 1) * q.pageSize)}`,
    ...params,
  );
  // Past the last page the window's count left with the rows: count once more, unpaged.
  const count = async () => {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
      `${cte} SELECT count(*)::int AS n FROM scored WHERE unused > 0`,
      ...filters,
    );
    return row!.n;
  };
  const total = found[0]?.total ?? (q.page === 1 ? 0 : await count());
  const rows: LeastPrivilegeRow[] = found.map((f) => ({
    toolId: f.toolId,
    toolName: f.toolName,
    versionId: f.versionId,
    version: f.version,
    grantedTo: f.grantedTo,
    callsInPeriod: f.calls,
    unused: unusedPermissions(f, {
      network: f.networkUsed,
      filesystem: f.filesystemUsed,
      codeExecution: f.codeExecutionUsed,
      dataAccess: f.dataAccessUsed,
    }),
  }));
  return { days: LEAST_PRIVILEGE_DAYS, rows, total, page: q.page, pageSize: q.pageSize };
}

export type LeastPrivilegeList = Awaited<ReturnType<typeof listLeastPrivilege>>;
