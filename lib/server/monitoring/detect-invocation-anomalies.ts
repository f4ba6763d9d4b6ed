import type { Prisma } from '@prisma/client';
import { BASELINE_WINDOW_HOURS, detectAnomalies } from '@/lib/domain/monitoring/anomaly';
import { anomalyAlert, type MonitorAlertDraft } from '@/lib/domain/monitoring/monitor-alert-drafts';
import type { Environment } from '@/lib/domain/types';
import { getCurrentPolicies } from '@/lib/server/policies/get-current-policies';
import { groupBy } from './event-groups';
import { toolHours } from './hourly-stats';
import type { SeqRange } from './seq-range';

const HOUR = 3_600_000;

// The hours (per tool and environment) the range's events fell into: only those are judged.
const TOUCHED = `
SELECT DISTINCT coalesce(e."toolId", e."toolName") AS subject, a.environment::text AS environment,
       date_trunc('hour', e."occurredAt") AS hour
  FROM "InvocationEvent" e JOIN "Agent" a ON a.id = e."agentId"
 WHERE e.seq > $1::bigint AND e.seq <= $2::bigint`;

/**
 * Anomalies: each hour the new events touched, per tool and environment, against that tool's
 * own trailing 7-day baseline from the rollup (which the rollup monitor has already brought up
 * to date in this run), with the environment policy's threshold.
 */
export async function detectInvocationAnomalies(tx: Prisma.TransactionClient, range: SeqRange): Promise<MonitorAlertDraft[]> {
  const touched = await tx.$queryRawUnsafe<{ subject: string; environment: Environment; hour: Date }[]>(
    TOUCHED,
    range.after.toString(),
    range.upTo.toString(),
  );
  if (touched.length === 0) return [];
  const policies = await getCurrentPolicies({ db: tx });
  const first = Math.min(...touched.map((t) => t.hour.getTime()));
  const last = Math.max(...touched.map((t) => t.hour.getTime()));
  const hours = await toolHours(
    tx,
    [...new Set(touched.map((t) => t.subject))],
    new Date(first - BASELINE_WINDOW_HOURS * HOUR),
    new Date(last),
  );
  const series = groupBy(hours, (h) => `${h.subject}\u0000${h.environment}`);
  const drafts: MonitorAlertDraft[] = [];
  for (const t of touched) {
    const history = series.get(`${t.subject}\u0000${t.environment}`) ?? [];
    const current = history.find((h) => h.hour.getTime() === t.hour.getTime());
    if (!current) continue;
    for (const finding of detectAnomalies({ current, history, threshold: policies[t.environment].anomalyThreshold }))
      drafts.push(
        anomalyAlert({
          subject: t.subject,
          toolId: current.toolId,
          tool: current.toolName,
          environment: t.environment,
          hour: t.hour,
          finding,
        }),
      );
  }
  return drafts;
}
