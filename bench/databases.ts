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

/** Runs `run` on each database; true when every run returned true. */
export async function onEachDatabase(run: (title: string, db: Database) => Promise<boolean>): Promise<boolean> {
  const pglite = await openDatabase({ kind: 'pglite' });
  let ok: boolean;
  try {
    ok = await run('PGlite (embedded, in memory)', pglite);
  } finally {
    await pglite.close();
  }

  const adminUrl =
    process.env.DATABASE_URL ??
    ((await reachable('127.0.0.1', 5432)) ? 'postgresql://postgres@127.0.0.1:5432/postgres' : undefined);
  if (!adminUrl) {
    console.log('\nPostgreSQL not reachable (no DATABASE_URL, nothing on 127.0.0.1:5432): skipped');
    return ok;
  }
  const name = `toolledger_bench_${randomBytes(5).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: adminUrl });
  try {
    await admin.exec(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const pg = await openDatabase({ kind: 'postgres', url: url.toString() });
    try {
      ok = (await run(`PostgreSQL (${url.host}, temporary database ${name})`, pg)) && ok;
    } finally {
      await pg.close();
    }
  } finally {
    await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.close();
  }
  return ok;
}
