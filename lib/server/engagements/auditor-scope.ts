import 'server-only';
import { Prisma, type Environment, type PrismaClient } from '@prisma/client';
import type { AuditEntityType } from '@/lib/domain/audit-actions';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { forbidden } from '@/lib/server/errors';
import type { ToolCondition } from '@/lib/server/inventory/tool-condition';

/** One open audit's slice of the data: its period [from, to) and its environments. */
export interface AuditWindow {
  engagementId: string;
  from: Date;
  to: Date;
  environments: Environment[];
}

/** An auditor's reads are scoped to their open audits; every other actor's are not. */
export const isAuditor = (actor: Actor): actor is Extract<Actor, { type: 'USER' }> =>
  actor.type === 'USER' && actor.role === 'AUDITOR';

/**
 * What an auditor may see on the pages outside the portal (ADR 0010, issue 14.3): the union of
 * the audits open to them now, each with its own period and environments (a record must fall in
 * one audit's period AND environments, not one's period and another's environments). Null for
 * every other actor: they are not scoped. An auditor with no open audit gets no window at all,
 * so every scoped read returns nothing (the entry point already sent them to the portal).
 */
export async function auditorWindows(db: PrismaClient, actor: Actor, now: Date): Promise<AuditWindow[] | null> {
  if (!isAuditor(actor)) return null;
  const open = await db.auditEngagement.findMany({
    where: { auditors: { some: { userId: actor.id } }, accessOpensAt: { lte: now }, accessClosesAt: { gt: now } },
    select: { id: true, periodStart: true, periodEnd: true, environments: true },
    orderBy: { periodStart: 'asc' },
  });
  return open.map((e) => ({ engagementId: e.id, from: e.periodStart, to: e.periodEnd, environments: e.environments }));
}

/**
 * A where clause matching the records inside one of the windows, from how a model names its time
 * and its environment (`environment` builds the environment condition; a record with none, e.g.
 * an unknown agent's call, counts only in an audit of every environment). No windows → `null`,
 * meaning "not scoped"; an empty list of windows → a clause matching nothing.
 */
export function windowsWhere<W>(
  windows: AuditWindow[] | null,
  build: (w: AuditWindow, range: { gte: Date; lt: Date }, allEnvironments: boolean) => W,
): { OR: W[] } | null {
  if (!windows) return null;
  // No open audit: one empty window (no time, no environment, no audit), which matches nothing
  // (an empty OR would not restrict at all).
  const list = windows.length ? windows : [{ engagementId: '', from: new Date(0), to: new Date(0), environments: [] }];
  return { OR: list.map((w) => build(w, { gte: w.from, lt: w.to }, w.environments.length === 3)) };
}

/**
 * The inventory an auditor sees: tools installed on an agent of an open audit's environments at
 * some point of its period (installed before it ended, not revoked before it began).
 */
export async function auditorToolScope(db: PrismaClient, actor: Actor, now: Date): Promise<Prisma.ToolWhereInput | null> {
  return (await auditorToolScopeCondition(db, actor, now))?.where ?? null;
}

/** The same scope with its SQL beside it, for the inventory's bounded count (tool-condition.ts). */
export async function auditorToolScopeCondition(db: PrismaClient, actor: Actor, now: Date): Promise<ToolCondition | null> {
  return toolScopeOf(await auditorWindows(db, actor, now));
}

/** The tools in use inside the windows, in both forms; null (not scoped) without windows. */
export function toolScopeOf(windows: AuditWindow[] | null): ToolCondition | null {
  const where = windowsWhere(windows, (w) => ({
    installations: {
      some: {
        environment: { in: w.environments },
        AND: [
          { OR: [{ approvedAt: { lt: w.to } }, { createdAt: { lt: w.to } }] },
          { OR: [{ revokedAt: null }, { revokedAt: { gte: w.from } }] },
        ],
      },
    },
  }));
  if (!where) return null;
  const at = (d: Date) => Prisma.sql`CAST(${d.toISOString()} AS timestamp(3))`;
  const sql = windowsWhere(windows, (w) =>
    w.environments.length === 0
      ? Prisma.sql`FALSE`
      : Prisma.sql`EXISTS (SELECT 1 FROM "Installation" i WHERE i."toolId" = t."id"
          AND i."environment" IN (${Prisma.join(w.environments.map((e) => Prisma.sql`CAST(${e} AS "Environment")`))})
          AND (i."approvedAt" < ${at(w.to)} OR i."createdAt" < ${at(w.to)})
          AND (i."revokedAt" IS NULL OR i."revokedAt" >= ${at(w.from)}))`,
  )!;
  return { where, sql: Prisma.sql`(${Prisma.join(sql.OR, ' OR ')})` };
}

/**
 * auditorToolScope for a raw SQL read (the least-privilege list): a condition that the tool whose
 * id is in `toolColumn` was installed in one window's environments during its period, the same
 * rule as above; `param` adds a bind parameter and returns its placeholder. No window: FALSE.
 */
export function auditorToolScopeSql(windows: AuditWindow[], toolColumn: string, param: (value: unknown) => string): string {
  if (windows.length === 0) return 'FALSE';
  const each = windows.map((w) => {
    const [from, to] = [param(w.from.toISOString()), param(w.to.toISOString())];
    return `(x.environment::text = ANY(${param(w.environments)}::text[])
      AND (x."approvedAt" < ${to}::timestamp OR x."createdAt" < ${to}::timestamp)
      AND (x."revokedAt" IS NULL OR x."revokedAt" >= ${from}::timestamp))`;
  });
  return `EXISTS (SELECT 1 FROM "Installation" x WHERE x."toolId" = ${toolColumn} AND (${each.join(' OR ')}))`;
}

/**
 * A record outside every audit open to the auditor: 403, and the attempt is on the record
 * (issue 14, "Bad input": outside their scope an auditor gets a 403 and the attempt is logged).
 */
export async function refuseOutsideAudits(
  db: PrismaClient,
  actor: Actor,
  entityType: AuditEntityType,
  entityId: string,
): Promise<never> {
  await db.$transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: 'engagement.accessRefused',
      entityType,
      entityId,
      after: { reason: 'outside the audits open to you' },
    }),
  );
  throw forbidden('This record is outside the audits open to you');
}

/**
 * A detail read as an auditor (ADR 0010): `inside` says whether the record falls in one of the
 * audits open to them now; when it does not, 403 and logged (refuseOutsideAudits). Other actors
 * pass untouched. Call it after the record was found, so an unknown id stays a 404.
 */
export async function assertInsideAudits(
  db: PrismaClient,
  actor: Actor,
  now: Date,
  record: { entityType: AuditEntityType; entityId: string },
  inside: (windows: AuditWindow[]) => boolean | Promise<boolean>,
): Promise<void> {
  const windows = await auditorWindows(db, actor, now);
  if (windows && !(await inside(windows))) await refuseOutsideAudits(db, actor, record.entityType, record.entityId);
}

/** The same for a tool (its detail, risk and data flow pages): inside when the auditor's inventory holds it. */
export async function assertToolInsideAudits(db: PrismaClient, actor: Actor, now: Date, toolId: string): Promise<void> {
  const scope = await auditorToolScope(db, actor, now);
  if (scope && (await db.tool.count({ where: { AND: [{ id: toolId }, scope] } })) === 0)
    await refuseOutsideAudits(db, actor, 'Tool', toolId);
}

/** Whether a span [from, to) (to null: still running) overlaps an audit's period. */
export const overlapsPeriod = (w: AuditWindow, from: Date, to: Date | null) => from < w.to && (to === null || to >= w.from);

/**
 * The environments of the audits open to an auditor (their union), for the "current state" views
 * that cannot be bound to a period (compliance matrix, least privilege, compliance report): they
 * show today's state limited to these environments. Null for every other actor (not scoped); an
 * auditor with no open audit gets an empty list, which those reads treat as "nothing".
 */
export function auditEnvironments(windows: AuditWindow[] | null): Environment[] | null {
  if (!windows) return null;
  return [...new Set(windows.flatMap((w) => w.environments))];
}
