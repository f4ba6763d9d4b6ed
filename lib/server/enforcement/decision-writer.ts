import 'server-only';
import { randomBytes } from 'node:crypto';
import type { SqlSession } from '@/lib/db/driver';

export interface DecisionRow {
  createdAt: Date;
  apiKeyId: string | null;
  agentName: string;
  agentId: string | null;
  toolName: string;
  toolId: string | null;
  version: string;
  toolVersionId: string | null;
  artifactDigest: string | null;
  action: 'INSTALL' | 'INVOKE';
  outcome: 'ALLOW' | 'DENY';
  reasons: unknown;
  policyId: string | null;
  policyVersion: number | null;
  exceptionId: string | null;
  changeRequestId: string | null;
}

/**
 * Random bytes for decision ids, drawn from the system 4 KiB at a time: one `randomBytes(10)` per
 * call was a system call and a buffer per decision (24 µs of the request thread at 200 req/s).
 */
const RANDOM_POOL_BYTES = 4096;
const ID_RANDOM_BYTES = 10;
let randomPool = Buffer.alloc(0);
let randomAt = 0;

/** Time-ordered, collision-safe id in the same shape family as Prisma's cuid (c + base36). */
export function newDecisionId(now: Date): string {
  if (randomAt + ID_RANDOM_BYTES > randomPool.length) {
    randomPool = randomBytes(RANDOM_POOL_BYTES);
    randomAt = 0;
  }
  const random = randomPool.toString('hex', randomAt, randomAt + ID_RANDOM_BYTES);
  randomAt += ID_RANDOM_BYTES;
  return `c${now.getTime().toString(36)}${random}`;
}

/**
 * Appends decision rows to the log by group commit (ADR 0008). Each enforce call hands its row to the writer and
 * answers only once the statement holding that row has committed. While one INSERT is in flight,
 * the rows of concurrent calls queue and the next INSERT writes them all: one statement, one
 * commit for many decisions, and no waiting when the system is idle (the first row goes at once).
 * If the INSERT fails, every call whose row was in it gets the error: none is answered "allow"
 * without its row.
 *
 * A row may carry the enforcement generation its facts were read at: the INSERT writes it only
 * if that generation is still current when the statement runs (a governing change committed
 * since makes it `stale`, and the caller decides again on fresh facts). Rows without one
 * (decided on facts read just before) are always written.
 */
export type WriteOutcome = { written: true; id: string } | { written: false };

interface Pending {
  id: string;
  row: DecisionRow;
  generation: string | null;
  resolve: (outcome: WriteOutcome) => void;
  reject: (err: unknown) => void;
}

/** 19 parameters a row: well under PostgreSQL's 65 535 per statement. */
const MAX_BATCH = 500;
/** Batches of up to this many rows use a prepared statement (one per size); larger ones are parsed each time. */
const PREPARED_SIZES = 16;
const COLUMNS = `"id", "createdAt", "apiKeyId", "agentName", "agentId", "toolName", "toolId", "version", "toolVersionId",
  "artifactDigest", "action", "outcome", "reasons", "policyId", "policyVersion", "exceptionId", "changeRequestId"`;

function tuple(i: number): string {
  const p = (n: number) => `$${i * 18 + n}`;
  return `(${p(1)}, ${p(2)}::timestamp, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${p(11)}::"EnforcementAction", ${p(12)}::"EnforcementOutcome", ${p(13)}::jsonb, ${p(14)}, ${p(15)}::int, ${p(16)}, ${p(17)}, ${p(18)}::text)`;
}

const statements = new Map<number, string>();
function insertSql(n: number): string {
  let sql = statements.get(n);
  if (!sql) {
    sql = `INSERT INTO "EnforcementDecision" (${COLUMNS})
SELECT ${COLUMNS} FROM (VALUES ${Array.from({ length: n }, (_, i) => tuple(i)).join(',\n')})
  AS v(${COLUMNS}, "generation")
 WHERE v."generation" IS NULL OR v."generation" = (SELECT "value"::text FROM "EnforcementGeneration" WHERE "id" = 1)
RETURNING "id"`;
    statements.set(n, sql);
  }
  return sql;
}

function params(batch: readonly Pending[]): (string | number | null)[] {
  return batch.flatMap(({ id, row, generation }) => [
    id,
    row.createdAt.toISOString(),
    row.apiKeyId,
    row.agentName,
    row.agentId,
    row.toolName,
    row.toolId,
    row.version,
    row.toolVersionId,
    row.artifactDigest,
    row.action,
    row.outcome,
    JSON.stringify(row.reasons),
    row.policyId,
    row.policyVersion,
    row.exceptionId,
    row.changeRequestId,
    generation,
  ]);
}

export interface DecisionWriter {
  write(row: DecisionRow, generation?: string | null): Promise<WriteOutcome>;
}

export function createDecisionWriter(db: SqlSession): DecisionWriter {
  let queue: Pending[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.length <= MAX_BATCH ? queue : queue.slice(0, MAX_BATCH);
      queue = queue.length <= MAX_BATCH ? [] : queue.slice(MAX_BATCH);
      try {
        // Prepared per batch size up to PREPARED_SIZES (the sizes a quiet or busy second produces):
        // the statement is then bound and executed, not parsed and planned, on every call.
        const sql = insertSql(batch.length);
        const rows =
          batch.length <= PREPARED_SIZES
            ? await db.queryPrepared<{ id: string }>(`toolledger_decision_insert_${batch.length}`, sql, params(batch))
            : await db.query<{ id: string }>(sql, params(batch));
        const written = new Set(rows.map((r) => r.id));
        for (const p of batch) p.resolve(written.has(p.id) ? { written: true, id: p.id } : { written: false });
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    }
    flushing = false;
  }

  return {
    write(row, generation = null) {
      return new Promise<WriteOutcome>((resolve, reject) => {
        queue.push({ id: newDecisionId(row.createdAt), row, generation, resolve, reject });
        if (!flushing) {
          flushing = true;
          // Rows handed in during this turn of the event loop join the first statement.
          setImmediate(() => void flush());
        }
      });
    },
  };
}

const writers = new WeakMap<SqlSession, DecisionWriter>();

/** The process's writer for a database (one queue per database, so one statement in flight). */
export function decisionWriterFor(db: SqlSession): DecisionWriter {
  let w = writers.get(db);
  if (!w) writers.set(db, (w = createDecisionWriter(db)));
  return w;
}
