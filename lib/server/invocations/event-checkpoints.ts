import 'server-only';
import type { AuditCheckpoint, Prisma } from '@prisma/client';
import { checkpointKey } from '@/lib/auth/secret';
import { checkHead, checkSignature, type CheckpointProblemKind } from '@/lib/domain/audit-checkpoint';
import { CHECKPOINT_PROBLEM_TEXT } from '@/lib/domain/audit-checkpoint-problems';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { checkpointView, type CheckpointView } from '@/lib/server/audit/verify-audit-chain';
import type { operationContext } from '@/lib/server/operation';
import { latestPurgeAnchor } from './chain-head';

type Db = Awaited<ReturnType<typeof operationContext>>['db'];

export interface EventCheckpointOutcome {
  /** Checkpoints whose event head lay inside what was walked (or at the retention anchor). */
  checked: number;
  problem?: { kind: CheckpointProblemKind; checkpoint: CheckpointView };
}

/** The signed checkpoints that carry an event head, oldest first: their seqs are what the walk must remember. */
export async function eventCheckpoints(db: Prisma.TransactionClient): Promise<AuditCheckpoint[]> {
  return db.auditCheckpoint.findMany({
    where: { eventSeq: { not: null } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}

/**
 * Compares the walked event chain with every signed checkpoint of it. The chain recomputing
 * cleanly proves nothing against someone who rewrote every row and its hash, or cut the newest
 * rows off; a head signed with a key outside the database does. Heads older than the retention
 * anchor were purged legitimately (the purge is an audit record, itself under checkpoint).
 * A head outside a verified period is not counted.
 */
export async function compareEventCheckpoints(
  db: Prisma.TransactionClient,
  checkpoints: readonly AuditCheckpoint[],
  walk: { hashAt: ReadonlyMap<bigint, string>; firstSeq: bigint | null; lastSeq: bigint | null; toEnd: boolean },
): Promise<EventCheckpointOutcome> {
  if (checkpoints.length === 0) return { checked: 0 };
  const key = checkpointKey();
  const [purged, newest] = await Promise.all([
    latestPurgeAnchor(db),
    db.invocationEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } }),
  ]);
  const chainHeadSeq = newest?.seq ?? purged?.seq ?? 0n;
  let checked = 0;
  for (const c of checkpoints) {
    const seq = c.eventSeq!;
    const head = { seq, hash: c.eventHash! };
    let kind = checkSignature(c, key);
    if (!kind) {
      if (purged && seq < purged.seq) continue;
      if (purged && seq === purged.seq) kind = checkHead(head, { hashAtHead: purged.hash, chainHeadSeq });
      else if (walk.hashAt.has(seq)) kind = checkHead(head, { hashAtHead: walk.hashAt.get(seq), chainHeadSeq });
      else if (seq === 0n) kind = null;
      else if (seq > chainHeadSeq || inWalk(seq, walk)) kind = 'missing-records';
      else continue; // outside the period verified
    }
    checked++;
    if (kind) return { checked, problem: { kind, checkpoint: checkpointView(c) } };
  }
  return { checked };
}

function inWalk(seq: bigint, walk: { firstSeq: bigint | null; lastSeq: bigint | null; toEnd: boolean }): boolean {
  if (walk.firstSeq === null || seq < walk.firstSeq) return false;
  return walk.toEnd || (walk.lastSeq !== null && seq <= walk.lastSeq);
}

/** One critical alert per checkpoint and problem: the event chain no longer matches what was signed. */
export async function raiseEventCheckpointAlert(
  db: Db,
  problem: NonNullable<EventCheckpointOutcome['problem']>,
): Promise<string> {
  const dedupeKey = `invocation-chain-checkpoint:${problem.checkpoint.id}:${problem.kind}`;
  return db.$transaction(async (tx) => {
    const existing = await tx.alert.findUnique({ where: { dedupeKey }, select: { id: true } });
    if (existing) return existing.id;
    const alert = await tx.alert.create({
      data: {
        kind: 'invocation-chain-broken',
        severity: 'CRITICAL',
        title: `Invocation event chain does not match the signed checkpoint of ${problem.checkpoint.createdAt}`,
        dedupeKey,
        detail: {
          checkpointId: problem.checkpoint.id,
          eventSeq: problem.checkpoint.eventSeq,
          problem: problem.kind,
          explanation: `the checkpoint ${CHECKPOINT_PROBLEM_TEXT[problem.kind]}`,
        },
      },
      select: { id: true, kind: true, severity: true, title: true },
    });
    await recordAuditEvent(tx, SYSTEM_ACTOR, { action: 'alert.raised', entityType: 'Alert', entityId: alert.id, after: alert });
    return alert.id;
  });
}
