import 'server-only';
import type { PrismaClient } from '@prisma/client';
import { rawSqlOf } from '@/lib/db/raw-sql';
import { canonicalEventJson, type EventFieldsButPosition } from '@/lib/domain/invocations/event-hash';

/** A stored event as the chain walk reads it: seq and the two times as the text the hash covers. */
export interface EventChainRow extends EventFieldsButPosition {
  seq: string;
  receivedAt: string;
  occurredAt: string;
  prevHash: string;
  hash: string;
}

// Columns converted in SQL to what canonicalJson makes of the Prisma values, so that every driver
// (pg, PGlite, Prisma's raw query as a fallback) returns the same JavaScript values: seq as
// decimal text (bigint), times as Date.toISOString() text (TIMESTAMP(3) holds UTC milliseconds;
// read as a timestamp, pg would take it for local time), enums as text; text[] and integers
// come back as arrays and numbers from all three.
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const COLUMNS = `seq::text AS seq, to_char("receivedAt", ${ISO}) AS "receivedAt", "eventId",
  to_char("occurredAt", ${ISO}) AS "occurredAt", "agentName", "agentId", "toolName", "toolId", "toolVersion",
  "toolVersionId", "trustLevel", publisher, "inputSchemaHash", "outputSchemaHash", "durationMs", "inputSizeBytes",
  "outputSizeBytes", "permissionsUsed", "networkUsed"::text AS "networkUsed", "filesystemUsed"::text AS "filesystemUsed",
  "codeExecutionUsed"::text AS "codeExecutionUsed", "dataAccessUsed"::text AS "dataAccessUsed",
  "dataClassification"::text AS "dataClassification", "resultStatus"::text AS "resultStatus",
  approval::text AS approval, "decisionId", "apiKeyId", "prevHash", hash`;

/** The page after `after` in seq order (keyset on the primary key), received in [from, to) when given. */
export async function readEventChainPage(
  db: PrismaClient,
  after: bigint,
  period: { from?: Date; to?: Date },
  limit: number,
): Promise<EventChainRow[]> {
  const params: unknown[] = [after.toString(), limit];
  const where = ['seq > $1::bigint'];
  // Bounds written only when given, so the planner prunes the monthly partitions.
  if (period.from) where.push(`"receivedAt" >= $${params.push(period.from.toISOString())}::timestamp`);
  if (period.to) where.push(`"receivedAt" < $${params.push(period.to.toISOString())}::timestamp`);
  // Ordered by the column, qualified: a bare `seq` would be the text alias, and "10" < "9".
  return rawSqlOf(db).query<EventChainRow>(
    `SELECT ${COLUMNS} FROM "InvocationEvent" e WHERE ${where.join(' AND ')} ORDER BY e.seq LIMIT $2`,
    params,
  );
}

/** The canonical content of a row read as text: the ingest's own literal (lib/domain/invocations/event-hash). */
export function eventChainRowJson(r: EventChainRow): string {
  return canonicalEventJson(r, r.seq, r.receivedAt, r.occurredAt);
}
