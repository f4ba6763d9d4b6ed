import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '@/lib/demo/demo-users';
import { prepareInstance } from '@/lib/server/startup/prepare-instance';
import { openDatabase, type DatabaseTarget } from './driver';
import { applyMigrations } from './migrate';
import { DatabaseInUseError, processesHoldingDir, resetDatabase } from './reset-database';

// Not withTestDatabase(): the reset creates and destroys its own database, as `npm run db:reset` does.
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function freshTarget(): Promise<DatabaseTarget> {
  if (process.env.TEST_DB === 'postgres') {
    const name = `toolledger_reset_${randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ kind: 'postgres', url: ADMIN_URL });
    await admin.exec(`CREATE DATABASE "${name}"`);
    await admin.close();
    cleanups.push(async () => {
      const a = await openDatabase({ kind: 'postgres', url: ADMIN_URL });
      await a.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.close();
    });
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    return { kind: 'postgres', url: url.toString() };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'toolledger-reset-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return { kind: 'pglite', dataDir: path.join(dir, 'pglite') };
}

describe('resetDatabase', () => {
  // One full demo seed (several seconds; more when the suite runs in parallel), hence the timeout.
  it('throws away what is there and rebuilds it as on a first start', { timeout: 180_000 }, async () => {
    const target = await freshTarget();
    // A database in use: migrated, with a user that the demo data does not have.
    const db = await openDatabase(target);
    await applyMigrations(db);
    await db.exec(
      `INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ('extra', 'extra@example.test', 'Extra', 'AUDITOR', now())`,
    );
    await db.close();

    const lines: string[] = [];
    const result = await resetDatabase(target, {
      log: (l) => lines.push(l),
      prepare: (db) => prepareInstance({ db: db.prisma }),
    });
    expect(result.users).toBe(DEMO_USERS.length);
    expect(result.auditEvents).toBeGreaterThanOrEqual(DEMO_USERS.length);
    expect(lines.join('\n')).toMatch(target.kind === 'pglite' ? /Deleting/ : /Dropping and recreating schema/);

    const after = await openDatabase(target);
    try {
      expect(await after.query(`SELECT id FROM "User" WHERE email = 'extra@example.test'`)).toEqual([]);
      expect((await after.query<{ n: number }>('SELECT count(*)::int AS n FROM "User"'))[0]!.n).toBe(DEMO_USERS.length);
      // The append-only triggers came back with the migrations.
      await expect(after.exec(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    } finally {
      await after.close();
    }
  });

  // PGlite only: PostgreSQL is a server and has no folder to guard.
  if (process.env.TEST_DB !== 'postgres')
    it('refuses while another PGlite instance holds the folder open', async () => {
      const target = await freshTarget();
      if (target.kind !== 'pglite') throw new Error('unreachable');
      const open = await openDatabase(target);
      try {
        expect(processesHoldingDir(target.dataDir!)).toContain(process.pid);
        await expect(resetDatabase(target)).rejects.toThrow(DatabaseInUseError);
        await expect(resetDatabase(target)).rejects.toThrow(/stop the app first/);
      } finally {
        await open.close();
      }
      expect(processesHoldingDir(target.dataDir!)).toEqual([]);
    });
});
