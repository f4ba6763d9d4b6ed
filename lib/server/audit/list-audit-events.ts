import 'server-only';
import type { Prisma } from '@prisma/client';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { auditorWindows, windowsWhere } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { ZListAuditEventsInput, type TAuditFilterInput, type TListAuditEventsInput } from '@/lib/validation/audit';
import { auditEntityNames } from './audit-entity-names';

export interface AuditEventRow {
  seq: string;
  occurredAt: Date;
  actorType: 'USER' | 'API_KEY' | 'SYSTEM';
  actorId: string | null;
  actorLabel: string;
  /** The acting user's name, when the actor is a user who still exists. */
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** What people call the record (a tool's name, a user's name), when it still exists. */
  entityName: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditEventPage {
  rows: AuditEventRow[];
  /** Cursor for the next (older) page, if any. */
  olderThan: string | null;
  /** Cursor for the previous (newer) page, if any. */
  newerThan: string | null;
}

const DAY_MS = 86_400_000;

export function auditWhere(f: TAuditFilterInput): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  if (f.entityType) where.entityType = f.entityType;
  if (f.entityId) where.entityId = f.entityId;
  if (f.action) where.action = { startsWith: f.action };
  if (f.actor) where.OR = [{ actorId: f.actor }, { actorLabel: { contains: f.actor, mode: 'insensitive' } }];
  if (f.engagement)
    where.AND = [
      {
        OR: [
          { entityType: 'AuditEngagement', entityId: f.engagement },
          { action: 'user.pageViewed', after: { path: ['openEngagements'], array_contains: [f.engagement] } },
        ],
      },
    ];
  if (f.from || f.to) {
    where.occurredAt = {
      ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}),
      ...(f.to ? { lt: new Date(Date.parse(`${f.to}T00:00:00Z`) + DAY_MS) } : {}),
    };
  }
  return where;
}

/**
 * Newest first, keyset-paginated on seq (the primary key), so page 1 000 costs what page 1
 * costs: no OFFSET. `before` pages back in time, `after` pages forward. Rows carry the names of
 * the actor and the record where they exist, looked up for the page only.
 */
export async function listAuditEvents(
  { actor, input }: OperationCall<TListAuditEventsInput>,
  ctx?: OperationContextInput,
): Promise<AuditEventPage> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'audit:read');
  const { pageSize, ...filter } = parseInput(ZListAuditEventsInput, input);
  // An auditor reads the trail of their open audits' periods (ADR 0010), and their audits' own
  // activity (views, samples, requests) whenever it happened.
  const windows = await auditorWindows(db, actor, now);
  const scope = windowsWhere(windows, (w, occurredAt): Prisma.AuditEventWhereInput => ({
    OR: [{ occurredAt }, { entityType: 'AuditEngagement', entityId: w.engagementId }],
  }));
  const where: Prisma.AuditEventWhereInput = scope ? { AND: [auditWhere(filter), scope] } : auditWhere(filter);
  const forward = filter.after !== undefined && filter.before === undefined;
  const cursor = forward ? { seq: { gt: BigInt(filter.after!) } } : filter.before ? { seq: { lt: BigInt(filter.before) } } : {};
  const found = await db.auditEvent.findMany({
    where: { AND: [where, cursor] },
    orderBy: { seq: forward ? 'asc' : 'desc' },
    take: pageSize + 1,
  });
  const more = found.length > pageSize;
  const page = found.slice(0, pageSize);
  if (forward) page.reverse();
  const names = await auditEntityNames(db, [
    ...page.map((e) => ({ entityType: e.entityType, entityId: e.entityId })),
    ...page.flatMap((e) => (e.actorType === 'USER' && e.actorId ? [{ entityType: 'User', entityId: e.actorId }] : [])),
  ]);
  const rows = page.map((e) => ({
    ...e,
    seq: e.seq.toString(),
    actorName: e.actorType === 'USER' && e.actorId ? (names.get(`User:${e.actorId}`) ?? null) : null,
    entityName: names.get(`${e.entityType}:${e.entityId}`) ?? null,
  }));
  const newest = rows[0]?.seq;
  const oldest = rows[rows.length - 1]?.seq;
  if (!newest || !oldest) return { rows, olderThan: null, newerThan: forward ? filter.after! : (filter.before ?? null) };
  const hasOlder = forward ? await exists(where, { lt: BigInt(oldest) }) : more;
  const hasNewer = forward ? more : filter.before ? await exists(where, { gt: BigInt(newest) }) : false;
  return { rows, olderThan: hasOlder ? oldest : null, newerThan: hasNewer ? newest : null };

  async function exists(w: Prisma.AuditEventWhereInput, seq: Prisma.BigIntFilter) {
    return (await db.auditEvent.findFirst({ where: { AND: [w, { seq }] }, select: { seq: true } })) !== null;
  }
}

/**
 * Distinct entity types for the filter picker. A loose index scan (recursive CTE hopping
 * through the (entityType, entityId, seq) index) stays fast however long the trail grows,
 * where SELECT DISTINCT would read every row.
 */
export async function listAuditEntityTypes(
  { actor }: OperationCall<Record<string, never>>,
  ctx?: OperationContextInput,
): Promise<string[]> {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'audit:read');
  const rows = await db.$queryRaw<{ entityType: string }[]>`
    WITH RECURSIVE t AS (
      (SELECT "entityType" FROM "AuditEvent" ORDER BY "entityType" LIMIT 1)
      UNION ALL
      SELECT (SELECT "entityType" FROM "AuditEvent" WHERE "entityType" > t."entityType" ORDER BY "entityType" LIMIT 1)
      FROM t WHERE t."entityType" IS NOT NULL
    )
    SELECT "entityType" FROM t WHERE "entityType" IS NOT NULL`;
  return rows.map((r) => r.entityType);
}
