import { existsSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database, type DatabaseTarget } from './driver';
import { applyMigrations } from './migrate';
import { closeDatabase, setDatabaseForProcess } from './client';

export class DatabaseInUseError extends Error {}

/**
 * Processes that hold files of the embedded database open (Linux /proc). PGlite is
 * single-process and keeps its WAL and relation files open while running, so any hit means
 * an app (or another script) is using the folder; deleting it under them would corrupt it.
 * Elsewhere (no /proc) nothing can be told and an empty list comes back.
 */
export function processesHoldingDir(dir: string): number[] {
  if (!existsSync('/proc/self/fd')) return [];
  const prefix = path.resolve(dir) + path.sep;
  const holders: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to look at
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith(prefix)) {
          holders.push(Number(pid));
          break;
        }
      } catch {
        // fd closed meanwhile
      }
    }
  }
  return holders;
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return `the embedded database in ${target.dataDir}`;
  const u = new URL(target.url);
  return `schema "public" of PostgreSQL database ${u.pathname.slice(1) || '(default)'} on ${u.host}`;
}

export interface ResetOptions {
  log?: (line: string) => void;
  /**
   * What a first start does once migrated (lib/server/startup/prepare-instance.ts: demo or
   * reference data, first admin). Handed in, so lib/db never imports lib/server or lib/demo.
   */
  prepare?: (db: Database) => Promise<void>;
}

/**
 * Throws everything away and starts over as on a first start: migrations, then `prepare`.
 * Used by `npm run db:reset`.
 */
export async function resetDatabase(
  target: DatabaseTarget,
  { log = () => undefined, prepare }: ResetOptions = {},
): Promise<{ users: number; auditEvents: number }> {
  if (target.kind === 'pglite') {
    if (!target.dataDir) throw new Error('An in-memory database needs no reset');
    const holders = processesHoldingDir(target.dataDir);
    if (holders.length > 0) {
      throw new DatabaseInUseError(
        `The embedded database in ${target.dataDir} is open in process ${holders.join(', ')} (the app?). ` +
          'PGlite allows one process at a time: stop the app first, then run db:reset again.',
      );
    }
    log(`Deleting ${target.dataDir}`);
    rmSync(target.dataDir, { recursive: true, force: true });
  }
  const db = await openDatabase(target);
  // Seeds that go through lib/server call getPrisma(): they must get this instance, not open a second one.
  setDatabaseForProcess(db);
  try {
    if (target.kind === 'postgres') {
      log('Dropping and recreating schema "public"');
      await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    }
    const applied = await applyMigrations(db);
    log(`Applied ${applied.length} migration(s)`);
    await prepare?.(db);
    const [users, auditEvents] = await Promise.all([db.prisma.user.count(), db.prisma.auditEvent.count()]);
    log(`Seeded: ${users} user(s), ${auditEvents} audit record(s)`);
    return { users, auditEvents };
  } finally {
    await closeDatabase();
  }
}
