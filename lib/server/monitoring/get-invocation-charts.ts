import 'server-only';
import { z } from 'zod';
import { chartPoints, chartRange, type BucketTotals } from '@/lib/domain/monitoring/chart-series';
import type { Actor } from '@/lib/server/actor';
import { assertCanReadEvents } from '@/lib/server/invocations/assert-can-read-events';
import { auditorWindows, type AuditWindow } from '@/lib/server/engagements/auditor-scope';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZInvocationFilter } from '@/lib/validation/invocation-filter';

// The charts follow the explorer's agent, tool, version and days; the rollup has no status,
// classification or approval per row, so those filters apply to the table only (the page says so).
const ZInvocationChartsInput = ZInvocationFilter.pick({ agent: true, tool: true, version: true, from: true, to: true });
export type TInvocationChartsInput = z.input<typeof ZInvocationChartsInput>;

function where(filter: z.infer<typeof ZInvocationChartsInput>, start: Date, end: Date, windows: AuditWindow[] | null) {
  const params: unknown[] = [start.toISOString(), end.toISOString()];
  const parts = [`h.hour >= $1::timestamp`, `h.hour < $2::timestamp`];
  for (const [column, value] of [
    ['agentName', filter.agent],
    ['toolName', filter.tool],
    ['toolVersion', filter.version],
  ] as const) {
    if (!value) continue;
    params.push(value);
    parts.push(`h."${column}" = $${params.length}`);
  }
  if (windows) parts.push(windowsSql(windows, params));
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

/**
 * An auditor's charts (ADR 0010) count the hours inside one open audit's period, of agents of
 * that audit's environments (the rollup keeps the agent's environment; an unknown agent's hours,
 * environment null, count only in an audit of every environment), as the explorer's table does.
 * Periods start and end at midnight UTC, so whole hours fall in or out. No open audit: nothing.
 */
function windowsSql(windows: AuditWindow[], params: unknown[]): string {
  if (!windows.length) return 'FALSE';
  const p = (value: unknown) => `$${params.push(value)}`;
  const each = windows.map((w) => {
    const envs = w.environments.map((e) => `${p(e)}::"Environment"`).join(', ');
    const known = envs ? `h.environment IN (${envs})` : 'FALSE';
    const env = w.environments.length === 3 ? `(${known} OR h.environment IS NULL)` : known;
    return `(h.hour >= ${p(w.from.toISOString())}::timestamp AND h.hour < ${p(w.to.toISOString())}::timestamp AND ${env})`;
  });
  return `(${each.join(' OR ')})`;
}

/**
 * Volume, errors and latency (p50/p95) over time for /invocations, from the hourly rollup the
 * monitors keep: a few hundred rollup rows per chart instead of millions of events.
 */
export async function getInvocationCharts({ actor, input }: OperationCall<TInvocationChartsInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertCanReadEvents(actor as Actor, 'invocation:read');
  const filter = parseInput(ZInvocationChartsInput, input);
  const range = chartRange(filter.from, filter.to, now);
  const w = where(filter, range.start, range.end, await auditorWindows(db, actor, now));
  const bucket = `date_trunc('${range.unit}', h.hour)`;
  const [totals, cells] = await Promise.all([
    db.$queryRawUnsafe<BucketTotals[]>(
      `SELECT ${bucket} AS at, sum(h.calls)::float8 AS calls, sum(h.errors)::float8 AS errors
         FROM "InvocationHourly" h ${w.sql} GROUP BY 1`,
      ...w.params,
    ),
    db.$queryRawUnsafe<{ at: Date; cell: number; count: number }[]>(
      `SELECT ${bucket} AS at, (u.i - 1)::int AS cell, sum(u.n)::float8 AS count
         FROM "InvocationHourly" h CROSS JOIN LATERAL unnest(h."durationHist") WITH ORDINALITY AS u(n, i)
        ${w.sql} GROUP BY 1, 2`,
      ...w.params,
    ),
  ]);
  return { unit: range.unit, start: range.start, end: range.end, points: chartPoints(range, totals, cells) };
}
