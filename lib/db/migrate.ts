import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database, SqlSession } from './driver';

/**
 * Applies prisma/migrations in order, recording them in Prisma's own `_prisma_migrations`
 * table so `prisma migrate status` agrees. We apply them ourselves because the Prisma CLI
 * would open PGlite's data folder from a second process, and at start it must already be ours.
 */
export async function applyMigrations(
  db: Database,
  migrationsDir = defaultMigrationsDir(),
  options: MigrationOptions = {},
): Promise<string[]> {
  return db.withSession((session) => applyOnSession(session, migrationsDir, options));
}

export interface MigrationOptions {
  /** Runs on the same connection while the migration lock is still held (the runtime role's grants). */
  afterMigrations?: (session: SqlSession) => Promise<void>;
}

async function applyOnSession(db: SqlSession, migrationsDir: string, options: MigrationOptions): Promise<string[]> {
  const names = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const applied: string[] = [];
  // Several app instances may start at once on PostgreSQL: one migrates, the others wait.
  // The lock comes first: two CREATE TABLE IF NOT EXISTS at once collide in pg_type.
  await db.exec('SELECT pg_advisory_lock(727274)');
  try {
    await db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const done = new Set(
      (
        await db.query<{ migration_name: string }>(
          'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        )
      ).map((r) => r.migration_name),
    );
    for (const name of names) {
      if (done.has(name)) continue;
      const sql = await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const id = randomUUID();
      await db
        .exec(
          `BEGIN;\n${sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) ` +
            `VALUES ('${id}', '${checksum}', now(), '${name.replace(/'/g, "''")}', 1);\nCOMMIT;`,
        )
        .catch(async (err: unknown) => {
          await db.exec('ROLLBACK').catch(() => undefined);
          throw new Error(`Migration ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
        });
      applied.push(name);
    }
    await options.afterMigrations?.(db);
  } finally {
    await db.exec('SELECT pg_advisory_unlock(727274)');
  }
  return applied;
}

export function defaultMigrationsDir(): string {
  return path.join(process.cwd(), 'prisma', 'migrations');
}
