import type { SqlSession } from './driver';
import { APPEND_ONLY_TABLES } from './append-only-tables';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class RuntimeRoleError extends Error {}

/** The role a connection runs as (DATABASE_URL's user, or whatever the server mapped it to). */
export async function currentRole(db: SqlSession): Promise<string> {
  const [row] = await db.query<{ role: string }>('SELECT current_user AS role');
  return row!.role;
}

/**
 * Run by the owner (DATABASE_MIGRATION_URL) after the migrations, under the migration lock
 * (concurrent GRANTs on one object fail in PostgreSQL): the runtime role may read and write
 * ordinary tables, only read and append to the evidence tables, and create nothing.
 */
export async function grantRuntimeRole(owner: SqlSession, runtimeRole: string): Promise<void> {
  const role = ident(runtimeRole);
  const present = new Set(
    (
      await owner.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      )
    ).map((r) => r.name),
  );
  const statements = [
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    `REVOKE CREATE ON SCHEMA public FROM ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
    `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
    `REVOKE ALL ON "_prisma_migrations" FROM ${role}`,
    `GRANT SELECT ON "_prisma_migrations" TO ${role}`,
    ...APPEND_ONLY_TABLES.filter((t) => present.has(t)).flatMap((t) => [
      `REVOKE ALL ON ${ident(t)} FROM ${role}`,
      `GRANT SELECT, INSERT ON ${ident(t)} TO ${role}`,
    ]),
  ];
  await owner.exec(statements.join(';\n'));
}

/**
 * With two roles configured, the runtime role must not be able to undo append-only: not the
 * owner of the tables, not a member of the owner role (SET ROLE), not a superuser.
 */
export async function assertRuntimeRoleRestricted(runtime: SqlSession): Promise<void> {
  const [row] = await runtime.query<{ role: string; superuser: boolean; owner: string | null; member: boolean | null }>(
    `SELECT current_user AS role, r.rolsuper AS superuser, t.tableowner AS owner,
            CASE WHEN t.tableowner IS NULL THEN NULL ELSE pg_has_role(current_user, t.tableowner, 'MEMBER') END AS member
       FROM pg_roles r LEFT JOIN pg_tables t ON t.schemaname = 'public' AND t.tablename = 'AuditEvent'
      WHERE r.rolname = current_user`,
  );
  const problem = !row
    ? 'is unknown'
    : row.superuser
      ? 'is a superuser'
      : row.member
        ? `owns the tables or is a member of their owner "${row.owner}"`
        : undefined;
  if (problem) {
    throw new RuntimeRoleError(
      `DATABASE_URL's role "${row?.role ?? '?'}" ${problem}, so it could drop the append-only triggers. With ` +
        'DATABASE_MIGRATION_URL set, DATABASE_URL must use a separate role without those rights (README "Production").',
    );
  }
}
