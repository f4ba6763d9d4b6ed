import { checkpointKey } from '@/lib/auth/secret';
import { checkCheckpoint } from '@/lib/domain/audit-checkpoint';
import { GENESIS_HASH } from '@/lib/domain/hash-chain';
import { walkAuditChain } from '@/lib/server/audit/walk-audit-chain';
import type { DocumentSection } from './types';

/**
 * The chain re-computed from its first record to the last one of the period, and compared with
 * the signed checkpoints taken up to the period end. Bounded by the period so that building the
 * same pack again (which itself adds audit records) gives the same result.
 */
export const auditChainCheckSection: DocumentSection = {
  kind: 'audit-chain-check',
  shape: 'document',
  async document({ db, scope }) {
    const last = await db.auditEvent.findFirst({
      where: { occurredAt: { lt: scope.to } },
      orderBy: { seq: 'desc' },
      select: { seq: true },
    });
    const headSeq = last?.seq ?? 0n;
    const hashAt = new Map<bigint, string>();
    const checkpoints = await db.auditCheckpoint.findMany({
      where: { createdAt: { lt: scope.to }, headSeq: { lte: headSeq } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const wanted = new Set(checkpoints.map((c) => c.headSeq));
    const walked = await walkAuditChain(db, {
      upTo: headSeq,
      onRecord: (r) => {
        if (wanted.has(r.seq)) hashAt.set(r.seq, r.hash);
      },
    });
    if (!walked.ok)
      return {
        intact: false,
        checkedRecords: walked.checked,
        headSeq: headSeq.toString(),
        problem: `record ${walked.broken.seq} does not follow the chain (${walked.break.kind})`,
        checkpoints: [],
      };
    const key = checkpoints.length > 0 ? checkpointKey() : '';
    const results = checkpoints.map((c) => ({
      id: c.id,
      createdAt: c.createdAt.toISOString(),
      headSeq: c.headSeq.toString(),
      headHash: c.headHash,
      keyId: c.keyId,
      problem: checkCheckpoint(c, key, { hashAtHead: hashAt.get(c.headSeq), chainHeadSeq: headSeq }),
    }));
    const firstProblem = results.find((r) => r.problem);
    return {
      intact: !firstProblem,
      checkedRecords: walked.checked,
      headSeq: headSeq.toString(),
      headHash: headSeq > 0n ? walked.lastHash : GENESIS_HASH,
      problem: firstProblem ? `checkpoint ${firstProblem.id}: ${firstProblem.problem}` : null,
      checkpoints: results,
    };
  },
};
