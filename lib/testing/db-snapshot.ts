import type { SqlSession } from '@/lib/db/driver';

/**
 * One digest per table over all its rows: any insert, update or delete changes it. Used by
 * the authorization matrices to prove a refused call wrote nothing, anywhere.
 */
export async function snapshotTables(db: SqlSession): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.query<{ digest: string }>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
    );
    out[name] = row!.digest;
  }
  return out;
}
