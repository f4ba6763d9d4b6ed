import type { Prisma } from '@prisma/client';
import { DURATION_BOUNDS_MS } from '@/lib/domain/monitoring/histogram';
import type { SeqRange } from './seq-range';

// One histogram cell per bucket of lib/domain/monitoring/histogram.ts, counted in SQL.
const HIST_CELLS = [
  ...DURATION_BOUNDS_MS.map((upper, i) => {
    const lower = i === 0 ? null : DURATION_BOUNDS_MS[i - 1]!;
    const cond = lower === null ? `e."durationMs" < ${upper}` : `e."durationMs" >= ${lower} AND e."durationMs" < ${upper}`;
    return `(count(*) FILTER (WHERE ${cond}))::int`;
  }),
  `(count(*) FILTER (WHERE e."durationMs" >= ${DURATION_BOUNDS_MS.at(-1)!}))::int`,
].join(', ');

const LEVELS = ['networkUsed', 'filesystemUsed', 'codeExecutionUsed', 'dataAccessUsed'];

// Adds the events of one range to their hourly rows in one statement: grouped in the database,
// merged into existing hours on conflict (late events land in their own hour). Enum maxima use
// the enum order, which is the level order (NONE < ... < highest).
const ROLLUP = `
INSERT INTO "InvocationHourly" AS t ("hour", "agentName", "toolName", "toolVersion", "toolId", "toolVersionId", "environment",
  "calls", "errors", "durationSum", "durationHist", "inputSum", "inputCount", "outputSum", "outputCount", ${LEVELS.map((l) => `"${l}"`).join(', ')})
SELECT date_trunc('hour', e."occurredAt"), e."agentName", e."toolName", e."toolVersion", max(e."toolId"), max(e."toolVersionId"), max(a.environment),
  count(*)::int, (count(*) FILTER (WHERE e."resultStatus" IN ('ERROR', 'TIMEOUT')))::int, sum(e."durationMs")::bigint,
  ARRAY[${HIST_CELLS}],
  coalesce(sum(e."inputSizeBytes"), 0)::bigint, count(e."inputSizeBytes")::int,
  coalesce(sum(e."outputSizeBytes"), 0)::bigint, count(e."outputSizeBytes")::int,
  ${LEVELS.map((l) => `max(e."${l}")`).join(', ')}
  FROM "InvocationEvent" e LEFT JOIN "Agent" a ON a.id = e."agentId"
 WHERE e.seq > $1::bigint AND e.seq <= $2::bigint
 GROUP BY 1, 2, 3, 4
ON CONFLICT ("hour", "agentName", "toolName", "toolVersion") DO UPDATE SET
  "toolId" = coalesce(t."toolId", excluded."toolId"),
  "toolVersionId" = coalesce(t."toolVersionId", excluded."toolVersionId"),
  "environment" = coalesce(t."environment", excluded."environment"),
  "calls" = t."calls" + excluded."calls",
  "errors" = t."errors" + excluded."errors",
  "durationSum" = t."durationSum" + excluded."durationSum",
  "durationHist" = ARRAY(SELECT coalesce(x, 0) + coalesce(y, 0)
                           FROM unnest(t."durationHist", excluded."durationHist") WITH ORDINALITY AS u(x, y, i) ORDER BY i),
  "inputSum" = t."inputSum" + excluded."inputSum",
  "inputCount" = t."inputCount" + excluded."inputCount",
  "outputSum" = t."outputSum" + excluded."outputSum",
  "outputCount" = t."outputCount" + excluded."outputCount",
  ${LEVELS.map((l) => `"${l}" = GREATEST(t."${l}", excluded."${l}")`).join(',\n  ')}`;

/** The rollup monitor: keeps InvocationHourly in step with the events of `range`. */
export async function updateInvocationRollup(tx: Prisma.TransactionClient, range: SeqRange): Promise<void> {
  await tx.$executeRawUnsafe(ROLLUP, range.after.toString(), range.upTo.toString());
}
