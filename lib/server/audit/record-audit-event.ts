import type { Prisma } from '@prisma/client';
import { chainHash, GENESIS_HASH } from '@/lib/domain/hash-chain';
import type { Actor } from '@/lib/server/actor';
import type { AuditAction, AuditEntityType } from '@/lib/domain/audit-actions';
import { redactSecrets } from '@/lib/domain/redact-secrets';

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
  const rows: Prisma.AuditEventCreateManyInput[] = entries.map((entry) => {
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
    const row = { ...record, before: record.before ?? undefined, after: record.after ?? undefined, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await tx.auditEvent.createMany({ data: rows });
}

/** JSON as it will read back from the database (dates as strings), so the hash recomputes. */
function toJson(value: unknown): Prisma.InputJsonValue | null {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}
