import path from 'node:path';
import type { PrismaClient } from '@prisma/client';
import { env } from '@/lib/env';
import type { Database } from './driver';
import { openMigratedDatabase } from './open-migrated-database';

// One database per process (PGlite is single-process), kept on globalThis so that
// Next's module reloading in development does not open a second instance.
const holder = globalThis as typeof globalThis & { __toolledgerDb?: Promise<Database> };

/**
 * The process's database, opened and migrated once. Seeding and the first admin are not done
 * here but by the startup use case (lib/server/startup/prepare-instance.ts), so lib/db imports
 * nothing from lib/server or lib/demo.
 */
export function getDatabase(): Promise<Database> {
  holder.__toolledgerDb ??= openAndMigrate().catch((err: unknown) => {
    holder.__toolledgerDb = undefined;
    throw err;
  });
  return holder.__toolledgerDb;
}

export async function getPrisma(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}

/** Tests hand in their own fresh database. */
export function setDatabaseForProcess(db: Database): void {
  holder.__toolledgerDb = Promise.resolve(db);
}

export async function closeDatabase(): Promise<void> {
  const pending = holder.__toolledgerDb;
  holder.__toolledgerDb = undefined;
  if (pending) await (await pending).close();
}

export function databaseTargetFromEnv() {
  const e = env();
  return e.DATABASE_URL
    ? ({ kind: 'postgres', url: e.DATABASE_URL } as const)
    : ({ kind: 'pglite', dataDir: path.resolve(e.TOOLLEDGER_DATA_DIR) } as const);
}

async function openAndMigrate(): Promise<Database> {
  const e = env();
  const target = databaseTargetFromEnv();
  if (target.kind === 'postgres' && !e.DATABASE_MIGRATION_URL && !e.demo) {
    console.warn(
      '[db] DATABASE_MIGRATION_URL is not set: the app runs as the schema owner and could drop the append-only ' +
        'triggers. Use a separate owner role for migrations (README "Production").',
    );
  }
  return openMigratedDatabase(target, e.DATABASE_MIGRATION_URL);
}
