import 'server-only';
import type { Prisma } from '@prisma/client';
import { chainHash, GENESIS_HASH } from '@/lib/domain/hash-chain';
import type { Actor } from '@/lib/server/actor';
import { auditHashContent, type AuditEntry } from '@/lib/server/audit/record-audit-event';

// Same lock as recordAuditEvent: both write the one chain.
const AUDIT_CHAIN_LOCK = 4_242_001;

/**
 * Appends several records to the audit chain at once (a sync page touches dozens of tools):
 * one lock, one read of the chain's end, one insert. Same hashing as recordAuditEvent, so
 * verify-audit-chain checks these records like any other.
 */
export async function recordAuditEvents(tx: Prisma.TransactionClient, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } });
  let prevHash = last?.hash ?? GENESIS_HASH;
  const occurredAt = new Date();
  const rows: Prisma.AuditEventCreateManyInput[] = [];
  for (const entry of entries) {
    const record = {
      occurredAt,
      actorType: actor.type,
      actorId: actor.type === 'SYSTEM' ? null : actor.id,
      actorLabel: actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    };
    const hash = chainHash(prevHash, auditHashContent(record));
    rows.push({ ...record, before: record.before ?? undefined, after: record.after ?? undefined, prevHash, hash });
    prevHash = hash;
  }
  // One multi-row INSERT: rows get their sequence numbers in this order, as the chain needs.
  await tx.auditEvent.createMany({ data: rows });
}

function toJson(value: unknown): Prisma.InputJsonValue | null {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Prisma.InputJsonValue;
}
