import 'server-only';
import type { Prisma } from '@prisma/client';
import type { MonitorAlertDraft } from '@/lib/domain/monitoring/monitor-alert-drafts';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { operationContext, type OperationContextInput } from '@/lib/server/operation';
import { detectInvocationAnomalies } from './detect-invocation-anomalies';
import { detectPermissionDrift } from './detect-permission-drift';
import { detectUntrustedUse } from './detect-untrusted-use';
import { detectVersionMismatch } from './detect-version-mismatch';
import { raiseMonitorAlerts } from './raise-monitor-alerts';
import { readUseGroups, type UseGroup } from './event-groups';
import type { SeqRange } from './seq-range';
import { updateInvocationRollup } from './update-invocation-rollup';

// Any constant works; it only has to be the same for every instance.
const MONITOR_LOCK = 4_242_031;
/**
 * Events per run step: one transaction each, so a backlog never holds a lock for long (25,000
 * take about a third of a second on PostgreSQL). The work is grouped in SQL, so a larger step
 * costs the app no memory; each step's fixed cost is paid five times less than at 5,000.
 */
export const MONITOR_CHUNK = 25_000;

type Monitor = (tx: Prisma.TransactionClient, range: SeqRange, groups: () => Promise<UseGroup[]>) => Promise<MonitorAlertDraft[]>;

/**
 * The monitors in the order they run: the rollup first, because the anomaly monitor reads the
 * hours it has just brought up to date. Each keeps its own watermark (MonitorWatermark), so a
 * monitor added later catches up from the start while the others go on from where they are.
 */
export const INVOCATION_MONITORS: Record<string, Monitor> = {
  rollup: async (tx, range) => (await updateInvocationRollup(tx, range), []),
  'permission-drift': async (tx, _range, groups) => detectPermissionDrift(tx, await groups()),
  'version-mismatch': async (tx, _range, groups) => detectVersionMismatch(tx, await groups()),
  'untrusted-tool': async (tx, _range, groups) => detectUntrustedUse(tx, await groups()),
  anomaly: async (tx, range) => detectInvocationAnomalies(tx, range),
};

export interface MonitorRun {
  /** False when another instance or run held the monitor lock (it does the work). */
  ran: boolean;
  /** Events read, per monitor. */
  eventsRead: Record<string, number>;
  alertsRaised: number;
  /** The watermark every monitor reached. */
  watermarks: Record<string, string>;
}

const NEXT_CHUNK_END = `SELECT max(seq)::text AS "upTo", count(*)::int AS n
  FROM (SELECT seq FROM "InvocationEvent" WHERE seq > $1::bigint ORDER BY seq LIMIT $2) s`;

/**
 * Runs every invocation monitor over the events after its watermark, a chunk per transaction,
 * until no monitor is behind. One run at a time across instances (transaction-scoped
 * try-lock): a run that finds the lock taken returns at once, the holder reads the new events.
 * Alerts are raised and watermarks moved in the same transaction as the work, so a crash
 * repeats a chunk instead of losing it.
 */
export async function runInvocationMonitors(ctx?: OperationContextInput): Promise<MonitorRun> {
  const { db, now } = await operationContext(ctx);
  const names = Object.keys(INVOCATION_MONITORS);
  const result: MonitorRun = {
    ran: false,
    eventsRead: Object.fromEntries(names.map((n) => [n, 0])),
    alertsRaised: 0,
    watermarks: {},
  };
  for (;;) {
    const more = await db.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${MONITOR_LOCK}) AS locked`;
        if (!lock?.locked) return false;
        result.ran = true;
        const stored = new Map(
          (await tx.monitorWatermark.findMany({ where: { monitor: { in: names } } })).map((w) => [w.monitor, w.lastSeq]),
        );
        const marks = new Map(names.map((n) => [n, stored.get(n) ?? 0n]));
        const low = [...marks.values()].reduce((a, b) => (b < a ? b : a));
        const [chunk] = await tx.$queryRawUnsafe<{ upTo: string | null; n: number }[]>(
          NEXT_CHUNK_END,
          low.toString(),
          MONITOR_CHUNK,
        );
        for (const [n, m] of marks) result.watermarks[n] = m.toString();
        if (!chunk?.upTo) return false;
        const upTo = BigInt(chunk.upTo);
        const groupsByRange = new Map<string, Promise<UseGroup[]>>();
        const readByRange = new Map<string, number>();
        const drafts: MonitorAlertDraft[] = [];
        for (const name of names) {
          const after = marks.get(name)!;
          if (after >= upTo) continue;
          const range = { after, upTo };
          const key = `${after}-${upTo}`;
          const groups = () => {
            if (!groupsByRange.has(key)) groupsByRange.set(key, readUseGroups(tx, range));
            return groupsByRange.get(key)!;
          };
          drafts.push(...(await INVOCATION_MONITORS[name]!(tx, range, groups)));
          // Monitors at the same watermark read the same range: counted once. The chunk's own
          // count is that of the range from the lowest watermark, where they usually all are.
          if (after === low) readByRange.set(key, chunk.n);
          if (!readByRange.has(key)) {
            const [read] = await tx.$queryRaw<
              { n: number }[]
            >`SELECT count(*)::int AS n FROM "InvocationEvent" WHERE seq > ${after} AND seq <= ${upTo}`;
            readByRange.set(key, read?.n ?? 0);
          }
          result.eventsRead[name]! += readByRange.get(key)!;
          await tx.monitorWatermark.upsert({
            where: { monitor: name },
            create: { monitor: name, lastSeq: upTo, updatedAt: now },
            update: { lastSeq: upTo, updatedAt: now },
          });
          result.watermarks[name] = upTo.toString();
        }
        result.alertsRaised += await raiseMonitorAlerts(tx, SYSTEM_ACTOR, drafts, now);
        return chunk.n === MONITOR_CHUNK;
      },
      { timeout: 120_000, maxWait: 120_000 },
    );
    if (!more) return result;
  }
}
