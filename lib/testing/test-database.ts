import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database } from '@/lib/db/driver';
import { applyMigrations } from '@/lib/db/migrate';
import { setDatabaseForProcess } from '@/lib/db/client';
import { flushApiKeyLimiter } from '@/lib/server/rate-limit/api-key-limiter';

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or (project "postgres")
 * a new database on the PostgreSQL server, dropped afterwards. lib/server code in the file
 * uses it through getPrisma().
 */
export function withTestDatabase(): { db: () => Database } {
  let db: Database | undefined;
  let dropName: string | undefined;
  beforeAll(async () => {
    if (process.env.TEST_DB === 'postgres') {
      const admin = process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
      dropName = `toolledger_test_${randomBytes(6).toString('hex')}`;
      const adminDb = await openDatabase({ kind: 'postgres', url: admin });
      await adminDb.exec(`CREATE DATABASE "${dropName}"`);
      await adminDb.close();
      const url = new URL(admin);
      url.pathname = `/${dropName}`;
      db = await openDatabase({ kind: 'postgres', url: url.toString() });
    } else {
      db = await openDatabase({ kind: 'pglite' });
    }
    await applyMigrations(db);
    setDatabaseForProcess(db);
  });
  afterAll(async () => {
    // The API key limiter syncs its counts a second after a call: done now, while the database is open.
    await flushApiKeyLimiter();
    await db?.close();
    if (dropName) {
      const adminDb = await openDatabase({
        kind: 'postgres',
        url: process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
      });
      await adminDb.exec(`DROP DATABASE IF EXISTS "${dropName}" WITH (FORCE)`);
      await adminDb.close();
    }
  });
  return {
    db: () => {
      if (!db) throw new Error('test database not ready (use inside tests/hooks)');
      return db;
    },
  };
}
