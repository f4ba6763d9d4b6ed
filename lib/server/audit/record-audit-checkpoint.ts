import 'server-only';
import type { AuditCheckpoint, Prisma } from '@prisma/client';
import { checkpointKey } from '@/lib/auth/secret';
import { checkpointKeyId, signCheckpoint } from '@/lib/domain/audit-checkpoint';
import { GENESIS_HASH } from '@/lib/domain/hash-chain';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { invocationChainHead } from '@/lib/server/invocations/chain-head';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZRecordAuditCheckpointInput, type TRecordAuditCheckpointInput } from '@/lib/validation/audit-checkpoint';

/**
 * Signs the audit chain's current head (sequence and hash) with the checkpoint key and keeps
 * it. A person's checkpoint is itself an audit record; the scheduler's (SYSTEM) is not, or
 * each one would move the head and call for the next. Every checkpoint is also logged, so a
 * copy lives wherever the logs go, outside the database.
 */
export async function recordAuditCheckpoint(
  { actor, input }: OperationCall<TRecordAuditCheckpointInput>,
  ctx?: OperationContextInput,
): Promise<AuditCheckpoint> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'audit:checkpoint');
  parseInput(ZRecordAuditCheckpointInput, input);
  const checkpoint = await db.$transaction(async (tx) => {
    const row = await insertCheckpoint(tx, actor.type === 'SYSTEM' ? 'SCHEDULE' : 'MANUAL', actor.label, now);
    if (actor.type !== 'SYSTEM') {
      await recordAuditEvent(tx, actor, {
        action: 'auditCheckpoint.recorded',
        entityType: 'AuditCheckpoint',
        entityId: row.id,
        after: {
          headSeq: row.headSeq.toString(),
          headHash: row.headHash,
          eventSeq: row.eventSeq?.toString() ?? null,
          eventHash: row.eventHash,
          keyId: row.keyId,
        },
      });
    }
    return row;
  });
  console.info(
    `[audit] checkpoint ${checkpoint.id}: head #${checkpoint.headSeq} ${checkpoint.headHash}, events #${checkpoint.eventSeq} ${checkpoint.eventHash} signed ${checkpoint.signature} (key ${checkpoint.keyId}) at ${checkpoint.createdAt.toISOString()}`,
  );
  return checkpoint;
}

/**
 * Reads both heads (committed records only: every one of them stays in its chain) and signs
 * them together. The event head is the newest event, or the retention anchor when purge emptied
 * the table, or 0 and the genesis hash.
 */
export async function insertCheckpoint(
  tx: Prisma.TransactionClient,
  trigger: 'SCHEDULE' | 'MANUAL',
  actorLabel: string,
  now: Date,
): Promise<AuditCheckpoint> {
  const head = await tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  const events = await invocationChainHead(tx);
  const statement = {
    headSeq: head?.seq ?? 0n,
    headHash: head?.hash ?? GENESIS_HASH,
    createdAt: now,
    eventSeq: events.seq,
    eventHash: events.hash,
  };
  const key = checkpointKey();
  return tx.auditCheckpoint.create({
    data: { ...statement, signature: signCheckpoint(key, statement), keyId: checkpointKeyId(key), trigger, actorLabel },
  });
}
