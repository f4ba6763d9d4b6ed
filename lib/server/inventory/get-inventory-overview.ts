import 'server-only';
import type { Environment, Prisma, PrismaClient, Tier, VerificationState } from '@prisma/client';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { auditorToolScope, auditorWindows, windowsWhere } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { DIMENSIONS, LEVELS, type PermissionDimension } from '@/lib/domain/permissions';

export interface InventoryOverview {
  totalTools: number;
  byTier: Record<Tier, number>;
  /** Distinct tools installed (not revoked) per environment. */
  byEnvironment: Record<Environment, number>;
  byVerification: Record<VerificationState, number>;
  /** Per dimension, tools at each level of their latest version. */
  byPermission: Record<PermissionDimension, Record<string, number>>;
  /** Alerts nobody has acknowledged yet (the same figure as the sidebar and the alert inbox). */
  openAlerts: number;
  agents: number;
}

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * The overview charts' figures, counted in the database (groupBy / COUNT), never over all rows in JS.
 * For an auditor, counted within their open audits (ADR 0010): the tools of their inventory, the
 * alerts of their periods, the agents of their environments.
 */
export async function getInventoryOverview(
  { actor }: OperationCall<Record<string, never>>,
  ctx?: OperationContextInput,
): Promise<InventoryOverview> {
  const { db: prisma, now } = await operationContext(ctx);
  assertActorCan(actor, 'inventory:read');
  const windows = await auditorWindows(prisma, actor, now);
  const scope = windows ? await auditorToolScope(prisma, actor, now) : null;
  const where = scope ?? {};
  const alertScope = windowsWhere(windows, (_w, createdAt) => ({ createdAt }));
  const [totalTools, tiers, states, envs, openAlerts, agents, ...dims] = await Promise.all([
    prisma.tool.count({ where }),
    prisma.tool.groupBy({ by: ['tier'], where, _count: { _all: true } }),
    prisma.tool.groupBy({ by: ['verificationState'], where, _count: { _all: true } }),
    scope
      ? scopedByEnvironment(prisma, scope)
      : prisma.$queryRaw<{ environment: Environment; tools: bigint | number }[]>`
      SELECT "environment"::text AS environment, COUNT(DISTINCT "toolId") AS tools
      FROM "Installation" WHERE "state" <> 'REVOKED' GROUP BY "environment"`,
    prisma.alert.count({ where: { state: 'OPEN', ...(alertScope ? { AND: [alertScope] } : {}) } }),
    prisma.agent.count(windows ? { where: { environment: { in: windows.flatMap((w) => w.environments) } } } : undefined),
    prisma.tool.groupBy({ by: ['network'], where, _count: { _all: true } }),
    prisma.tool.groupBy({ by: ['filesystem'], where, _count: { _all: true } }),
    prisma.tool.groupBy({ by: ['codeExecution'], where, _count: { _all: true } }),
    prisma.tool.groupBy({ by: ['dataAccess'], where, _count: { _all: true } }),
  ]);

  const byTier = zeroes<Tier>(['GOLD', 'VERIFIED', 'PARTIAL', 'UNVERIFIED', 'FAILED']);
  for (const t of tiers) byTier[t.tier] = t._count._all;
  const byVerification = zeroes<VerificationState>(['PASSED', 'FAILED', 'UNVERIFIED']);
  for (const s of states) byVerification[s.verificationState] = s._count._all;
  const byEnvironment = zeroes<Environment>(['PRODUCTION', 'STAGING', 'DEVELOPMENT']);
  for (const e of envs) byEnvironment[e.environment] = Number(e.tools);

  const byPermission = {} as Record<PermissionDimension, Record<string, number>>;
  DIMENSIONS.forEach((d, i) => {
    const counts = zeroes<string>(LEVELS[d]);
    for (const row of (dims[i] ?? []) as unknown as (Record<string, string> & { _count: { _all: number } })[])
      counts[row[d] as string] = row._count._all;
    byPermission[d] = counts;
  });
  return { totalTools, byTier, byEnvironment, byVerification, byPermission, openAlerts, agents };
}

/** An auditor's tools installed (not revoked) per environment: one COUNT per environment. */
async function scopedByEnvironment(prisma: PrismaClient, scope: Prisma.ToolWhereInput) {
  const envs: Environment[] = ['PRODUCTION', 'STAGING', 'DEVELOPMENT'];
  const counts = await Promise.all(
    envs.map((environment) =>
      prisma.tool.count({
        where: { AND: [scope, { installations: { some: { environment, state: { not: 'REVOKED' } } } }] },
      }),
    ),
  );
  return envs.map((environment, i) => ({ environment, tools: counts[i]! }));
}
