import { checkpointKey } from '@/lib/auth/secret';
import { checkCheckpoint } from '@/lib/domain/audit-checkpoint';
import { GENESIS_HASH, verifyChain } from '@/lib/domain/hash-chain';
import { auditHashContent } from '@/lib/server/audit/record-audit-event';
import type { DocumentSection } from './types';

const PAGE = 1000;

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
    let prev = GENESIS_HASH;
    let after = 0n;
    let checked = 0;
    while (after < headSeq) {
      const batch = await db.auditEvent.findMany({
        where: { seq: { gt: after, lte: headSeq } },
        orderBy: { seq: 'asc' },
        take: PAGE,
      });
      if (batch.length === 0) break;
      const result = verifyChain(batch, auditHashContent, prev);
      if (!result.ok) {
        const broken = batch[result.break.index]!;
        return {
          intact: false,
          checkedRecords: checked + result.break.index,
          headSeq: headSeq.toString(),
          problem: `record ${broken.seq} does not follow the chain (${result.break.kind})`,
          checkpoints: [],
        };
      }
      for (const r of batch) if (wanted.has(r.seq)) hashAt.set(r.seq, r.hash);
      checked += batch.length;
      prev = result.lastHash;
      after = batch[batch.length - 1]!.seq;
    }
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
      checkedRecords: checked,
      headSeq: headSeq.toString(),
      headHash: headSeq > 0n ? prev : GENESIS_HASH,
      problem: firstProblem ? `checkpoint ${firstProblem.id}: ${firstProblem.problem}` : null,
      checkpoints: results,
    };
  },
};
