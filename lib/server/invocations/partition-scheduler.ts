import 'server-only';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { operationContext, type OperationContextInput } from '@/lib/server/operation';
import { purgeInvocationEvents } from './purge-invocation-events';

// Any constant works; it only has to be the same for every instance.
const PARTITION_LOCK = 4_242_012;
const TICK_MS = 60 * 60_000;
const MONTHS_AHEAD = 3;

/**
 * One tick of the events table's upkeep (ADR 0001's pattern: a timer in every instance, the
 * database decides who works): creates the partitions of this month and the next ones, then
 * applies retention. Only one instance at a time (transaction-scoped try-lock); every step is
 * idempotent, so an hourly tick is plenty.
 */
export async function runInvocationPartitionUpkeep(ctx?: OperationContextInput): Promise<string[] | null> {
  const { db, now } = await operationContext(ctx);
  const ran = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${PARTITION_LOCK}) AS locked`;
    if (!rows[0]?.locked) return false;
    for (let m = 0; m < MONTHS_AHEAD; m++) {
      const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + m, 1));
      await tx.$queryRawUnsafe(`SELECT toolledger_invocation_partition_ensure($1::timestamp)`, at.toISOString());
    }
    return true;
  });
  if (!ran) return null;
  const purged = await purgeInvocationEvents({ actor: SYSTEM_ACTOR, input: {} }, { db, now });
  if (purged.partitions.length)
    console.info(`[events] retention dropped ${purged.partitions.join(', ')}; anchor #${purged.anchor?.seq ?? '-'}`);
  return purged.partitions;
}

const holder = globalThis as typeof globalThis & { __toolledgerInvocationPartitions?: NodeJS.Timeout };

/** Starts the hourly upkeep in this process, with a first run now. */
export function startInvocationPartitionScheduler(): void {
  if (holder.__toolledgerInvocationPartitions) return;
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    runInvocationPartitionUpkeep()
      .catch((e: unknown) => console.error('Invocation partition upkeep failed:', e))
      .finally(() => {
        busy = false;
      });
  };
  holder.__toolledgerInvocationPartitions = setInterval(tick, TICK_MS);
  holder.__toolledgerInvocationPartitions.unref();
  tick();
}
