import { PrismaClient } from '@prisma/client';
import { copyFromStdin, pgCopyCall, pgliteCopyCall } from './copy-from-stdin';
import { decodeBytesArgs } from './pglite-bytes-args';
import { pgliteJsonbSerializers } from './pglite-jsonb-binary';
import { pglitePreparedQuery } from './pglite-prepared';
import { registerRawSql } from './raw-sql';
import type { SqlSession } from './sql-session';

export type { SqlSession } from './sql-session';

/** A connected database: the Prisma client plus raw SQL for migrations and tests. */
export interface Database extends SqlSession {
  kind: 'pglite' | 'postgres';
  prisma: PrismaClient;
  /** Runs fn on one dedicated connection. */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /**
   * Calls onNotify for each NOTIFY on channel (PostgreSQL: on a dedicated connection, so
   * notifications from every instance arrive; PGlite: before the notifying statement returns).
   * Resolves once listening; the returned function stops. A lost connection calls onLost.
   */
  listen(channel: string, onNotify: () => void, onLost?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir?: string };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'postgres' ? openPostgres(target.url) : openPglite(target.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const [{ default: pg }, { PrismaPg }, { from: copyFrom }] = await Promise.all([
    import('pg'),
    import('@prisma/adapter-pg'),
    import('pg-copy-streams'),
  ]);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A server restart or an administrator terminating a backend makes idle (and even checked-out)
  // connections emit 'error'; unhandled, that event would crash the whole process. The pool
  // replaces the connection and the query that was running fails on its own.
  const onConnectionError = (err: Error) => console.warn(`[db] PostgreSQL connection error: ${err.message}`);
  pool.on('error', onConnectionError);
  pool.on('connect', (client) => client.on('error', onConnectionError));
  const prisma = new PrismaClient({ adapter: copyFromStdin(new PrismaPg(pool), pgCopyCall(copyFrom)) });
  const listeners = new Set<() => Promise<void>>();
  const exec = async (sql: string) => {
    await pool.query(sql);
  };
  const query = async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[];
  // pg prepares a named statement once per connection and then only binds and executes it.
  const queryPrepared = async <T>(name: string, sql: string, params: readonly (string | number | null)[]) =>
    (await pool.query({ name, text: sql, values: [...params] })).rows as T[];
  registerRawSql(prisma, { exec, query, queryPrepared });
  return {
    kind: 'postgres',
    prisma,
    exec,
    query,
    queryPrepared,
    withSession: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
          queryPrepared: async <T>(name: string, sql: string, params: readonly (string | number | null)[]) =>
            (await client.query({ name, text: sql, values: [...params] })).rows as T[],
        });
      } finally {
        client.release();
      }
    },
    listen: async (channel, onNotify, onLost) => {
      // Not from the pool: a listening connection is held for the process's life.
      const client = new pg.Client({ connectionString: url });
      const lost = (err?: Error) => {
        if (err) onConnectionError(err);
        listeners.delete(stop);
        onLost?.();
      };
      client.on('error', lost);
      client.on('end', () => lost());
      client.on('notification', (n) => {
        if (n.channel === channel) onNotify();
      });
      await client.connect();
      await client.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
      const stop = async () => {
        listeners.delete(stop);
        client.removeAllListeners('end');
        await client.end().catch(() => undefined);
      };
      listeners.add(stop);
      return stop;
    },
    close: async () => {
      await Promise.all([...listeners].map((stop) => stop()));
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

async function openPglite(dataDir?: string): Promise<Database> {
  const [{ PGlite }, { PrismaPGlite }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('pglite-prisma-adapter'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  if (dataDir) {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dataDir, { recursive: true });
  }
  // No dataDir = in memory (tests). PGlite is single-process: one instance per process.
  // pg_trgm: the trigram indexes of text search (migration trigram_search) need it loaded.
  const extensions = { pg_trgm };
  // jsonb parameters in binary form, encoded once natively (pglite-jsonb-binary.ts).
  const serializers = pgliteJsonbSerializers;
  const pglite = dataDir ? new PGlite(dataDir, { extensions, serializers }) : new PGlite({ extensions, serializers });
  await pglite.waitReady;
  const prisma = new PrismaClient({ adapter: copyFromStdin(decodeBytesArgs(new PrismaPGlite(pglite)), pgliteCopyCall) });
  const session: SqlSession = {
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
    queryPrepared: pglitePreparedQuery(pglite),
  };
  registerRawSql(prisma, session);
  return {
    kind: 'pglite',
    prisma,
    ...session,
    withSession: (fn) => fn(session),
    listen: async (channel, onNotify) => pglite.listen(channel, () => onNotify()),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
