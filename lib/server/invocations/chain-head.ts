import type { Prisma } from '@prisma/client';
import { GENESIS_HASH } from '@/lib/domain/hash-chain';

export interface ChainHead {
  seq: bigint;
  hash: string;
}

/** The retention anchor: the last purged record, kept in the audit trail (purge-invocation-events.ts). */
export async function latestPurgeAnchor(tx: Prisma.TransactionClient): Promise<ChainHead | null> {
  const purge = await tx.auditEvent.findFirst({
    where: { action: 'invocation.purged' },
    orderBy: { seq: 'desc' },
    select: { after: true },
  });
  const after = purge?.after as { lastSeq?: string; lastHash?: string } | null | undefined;
  if (!after?.lastSeq || !after.lastHash) return null;
  return { seq: BigInt(after.lastSeq), hash: after.lastHash };
}

/**
 * The end of the chain: the newest row, or when retention emptied the table, the last purged
 * record's anchor; the genesis hash for a chain never started.
 */
export async function invocationChainHead(tx: Prisma.TransactionClient): Promise<ChainHead> {
  const last = await tx.invocationEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  if (last) return last;
  return (await latestPurgeAnchor(tx)) ?? { seq: 0n, hash: GENESIS_HASH };
}

// Any constant works; every writer of the invocation chain uses it.
export const INVOCATION_CHAIN_LOCK = 4_242_010;
