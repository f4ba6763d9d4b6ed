import 'server-only';
import { z } from 'zod';
import type { Prisma } from '@prisma/client';
import {
  ANOMALY_METRICS,
  BASELINE_WINDOW_HOURS,
  baselineSeries,
  MIN_ACTIVE_HOURS,
  MIN_BASELINE_HOURS,
  metricValue,
  scaleFloor,
  type AnomalyMetric,
} from '@/lib/domain/monitoring/anomaly';
import { histogramQuantile } from '@/lib/domain/monitoring/histogram';
import { baselineOf, robustZ, type Baseline } from '@/lib/domain/monitoring/robust-stats';
import type { Environment } from '@/lib/domain/types';
import type { Actor } from '@/lib/server/actor';
import { assertCanReadEvents } from '@/lib/server/invocations/assert-can-read-events';
import { auditEnvironments, auditorWindows, type AuditWindow } from '@/lib/server/engagements/auditor-scope';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { getCurrentPolicies } from '@/lib/server/policies/get-current-policies';
import { ZRecordId } from '@/lib/validation/inventory';
import { groupBy } from './event-groups';
import { toolHours } from './hourly-stats';

const ZGetToolBaselineInput = z.object({ toolId: ZRecordId });
export type TGetToolBaselineInput = z.input<typeof ZGetToolBaselineInput>;

const HOUR = 3_600_000;
const RECENT = 10;

export interface MetricBaseline {
  metric: AnomalyMetric;
  baseline: Baseline | null;
  /** This hour so far (null: no calls yet, or no value for the measure). */
  current: number | null;
  deviation: number | null;
}

export interface EnvironmentBaseline {
  environment: Environment;
  threshold: number;
  calls: number;
  p50: number | null;
  p95: number | null;
  metrics: MetricBaseline[];
}

const HIST = `
SELECT h.environment::text AS environment, (u.i - 1)::int AS cell, sum(u.n)::float8 AS count
  FROM "InvocationHourly" h CROSS JOIN LATERAL unnest(h."durationHist") WITH ORDINALITY AS u(n, i)
 WHERE h."toolId" = $1 AND h.environment IS NOT NULL AND h.hour >= $2::timestamp
 GROUP BY 1, 2`;

/** What the panel shows of each recent event (both reads below). */
const RECENT_EVENT_SELECT = {
  seq: true,
  occurredAt: true,
  agentName: true,
  toolVersion: true,
  resultStatus: true,
  durationMs: true,
  permissionsUsed: true,
} as const satisfies Prisma.InvocationEventSelect;

/**
 * The tool page's monitoring panel: per environment, the baseline the anomaly monitor uses (median
 * and MAD of each measure over the last 7 days of hours) beside this hour's value, p50/p95
 * execution time over the window, and the latest events (found through the rollup's newest hours,
 * so the read stays small however many events the tool has).
 */
export async function getToolBaseline({ actor, input }: OperationCall<TGetToolBaselineInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertCanReadEvents(actor as Actor, 'invocation:read');
  const { toolId } = parseInput(ZGetToolBaselineInput, input);
  const hourStart = new Date(Math.floor(now.getTime() / HOUR) * HOUR);
  const windowStart = new Date(hourStart.getTime() - BASELINE_WINDOW_HOURS * HOUR);
  const [hours, cells, policies, tool] = await Promise.all([
    toolHours(db, [toolId], windowStart, hourStart),
    db.$queryRawUnsafe<{ environment: Environment; cell: number; count: number }[]>(HIST, toolId, windowStart.toISOString()),
    getCurrentPolicies(),
    db.tool.findUnique({ where: { id: toolId }, select: { name: true, externalId: true } }),
  ]);
  // An auditor (ADR 0010): the panels of their open audits' environments only (the baseline is
  // the last 7 days, today's state), and the latest events among those inside their audits.
  const windows = await auditorWindows(db, actor, now);
  const allowed = auditEnvironments(windows);
  const histByEnv = groupBy(cells, (c) => c.environment);
  const byEnvironment = [...groupBy(hours, (h) => h.environment)].filter(
    ([env]) => !allowed || allowed.includes(env as Environment),
  );
  const environments: EnvironmentBaseline[] = byEnvironment.map(([env, history]) => {
    const environment = env as Environment;
    const current = history.find((h) => h.hour.getTime() === hourStart.getTime());
    const hist: number[] = [];
    for (const c of histByEnv.get(env) ?? []) hist[c.cell] = c.count;
    return {
      environment,
      threshold: policies[environment].anomalyThreshold,
      calls: history.reduce((n, h) => n + h.calls, 0),
      p50: histogramQuantile(
        Array.from(hist, (n) => n ?? 0),
        0.5,
      ),
      p95: histogramQuantile(
        Array.from(hist, (n) => n ?? 0),
        0.95,
      ),
      metrics: ANOMALY_METRICS.map((metric) => {
        const series = baselineSeries(metric, history, hourStart);
        const enough = series.length >= (metric === 'calls' ? MIN_BASELINE_HOURS : MIN_ACTIVE_HOURS);
        const baseline = enough ? baselineOf(series, (m) => scaleFloor(metric, m)) : null;
        const value = current ? metricValue(metric, current) : metric === 'calls' ? 0 : null;
        return { metric, baseline, current: value, deviation: baseline && value !== null ? robustZ(value, baseline) : null };
      }),
    };
  });
  const recent = tool ? await recentEvents(db, toolId, [tool.name, tool.externalId], windows) : [];
  return { windowHours: BASELINE_WINDOW_HOURS, environments, recent, toolName: tool?.name ?? null };
}

async function recentEvents(db: Parameters<typeof toolHours>[0], toolId: string, names: string[], windows: AuditWindow[] | null) {
  if (windows) return recentEventsInAudits(db, toolId, names, windows);
  // The newest hours that hold at least RECENT calls bound the event read from below.
  const newest = await db.invocationHourly.findMany({
    where: { toolId },
    orderBy: { hour: 'desc' },
    take: 50,
    select: { hour: true, calls: true },
  });
  if (newest.length === 0) return [];
  let seen = 0;
  let since = newest.at(-1)!.hour;
  for (const h of newest) {
    seen += h.calls;
    if (seen >= RECENT) {
      since = h.hour;
      break;
    }
  }
  return db.invocationEvent.findMany({
    where: { toolName: { in: [...new Set(names)] }, toolId, occurredAt: { gte: since } },
    orderBy: [{ occurredAt: 'desc' }, { seq: 'desc' }],
    take: RECENT,
    select: RECENT_EVENT_SELECT,
  });
}

/**
 * An auditor's latest events of the tool: each inside one open audit's period, on an agent of
 * that audit's environments (an unknown agent's call only in an audit of every environment), as
 * in the explorer. A plain indexed read, newest first (the tool's events of a period).
 */
async function recentEventsInAudits(
  db: Parameters<typeof toolHours>[0],
  toolId: string,
  names: string[],
  windows: AuditWindow[],
) {
  if (windows.length === 0) return [];
  const agents = await db.agent.findMany({
    where: { environment: { in: [...new Set(windows.flatMap((w) => w.environments))] } },
    select: { id: true, environment: true },
  });
  return db.invocationEvent.findMany({
    where: {
      toolName: { in: [...new Set(names)] },
      toolId,
      OR: windows.map((w) => {
        const ids = agents.filter((a) => w.environments.includes(a.environment)).map((a) => a.id);
        return {
          occurredAt: { gte: w.from, lt: w.to },
          ...(w.environments.length === 3 ? { OR: [{ agentId: { in: ids } }, { agentId: null }] } : { agentId: { in: ids } }),
        };
      }),
    },
    orderBy: [{ occurredAt: 'desc' }, { seq: 'desc' }],
    take: RECENT,
    select: RECENT_EVENT_SELECT,
  });
}
