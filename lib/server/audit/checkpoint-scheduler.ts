import 'server-only';
import type { AuditCheckpoint } from '@prisma/client';
import { env } from '@/lib/env';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { invocationChainHead } from '@/lib/server/invocations/chain-head';
import { operationContext, type OperationContextInput } from '@/lib/server/operation';
import { insertCheckpoint } from './record-audit-checkpoint';

// Any constant works; it only has to be the same for every instance.
const CHECKPOINT_LOCK = 4_242_031;
const TICK_MS = 60_000;

/**
 * One tick: records a checkpoint when the interval has passed since the last one and the chain
 * has grown since. Several instances tick; the transaction-scoped try-lock plus the re-read of
 * the last checkpoint inside it make one checkpoint per interval across all of them.
 */
export async function runDueCheckpoint(
  options: { intervalMinutes?: number } = {},
  ctx?: OperationContextInput,
): Promise<AuditCheckpoint | null> {
  const { db, now } = await operationContext(ctx);
  const intervalMs = (options.intervalMinutes ?? env().TOOLLEDGER_CHECKPOINT_INTERVAL_MINUTES) * 60_000;
  const created = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${CHECKPOINT_LOCK}) AS locked`;
    if (!rows[0]?.locked) return null;
    const [last, head, events] = await Promise.all([
      tx.auditCheckpoint.findFirst({
        orderBy: { createdAt: 'desc' },
        select: { createdAt: true, headSeq: true, eventSeq: true },
      }),
      tx.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } }),
      invocationChainHead(tx),
    ]);
    if (last && now.getTime() - last.createdAt.getTime() < intervalMs) return null;
    // Nothing new to vouch for in either chain.
    if (last && last.headSeq === (head?.seq ?? 0n) && last.eventSeq === events.seq) return null;
    return insertCheckpoint(tx, 'SCHEDULE', SYSTEM_ACTOR.label, now);
  });
  if (created)
    console.info(
      `[audit] scheduled checkpoint: head #${created.headSeq} ${created.headHash}, events #${created.eventSeq} ${created.eventHash} signed ${created.signature} (key ${created.keyId})`,
    );
  return created;
}

const holder = globalThis as typeof globalThis & { __toolledgerCheckpointScheduler?: NodeJS.Timeout };

/** Starts the once-a-minute check in this process (no-op when the interval is 0 or already started). */
export function startCheckpointScheduler(): void {
  if (holder.__toolledgerCheckpointScheduler || env().TOOLLEDGER_CHECKPOINT_INTERVAL_MINUTES === 0) return;
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    runDueCheckpoint()
      .catch((e: unknown) => console.error('Scheduled audit checkpoint failed:', e))
      .finally(() => {
        busy = false;
      });
  };
  holder.__toolledgerCheckpointScheduler = setInterval(tick, TICK_MS);
  holder.__toolledgerCheckpointScheduler.unref();
}
