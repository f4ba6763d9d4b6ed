import type { PrismaClient } from '@prisma/client';
import type { SqlSession } from './sql-session';

// The raw driver behind each Prisma client openDatabase made. Operations receive a PrismaClient
// (ADR 0004); a walk over a million rows reads them through the driver instead, which skips the
// query engine's per-row conversions (a quarter of a million rows a minute slower through Prisma).
const sqlOf = new WeakMap<object, SqlSession>();

export function registerRawSql(prisma: PrismaClient, sql: SqlSession): void {
  sqlOf.set(prisma, sql);
}

/**
 * Parameterized SQL on the database of `prisma`: its driver when openDatabase made the client,
 * else (a transaction client, a client made elsewhere) Prisma's own raw query, which returns the
 * same values for SQL that selects text, integers, booleans and text arrays only.
 */
export function rawSqlOf(prisma: Pick<PrismaClient, '$queryRawUnsafe'>): Pick<SqlSession, 'query'> {
  return (
    sqlOf.get(prisma) ?? {
      query: <T>(sql: string, params: unknown[] = []) => prisma.$queryRawUnsafe<T[]>(sql, ...params),
    }
  );
}
