import 'server-only';
import { GENESIS_HASH, verifyChain, type ChainBreak } from '@/lib/domain/hash-chain';
import { getPrisma } from '@/lib/db/client';
import { auditHashContent } from './record-audit-event';

export interface AuditChainReport {
  ok: boolean;
  checked: number;
  lastSeq: string | null;
  break?: ChainBreak & { seq: string };
}

/** Recomputes the whole chain in batches (memory stays flat however long it is). */
export async function verifyAuditChain(batchSize = 2000): Promise<AuditChainReport> {
  const prisma = await getPrisma();
  let prev = GENESIS_HASH;
  let after: bigint | undefined;
  let checked = 0;
  for (;;) {
    const batch = await prisma.auditEvent.findMany({
      where: after === undefined ? {} : { seq: { gt: after } },
      orderBy: { seq: 'asc' },
      take: batchSize,
    });
    if (batch.length === 0) break;
    const result = verifyChain(batch, auditHashContent, prev);
    if (!result.ok) {
      const broken = batch[result.break.index]!;
      return { ok: false, checked: checked + result.break.index, lastSeq: broken.seq.toString(), break: { ...result.break, seq: broken.seq.toString() } };
    }
    checked += batch.length;
    prev = result.lastHash;
    after = batch[batch.length - 1]!.seq;
  }
  return { ok: true, checked, lastSeq: after?.toString() ?? null };
}
