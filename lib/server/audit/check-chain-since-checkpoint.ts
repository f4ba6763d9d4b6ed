import 'server-only';
import type { PrismaClient } from '@prisma/client';
import { checkpointKey } from '@/lib/auth/secret';
import { checkSignature } from '@/lib/domain/audit-checkpoint';
import { GENESIS_HASH } from '@/lib/domain/hash-chain';
import { walkAuditChain } from './walk-audit-chain';

export interface ChainTailCheck {
  intact: boolean;
  problem: string | null;
  /** Records re-computed: the checkpoint's head record and every one after it. */
  checkedRecords: number;
  headSeq: string;
  /** The signed checkpoint the check started from; null when there is none yet (the whole chain was checked). */
  fromCheckpoint: { id: string; headSeq: string; createdAt: string } | null;
}

/**
 * The audit chain as of `to`, checked from the newest signed checkpoint on, for the live Controls
 * page (issue 9): its cost follows the records written since the checkpoint (the scheduler signs
 * one every interval the chain grows), not the length of the trail. The checkpoint's signature
 * is verified, its head record re-computed to the signed hash, and every later record re-computed
 * and linked. What lies before that head was signed by the checkpoint, not re-read here: the full
 * re-computation (every record, every checkpoint) is the Audit trail page's "Verify chain"
 * (verifyAuditChain) and every evidence pack's chain check. The checkpoint chosen is picked as
 * the pack's check picks them: taken before `to`, with a head inside the chain up to `to`.
 */
export async function checkAuditChainSinceCheckpoint(db: PrismaClient, to: Date): Promise<ChainTailCheck> {
  const last = await db.auditEvent.findFirst({
    where: { occurredAt: { lt: to } },
    orderBy: { seq: 'desc' },
    select: { seq: true },
  });
  const headSeq = last?.seq ?? 0n;
  const checkpoint = await db.auditCheckpoint.findFirst({
    where: { createdAt: { lt: to }, headSeq: { lte: headSeq } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  let checked = 0;
  const result = (problem: string | null): ChainTailCheck => ({
    intact: problem === null,
    problem,
    checkedRecords: checked,
    headSeq: headSeq.toString(),
    fromCheckpoint: checkpoint
      ? { id: checkpoint.id, headSeq: checkpoint.headSeq.toString(), createdAt: checkpoint.createdAt.toISOString() }
      : null,
  });

  // Records with seq > after are re-computed, the first one from `prev`.
  let after = 0n;
  let prev = GENESIS_HASH;
  if (checkpoint) {
    const forged = checkSignature(checkpoint, checkpointKey());
    if (forged) return result(`checkpoint ${checkpoint.id}: ${forged}`);
    if (checkpoint.headSeq > 0n) {
      const head = await db.auditEvent.findUnique({ where: { seq: checkpoint.headSeq }, select: { prevHash: true, hash: true } });
      if (!head) return result(`checkpoint ${checkpoint.id}: missing-records`);
      if (head.hash !== checkpoint.headHash) return result(`checkpoint ${checkpoint.id}: rewritten`);
      // From the head record itself: its content must still give the hash the checkpoint signed.
      after = checkpoint.headSeq - 1n;
      prev = head.prevHash;
    }
  }
  const walked = await walkAuditChain(db, { after, upTo: headSeq, prev });
  checked += walked.checked;
  if (!walked.ok) return result(`record ${walked.broken.seq} does not follow the chain (${walked.break.kind})`);
  return result(null);
}
