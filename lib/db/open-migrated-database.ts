import { openDatabase, type Database, type DatabaseTarget } from './driver';
import { applyMigrations } from './migrate';
import { assertRuntimeRoleRestricted, currentRole, grantRuntimeRole } from './runtime-role';

/**
 * Opens the runtime connection and brings the schema up to date. With a migration URL (the
 * owner role), migrations and grants run on a short-lived owner connection and the app keeps
 * only the runtime role, which must not be able to undo append-only; without one (embedded
 * database, or a single PostgreSQL role) the runtime connection migrates itself.
 */
export async function openMigratedDatabase(target: DatabaseTarget, migrationUrl?: string): Promise<Database> {
  const db = await openDatabase(target);
  try {
    if (target.kind === 'postgres' && migrationUrl) {
      const role = await currentRole(db);
      const owner = await openDatabase({ kind: 'postgres', url: migrationUrl });
      try {
        logApplied(await applyMigrations(owner, undefined, { afterMigrations: (session) => grantRuntimeRole(session, role) }));
      } finally {
        await owner.close();
      }
      await assertRuntimeRoleRestricted(db);
    } else {
      logApplied(await applyMigrations(db));
    }
    return db;
  } catch (err) {
    await db.close();
    throw err;
  }
}

/** One line per migration this process applied: with several instances, exactly one says it. */
function logApplied(names: string[]): void {
  for (const name of names) console.info(`[db] applied migration ${name}`);
}
