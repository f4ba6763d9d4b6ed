import 'server-only';
import { z } from 'zod';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { INVOCATION_CHAIN_LOCK } from './chain-head';
import { readEventRetention } from './event-retention';

export const ZPurgeInvocationEventsInput = z.object({
  /** Defaults to the longest retention of any environment (event-retention.ts, ADR 0012). */
  retentionDays: z.number().int().min(31).max(3650).optional(),
});
export type TPurgeInvocationEventsInput = z.infer<typeof ZPurgeInvocationEventsInput>;

export interface PurgeResult {
  partitions: string[];
  /** The last purged record: the anchor the remaining chain verifies from. */
  anchor: { seq: string; hash: string } | null;
}

/** The first instant of the UTC month holding `at`. */
export function monthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

/**
 * Retention: drops the whole months of events received before the retention window (a partition
 * drop, not row deletes; the database function refuses anything within the last 30 days). The
 * audit trail records the last purged record's seq and hash in the same transaction, so the
 * remaining chain still verifies from that anchor (verify-invocation-chain.ts).
 */
export async function purgeInvocationEvents(
  { actor, input }: OperationCall<TPurgeInvocationEventsInput>,
  ctx?: OperationContextInput,
): Promise<PurgeResult> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'audit:checkpoint');
  const parsed = parseInput(ZPurgeInvocationEventsInput, input);
  const retention = await readEventRetention(db);
  const retentionDays = parsed.retentionDays ?? retention.purgeDays;
  const perEnvironment = Object.fromEntries(Object.entries(retention.perEnvironment).map(([e, r]) => [e, r.days]));
  // Only months that end before the window starts go; the month the window starts in stays whole.
  const boundary = monthStart(new Date(now.getTime() - retentionDays * 86_400_000));
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${INVOCATION_CHAIN_LOCK})`);
    const last = await tx.invocationEvent.findFirst({
      where: { receivedAt: { lt: boundary } },
      orderBy: { seq: 'desc' },
      select: { seq: true, hash: true },
    });
    const dropped = await tx.$queryRawUnsafe<{ name: string }[]>(
      `SELECT toolledger_invocation_partitions_drop_before($1::timestamp) AS name`,
      boundary.toISOString(),
    );
    const partitions = dropped.map((d) => d.name);
    if (!last) return { partitions, anchor: null };
    const anchor = { seq: last.seq.toString(), hash: last.hash };
    await recordAuditEvent(tx, actor, {
      action: 'invocation.purged',
      entityType: 'InvocationEvent',
      entityId: `..${anchor.seq}`,
      after: {
        lastSeq: anchor.seq,
        lastHash: anchor.hash,
        before: boundary.toISOString(),
        retentionDays,
        perEnvironment,
        partitions,
      },
    });
    return { partitions, anchor };
  });
}
