import 'server-only';
import type { AuditEvent, PrismaClient } from '@prisma/client';
import { GENESIS_HASH, verifyChain, type ChainBreak } from '@/lib/domain/hash-chain';
import { auditHashContent } from './record-audit-event';

export type AuditChainWalk =
  | { ok: true; checked: number; lastHash: string; lastSeq: bigint | null }
  | { ok: false; checked: number; broken: AuditEvent; break: ChainBreak };

/**
 * Re-computes the audit chain page by page (memory stays flat however long it is): the records
 * with seq > `after` (and ≤ `upTo` when given), the first one linked to `prev`. `onRecord` sees each
 * verified record (to note the hashes checkpoints signed). The one walk behind "Verify chain",
 * the Controls page's check since the last checkpoint and every evidence pack's chain check.
 */
export async function walkAuditChain(
  db: Pick<PrismaClient, 'auditEvent'>,
  o: { after?: bigint; upTo?: bigint; prev?: string; pageSize?: number; onRecord?: (r: AuditEvent) => void } = {},
): Promise<AuditChainWalk> {
  let prev = o.prev ?? GENESIS_HASH;
  let after = o.after;
  let lastSeq: bigint | null = null;
  let checked = 0;
  for (;;) {
    const seq = { ...(after === undefined ? {} : { gt: after }), ...(o.upTo === undefined ? {} : { lte: o.upTo }) };
    const batch = await db.auditEvent.findMany({ where: { seq }, orderBy: { seq: 'asc' }, take: o.pageSize ?? 1000 });
    if (batch.length === 0) break;
    const verified = verifyChain(batch, auditHashContent, prev);
    if (!verified.ok)
      return { ok: false, checked: checked + verified.break.index, broken: batch[verified.break.index]!, break: verified.break };
    if (o.onRecord) for (const r of batch) o.onRecord(r);
    checked += batch.length;
    prev = verified.lastHash;
    after = lastSeq = batch[batch.length - 1]!.seq;
  }
  return { ok: true, checked, lastHash: prev, lastSeq };
}
