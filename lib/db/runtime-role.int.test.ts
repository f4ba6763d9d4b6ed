import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './driver';
import { openMigratedDatabase } from './open-migrated-database';
import { APPEND_ONLY_TABLES } from './append-only-tables';

// Issue 7.9: with DATABASE_MIGRATION_URL (owner) and DATABASE_URL (runtime), the app's own role
// cannot undo append-only. PostgreSQL only: PGlite has one superuser and no roles to separate.
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const suffix = randomBytes(5).toString('hex');
const OWNER = `tl_owner_${suffix}`;
const RUNTIME = `tl_app_${suffix}`;
const NAME = `toolledger_roles_${suffix}`;

function urlFor(user: string): string {
  const u = new URL(ADMIN_URL);
  u.username = user;
  u.password = '';
  u.pathname = `/${NAME}`;
  return u.toString();
}

describe.skipIf(process.env.TEST_DB !== 'postgres')('two database roles', () => {
  let app: Database;

  beforeAll(async () => {
    const admin = await openDatabase({ kind: 'postgres', url: ADMIN_URL });
    await admin.exec(`CREATE ROLE "${OWNER}" LOGIN; CREATE ROLE "${RUNTIME}" LOGIN`);
    await admin.exec(`CREATE DATABASE "${NAME}" OWNER "${OWNER}"`);
    await admin.close();
    app = await openMigratedDatabase({ kind: 'postgres', url: urlFor(RUNTIME) }, urlFor(OWNER));
  });

  afterAll(async () => {
    await app?.close();
    const admin = await openDatabase({ kind: 'postgres', url: ADMIN_URL });
    await admin.exec(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`);
    await admin.exec(`DROP ROLE IF EXISTS "${RUNTIME}"; DROP ROLE IF EXISTS "${OWNER}"`);
    await admin.close();
  });

  it('migrates as the owner and leaves the tables to it', async () => {
    const [row] = await app.query<{ owner: string; me: string }>(
      `SELECT tableowner AS owner, current_user AS me FROM pg_tables WHERE tablename = 'AuditEvent'`,
    );
    expect(row).toEqual({ owner: OWNER, me: RUNTIME });
  });

  it('lets the runtime role read and append evidence, and work on ordinary tables', async () => {
    await app.exec(`INSERT INTO "AuditEvent" ("actorType", "actorLabel", action, "entityType", "entityId", "prevHash", hash)
      VALUES ('SYSTEM', 'test', 'tool.synced', 'Tool', 't1', '${'0'.repeat(64)}', '${'1'.repeat(64)}')`);
    expect(await app.query(`SELECT "entityId" FROM "AuditEvent"`)).toEqual([{ entityId: 't1' }]);
    await app.exec(`INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES ('u1', 'u1@example.com', 'U', 'AUDITOR', now());
      UPDATE "User" SET name = 'V' WHERE id = 'u1'; DELETE FROM "User" WHERE id = 'u1'`);
  });

  const present = () =>
    app.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`);

  // Any column will do; the invocation log is keyed by its chain position, not an id.
  const columnOf = (t: string) => (t === 'AuditEvent' ? 'action' : t === 'InvocationEvent' ? 'seq' : 'id');
  it.each([
    ['UPDATE', (t: string) => `UPDATE "${t}" SET "${columnOf(t)}" = "${columnOf(t)}"`, /permission denied/],
    ['DELETE', (t: string) => `DELETE FROM "${t}"`, /permission denied/],
    ['TRUNCATE', (t: string) => `TRUNCATE "${t}"`, /permission denied/],
    ['DISABLE TRIGGER', (t: string) => `ALTER TABLE "${t}" DISABLE TRIGGER ALL`, /must be owner/],
    ['DROP TABLE', (t: string) => `DROP TABLE "${t}"`, /must be owner/],
  ])('refuses %s on every append-only table', async (_what, sql, message) => {
    const tables = new Set((await present()).map((r) => r.name));
    const protectedTables = APPEND_ONLY_TABLES.filter((t) => tables.has(t));
    expect(protectedTables).toEqual(
      expect.arrayContaining(['AuditEvent', 'AuditCheckpoint', 'VerificationRecord', 'EnforcementDecision']),
    );
    for (const t of protectedTables) await expect(app.exec(sql(t)), t).rejects.toThrow(message);
  });

  it('refuses DROP TRIGGER on every append-only trigger', async () => {
    const triggers = await app.query<{ table: string; name: string }>(
      `SELECT c.relname AS table, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND c.relname = ANY($1)`,
      [[...APPEND_ONLY_TABLES]],
    );
    expect(triggers.map((t) => t.name)).toEqual(
      expect.arrayContaining(['AuditEvent_append_only', 'AuditEvent_no_truncate', 'AuditCheckpoint_append_only']),
    );
    for (const t of triggers)
      await expect(app.exec(`DROP TRIGGER "${t.name}" ON "${t.table}"`), t.name).rejects.toThrow(/must be owner/);
  });

  it('refuses to create tables or functions to work around it', async () => {
    await expect(app.exec(`CREATE TABLE "Sneaky" (id int)`)).rejects.toThrow(/permission denied/);
  });

  it('refuses to run with the owner as the runtime role', async () => {
    await expect(openMigratedDatabase({ kind: 'postgres', url: urlFor(OWNER) }, urlFor(OWNER))).rejects.toThrow(
      /owns the tables or is a member of their owner.*separate role/,
    );
  });
});
