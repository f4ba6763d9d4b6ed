import type { Prisma } from '@prisma/client';
import { chainHash, GENESIS_HASH } from '@/lib/domain/hash-chain';
import type { Actor } from '@/lib/server/actor';
import type { AuditAction, AuditEntityType } from '@/lib/domain/audit-actions';
import { redactSecrets } from '@/lib/domain/redact-secrets';
import { withBulkArgs } from '@/lib/db/bulk-args';

export interface AuditEntry {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** What the hash covers: everything but the hash itself and the sequence number. */
export function auditHashContent(e: {
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}) {
  return {
    occurredAt: e.occurredAt,
    actorType: e.actorType,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
  };
}

// Any constant works; it only has to be the same for every writer of the chain.
const AUDIT_CHAIN_LOCK = 4_242_001;

/**
 * Appends one record to the audit chain. Call it inside the transaction of the change it
 * describes, so the change and its record commit or fail together.
 */
export async function recordAuditEvent(tx: Prisma.TransactionClient, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAuditEvents(tx, actor, [entry]);
}

/**
 * Appends several records at once (a sync page touches dozens of tools): one lock, one read of
 * the chain's end, one multi-row insert whose sequence numbers follow the chain's order.
 */
export async function recordAuditEvents(
  tx: Prisma.TransactionClient,
  actor: Actor,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  // Writers take turns at the end of the chain; the lock ends with the transaction.
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } });
  let prevHash = last?.hash ?? GENESIS_HASH;
  const occurredAt = new Date();
  const rows = entries.map((entry, i) => {
    const record = {
      occurredAt,
      actorType: actor.type,
      actorId: actor.type === 'SYSTEM' ? null : actor.id,
      actorLabel: actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      // Redacted before hashing: the chain is append-only, a secret written here stays forever.
      before: toJson(redactSecrets(entry.before)),
      after: toJson(redactSecrets(entry.after)),
    };
    const hash = chainHash(prevHash, auditHashContent(record));
    const row = { i, ...record, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // One statement with the rows as a single JSON parameter, passed by handle (lib/db/bulk-args.ts):
  // Prisma's createMany spent ~40 ms of CPU on a sync page's ~100 records, the insert itself ~6 ms
  // (issue 9.3). Sequence numbers are taken in the entries' order (ORDER BY i), so they follow
  // the chain; a JSON null reads as SQL NULL, as createMany wrote an absent before/after.
  await withBulkArgs([JSON.stringify(rows)], ([json]) =>
    tx.$executeRawUnsafe(
      `INSERT INTO "AuditEvent" ("occurredAt","actorType","actorId","actorLabel","action","entityType","entityId","before","after","prevHash","hash")
       SELECT x."occurredAt",x."actorType",x."actorId",x."actorLabel",x."action",x."entityType",x."entityId",x."before",x."after",x."prevHash",x."hash"
       FROM jsonb_to_recordset($1::jsonb) AS x("i" integer,"occurredAt" timestamp(3),"actorType" "ActorType","actorId" text,"actorLabel" text,"action" text,"entityType" text,"entityId" text,"before" jsonb,"after" jsonb,"prevHash" text,"hash" text)
       ORDER BY x."i"`,
      json,
    ),
  );
}

/** JSON as it will read back from the database (dates as strings), so the hash recomputes. */
function toJson(value: unknown): Prisma.InputJsonValue | null {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}
