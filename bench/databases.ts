// The two databases every data benchmark measures: in-memory PGlite, then a temporary database
// on a PostgreSQL server (DATABASE_URL, or 127.0.0.1:5432 when something answers there), dropped after.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { openDatabase, type Database } from '@/lib/db/driver';

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port, timeout: 1000 }, () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
    s.on('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });
}

export interface DatabaseChoice {
  /** Run on this database only (skip the other). */
  only?: 'pglite' | 'postgres';
  /**
   * A named PostgreSQL database to use instead of a temporary one: created when missing and kept
   * afterwards, so a large catalogue built once can be measured again (the run decides whether to build).
   */
  keepPostgres?: string;
}

/** Runs `run` on each database; true when every run returned true. */
export async function onEachDatabase(
  run: (title: string, db: Database) => Promise<boolean>,
  choice: DatabaseChoice = {},
): Promise<boolean> {
  let ok = true;
  if (choice.only !== 'postgres') {
    const pglite = await openDatabase({ kind: 'pglite' });
    try {
      ok = await run('PGlite (embedded, in memory)', pglite);
    } finally {
      await pglite.close();
    }
  }
  if (choice.only === 'pglite') return ok;

  const adminUrl =
    process.env.DATABASE_URL ??
    ((await reachable('127.0.0.1', 5432)) ? 'postgresql://postgres@127.0.0.1:5432/postgres' : undefined);
  if (!adminUrl) {
    console.log('\nPostgreSQL not reachable (no DATABASE_URL, nothing on 127.0.0.1:5432): skipped');
    return ok;
  }
  const keep = choice.keepPostgres;
  if (keep && !/^[a-z0-9_]+$/.test(keep)) throw new Error(`kept database name must be [a-z0-9_]+: ${keep}`);
  const name = keep ?? `toolledger_bench_${randomBytes(5).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: adminUrl });
  try {
    const exists = keep ? (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [keep])).length > 0 : false;
    if (!exists) await admin.exec(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const pg = await openDatabase({ kind: 'postgres', url: url.toString() });
    try {
      ok = (await run(`PostgreSQL (${url.host}, ${keep ? 'kept' : 'temporary'} database ${name})`, pg)) && ok;
    } finally {
      await pg.close();
    }
  } finally {
    if (!keep) await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.close();
  }
  return ok;
}
