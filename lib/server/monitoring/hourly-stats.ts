import type { Prisma, PrismaClient } from '@prisma/client';
import type { HourStats } from '@/lib/domain/monitoring/anomaly';
import type { Environment } from '@/lib/domain/types';

/** One tool's hour in one environment, summed over agents and versions. */
export interface ToolHour extends HourStats {
  subject: string;
  toolId: string | null;
  toolName: string;
  environment: Environment;
}

// A tool is its inventory id when the events resolved it, else the name the agents used.
const HOURS = `
SELECT coalesce(h."toolId", h."toolName") AS subject, max(h."toolId") AS "toolId", max(h."toolName") AS "toolName",
       h.environment::text AS environment, h.hour,
       sum(h.calls)::float8 AS calls, sum(h."durationSum")::float8 AS "durationSum",
       sum(h."inputSum")::float8 AS "inputSum", sum(h."inputCount")::float8 AS "inputCount",
       sum(h."outputSum")::float8 AS "outputSum", sum(h."outputCount")::float8 AS "outputCount"
  FROM "InvocationHourly" h
 WHERE (h."toolId" = ANY($1::text[]) OR (h."toolId" IS NULL AND h."toolName" = ANY($1::text[])))
   AND h.environment IS NOT NULL AND h.hour >= $2::timestamp AND h.hour <= $3::timestamp
 GROUP BY 1, 4, 5
 ORDER BY 1, 4, 5`;

/** Hourly stats of the given tools (ids or unresolved names) between two hours, from the rollup. */
export async function toolHours(
  db: Prisma.TransactionClient | PrismaClient,
  subjects: readonly string[],
  from: Date,
  to: Date,
): Promise<ToolHour[]> {
  if (subjects.length === 0) return [];
  return db.$queryRawUnsafe<ToolHour[]>(HOURS, [...subjects], from.toISOString(), to.toISOString());
}
