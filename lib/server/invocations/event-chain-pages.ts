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

/**
 * Rows a page's JSON texts hold at most: ~900 bytes an event, so a text stays under V8's 128 KiB
 * large-object size. A larger string is allocated outside the young generation; caught alive by a
 * young collection (it is while JSON.parse reads it) it went straight to the old generation, which
 * only a full collection empties: at 1,000 rows a text that was ~50 MiB of garbage over 1M events.
 */
const ROWS_PER_TEXT = 100;

/**
 * The page after `after` in seq order (keyset on the primary key), received in [from, to) when given.
 * The page comes back as a few JSON texts (json_agg of up to ROWS_PER_TEXT rows each, by seq)
 * parsed by JSON.parse: read as ~30 columns a row, PGlite's result parser spent more CPU than
 * PostgreSQL's scan and the whole hash walk together (a typed-array copy and a UTF-8 decode per
 * field: 12 M fields at 400k events). JSON gives the same values: text as strings, integers as
 * numbers, text[] as arrays, NULL as null.
 */
export async function readEventChainPage(
  db: PrismaClient,
  after: bigint,
  period: { from?: Date; to?: Date },
  limit: number,
): Promise<EventChainRow[]> {
  const params: unknown[] = [after.toString(), limit, ROWS_PER_TEXT];
  const where = ['seq > $1::bigint'];
  // Bounds written only when given, so the planner prunes the monthly partitions.
  if (period.from) where.push(`"receivedAt" >= $${params.push(period.from.toISOString())}::timestamp`);
  if (period.to) where.push(`"receivedAt" < $${params.push(period.to.toISOString())}::timestamp`);
  // The inner query is the keyset read (an index range per partition, merged in seq order); the
  // aggregate orders again (json_agg does not promise its input's order), by the number: p.seq is
  // the text alias, and "10" < "9". The inner order is by the column, qualified, for the same reason.
  // Texts are cut by seq range, so one holds at most ROWS_PER_TEXT rows however sparse the seqs.
  const texts = await rawSqlOf(db).query<{ rows: string }>(
    `SELECT (p.seq::bigint - $1::bigint - 1) / $3::int AS part, json_agg(p ORDER BY p.seq::bigint)::text AS rows
       FROM (SELECT ${COLUMNS} FROM "InvocationEvent" e
              WHERE ${where.join(' AND ')} ORDER BY e.seq LIMIT $2) p
      GROUP BY part ORDER BY part`,
    params,
  );
  const page: EventChainRow[] = [];
  for (const t of texts) for (const row of JSON.parse(t.rows) as EventChainRow[]) page.push(row);
  return page;
}

/** The canonical content of a row read as text: the ingest's own literal (lib/domain/invocations/event-hash). */
export function eventChainRowJson(r: EventChainRow): string {
  return canonicalEventJson(r, r.seq, r.receivedAt, r.occurredAt);
}
