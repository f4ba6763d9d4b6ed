import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/lib/db/driver';
import { setDatabaseForProcess } from '@/lib/db/client';
import { reloadEnv } from '@/lib/env';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { signInWithPassword } from '@/lib/server/users/sign-in-with-password';
import { SIGN_IN_SERVICE } from '@/lib/server/users/sign-in-service';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { demoCatalog } from '@/sample-registry/demo-catalog';
import type { SampleCatalog } from '@/sample-registry/model';
import { startSampleRegistry, type SampleRegistry } from '@/sample-registry/server';

// Issue 7.10: two app instances (separate Node processes, the real startup, scheduler and audit
// writer: lib/testing/instance-worker.ts) on one PostgreSQL database. PGlite is one process only.
const CHECKPOINT_KEY = 'two-instances-share-this-checkpoint-key';
const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const NAME = `toolledger_two_${randomBytes(5).toString('hex')}`;
const INTERVAL_MINUTES = 0.05; // 3 s
const WRITES = 40;
const root = path.resolve(__dirname, '../../..');

interface Worker {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  logs: string[];
  waitFor: (key: string) => Promise<Record<string, unknown>>;
}

function startWorker(name: string, url: string): Worker {
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'lib/testing/instance-worker.ts'],
    {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        ...process.env,
        INSTANCE_NAME: name,
        INSTANCE_INTERVAL_MINUTES: String(INTERVAL_MINUTES),
        INSTANCE_WINDOW_MS: '30000',
        INSTANCE_AUDIT_WRITES: String(WRITES),
        DATABASE_URL: url,
        NODE_ENV: 'production',
        TOOLLEDGER_DEMO: 'false',
        NEXTAUTH_SECRET: 'two-instances-share-this-session-secret',
        TOOLLEDGER_ADMIN_EMAIL: 'ops@example.com',
        TOOLLEDGER_ADMIN_PASSWORD: 'two instances, one first admin',
        TOOLLEDGER_CHECKPOINT_KEY: CHECKPOINT_KEY,
        // The registry below is on loopback (a real deployment's would not be).
        TOOLLEDGER_ALLOWED_REGISTRY_HOSTS: '127.0.0.1',
      },
    },
  );
  const lines: Record<string, unknown>[] = [];
  const logs: string[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
      else logs.push(line);
      waiters.splice(0).forEach((w) => w());
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  child.on('exit', () => waiters.splice(0).forEach((w) => w()));
  const waitFor = async (key: string) => {
    for (;;) {
      const hit = lines.find((l) => key in l || 'error' in l);
      if (hit) {
        if ('error' in hit) throw new Error(`${name}: ${String(hit.error)}\n${logs.join('\n')}`);
        return hit;
      }
      if (child.exitCode !== null) throw new Error(`${name} exited ${child.exitCode}:\n${logs.join('\n')}`);
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  return { child, lines, logs, waitFor };
}

/** A three-tool slice of the demo catalogue: the sync is real but quick. */
function smallCatalog(): SampleCatalog {
  const full = demoCatalog(2);
  return {
    count: () => 3,
    packageAt: (i) => full.packageAt(i),
    bySlug: (s) => full.bySlug(s),
    publisher: (s) => full.publisher(s),
  };
}

describe.skipIf(process.env.TEST_DB !== 'postgres')('two instances on one PostgreSQL database', () => {
  let db: Database;
  let registry: SampleRegistry;
  let workers: Worker[] = [];
  let done: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const admin = await openDatabase({ kind: 'postgres', url: ADMIN_URL });
    await admin.exec(`CREATE DATABASE "${NAME}"`);
    await admin.close();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${NAME}`;
    registry = await startSampleRegistry({ catalog: smallCatalog(), port: 0 });
    // Both start at once on an empty database: migrations, first admin, reference data.
    workers = ['a', 'b'].map((n) => startWorker(n, url.toString()));
    await Promise.all(workers.map((w) => w.waitFor('ready')));
    db = await openDatabase({ kind: 'postgres', url: url.toString() });
    // This process verifies what the instances signed: it needs their key.
    process.env.TOOLLEDGER_CHECKPOINT_KEY = CHECKPOINT_KEY;
    reloadEnv();
    setDatabaseForProcess(db);
    await db.prisma.registry.create({
      data: { kind: 'AGENTNODE', name: 'Shared sample', baseUrl: registry.url, config: { perPage: 50 } },
    });
    for (const w of workers) w.child.stdin!.write('go\n');
    done = await Promise.all(workers.map((w) => w.waitFor('done')));
  }, 120_000);

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGTERM');
    await db?.close();
    await registry?.close();
    const admin = await openDatabase({ kind: 'postgres', url: ADMIN_URL });
    await admin.exec(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`);
    await admin.close();
  });

  it('runs each migration once, in one of the two', async () => {
    const expected = readdirSync(path.join(root, 'prisma/migrations'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const applied = workers.flatMap((w) =>
      w.logs.flatMap((l) => [...l.matchAll(/\[db\] applied migration (\S+)/g)].map((m) => m[1]!)),
    );
    expect(applied.sort()).toEqual(expected);
    const rows = await db.query<{ name: string; n: number }>(
      `SELECT migration_name AS name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toEqual(expected.map((name) => ({ name, n: 1 })));
  });

  it('prepares the instance once: one first admin', async () => {
    expect(await db.prisma.user.count({ where: { email: 'ops@example.com' } })).toBe(1);
    expect(await db.prisma.auditEvent.count({ where: { action: 'user.bootstrapped' } })).toBe(1);
  });

  it('runs the sync schedule once per interval between them', async () => {
    const runs = await db.prisma.syncRun.findMany({ orderBy: { startedAt: 'asc' } });
    expect(runs.map((r) => r.status)).toEqual(runs.map(() => 'SUCCEEDED'));
    // Every run was started by exactly one instance.
    const started = done.flatMap((d) => d.syncRuns as string[]);
    expect(started.sort()).toEqual(runs.map((r) => r.id).sort());
    expect(runs.length).toBeGreaterThanOrEqual(2);
    // Never two at once, and never again before the interval has passed since the last one finished.
    for (let i = 1; i < runs.length; i++) {
      expect(runs[i]!.startedAt.getTime()).toBeGreaterThanOrEqual(
        runs[i - 1]!.finishedAt!.getTime() + INTERVAL_MINUTES * 60_000 - 5,
      );
    }
    expect(done.every((d) => (d.ticks as number) >= 2)).toBe(true);
  });

  it('keeps the audit chain intact under concurrent writes from both', async () => {
    for (const name of ['a', 'b'])
      expect(await db.prisma.auditEvent.count({ where: { actorLabel: `worker ${name}` } })).toBe(WRITES);
    const report = await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} });
    expect(report).toMatchObject({ ok: true, checked: await db.prisma.auditEvent.count() });
    // Checkpoints were taken by the schedule too, once per interval across both, and match.
    expect(report.checkpoints.checked).toBe(done.reduce((n, d) => n + (d.checkpoints as number), 0));
    expect(report.checkpoints.checked).toBeGreaterThanOrEqual(1);
  });

  it('shares rate limits between the instances', async () => {
    // Three wrong passwords from each instance: under the limit of five in either alone.
    const results = done.flatMap((d) => d.signIns as string[]);
    expect(results).toHaveLength(6);
    expect(results.filter((r) => r === 'throttled' || r === 'invalid')).toHaveLength(6);
    // Together they passed it: the right password is now refused here too, without being checked.
    const now = await signInWithPassword({
      actor: SIGN_IN_SERVICE,
      input: { email: 'ops@example.com', password: 'two instances, one first admin', clientAddress: null },
    });
    expect(now).toMatchObject({ ok: false, reason: 'throttled' });
    expect(await db.prisma.auditEvent.count({ where: { action: 'user.signInFailed' } })).toBeGreaterThanOrEqual(5);
  });
});
