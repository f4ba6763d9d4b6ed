import { DriverAdapterError, type SqlQuery } from '@prisma/driver-adapter-utils';
import type { Writable } from 'node:stream';
import { resolveBulkArgs } from './bulk-args';

/**
 * `COPY <table> (<columns>) FROM STDIN` through Prisma, inside an interactive transaction:
 * `tx.$executeRawUnsafe(sql, data)` with the rows as one text argument in COPY text format
 * (lib/db/copy-text.ts) returns the number of rows copied. Prisma has no COPY, and its
 * transaction client does not expose the connection it holds, so each driver adapter is taught
 * the one statement on its shared query path (`performIO`, which transactions use too), the way
 * pglite-bytes-args.ts teaches PGlite's adapter bytea. The data then goes on the transaction's
 * own connection: the rows commit or roll back with everything else the transaction did.
 *
 * - PostgreSQL (@prisma/adapter-pg): the copy sub-protocol through pg-copy-streams.
 * - PGlite: it has no STDIN over its API, but reads `COPY … FROM '/dev/blob'` from a Blob
 *   handed to `query`: the same statement and data, rewritten.
 *
 * Any other adapter would pass the statement to the server, which refuses the stray argument:
 * an error, never rows silently lost.
 */
export const COPY_FROM_STDIN = /^\s*COPY\s[^;]*\sFROM\s+STDIN\b[^;]*$/i;

interface Queryable {
  client: unknown;
  performIO(query: SqlQuery): Promise<unknown>;
  onError(error: unknown): never;
}

type CopyCall = (self: Queryable, sql: string, data: string) => Promise<unknown>;

/** Copies through the transaction's pg client; the result looks like a pg result (executeRaw reads rowCount). */
export function pgCopyCall(copyFrom: (sql: string) => Writable & { rowCount?: number }): CopyCall {
  return async (self, sql, data) => {
    const client = self.client as { query(stream: Writable): Writable };
    const stream = client.query(copyFrom(sql));
    await new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.on('finish', resolve);
      stream.end(Buffer.from(data, 'utf8'));
    });
    const rowCount = (stream as Writable & { rowCount?: number }).rowCount ?? 0;
    return { rowCount, rows: [], fields: [] };
  };
}

interface PgError {
  code: string;
  message: string;
  severity?: string;
  detail?: string;
  column?: string;
  hint?: string;
}

/**
 * PGlite reads the data as a file; executeRaw reads affectedRows. Its errors are handed to Prisma
 * as the adapter means to: pglite-prisma-adapter recognizes them with `instanceof` against its own
 * copy of PGlite's error class, which the app's PGlite does not share, and Prisma then reports
 * "Code: N/A, Message: undefined" instead of PostgreSQL's message (the line and column at fault).
 */
export const pgliteCopyCall: CopyCall = async (self, sql, data) => {
  const client = self.client as {
    query(sql: string, params: unknown[], options: { blob: Blob }): Promise<{ affectedRows?: number }>;
  };
  const fromBlob = sql.replace(/\bFROM\s+STDIN\b/i, `FROM '/dev/blob'`);
  try {
    const result = await client.query(fromBlob, [], { blob: new Blob([data]) });
    return { affectedRows: result.affectedRows ?? 0, rows: [], fields: [] };
  } catch (err) {
    const e = err as Partial<PgError> & { where?: string };
    if (typeof e.code !== 'string' || typeof e.message !== 'string') throw err;
    const message = e.where ? `${e.message} (${e.where})` : e.message;
    throw new DriverAdapterError({
      kind: 'postgres',
      code: e.code,
      severity: e.severity ?? 'ERROR',
      message,
      detail: e.detail,
      column: e.column,
      hint: e.hint,
      // What Prisma prints for a failed raw query.
      originalCode: e.code,
      originalMessage: message,
    });
  }
};

/**
 * Teaches the adapter the factory connects to COPY FROM STDIN, and to take large arguments by
 * handle (bulk-args.ts), once per adapter class.
 */
export function copyFromStdin<F extends { connect(): Promise<unknown> }>(factory: F, copy: CopyCall): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    let proto = Object.getPrototypeOf(adapter) as (Queryable & { __copyFromStdin?: true }) | null;
    while (proto && !Object.prototype.hasOwnProperty.call(proto, 'performIO')) proto = Object.getPrototypeOf(proto);
    if (proto && !proto.__copyFromStdin) {
      const perform = proto.performIO;
      proto.performIO = async function (this: Queryable, original: SqlQuery) {
        const query = { ...original, args: resolveBulkArgs(original.args) };
        if (!COPY_FROM_STDIN.test(query.sql)) return perform.call(this, query);
        const [data, ...rest] = query.args;
        if (typeof data !== 'string' || rest.length) {
          throw new TypeError('COPY … FROM STDIN takes exactly one argument: the rows in COPY text format');
        }
        try {
          return await copy(this, query.sql, data);
        } catch (err) {
          this.onError(err);
        }
      };
      proto.__copyFromStdin = true;
    }
    return adapter;
  };
  return factory;
}
