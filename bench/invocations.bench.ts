// Invocation events (issue 11.2, 11 "done when"): on PGlite and on PostgreSQL, a fresh database with
// the demo data and the built app; a SEPARATE process (bench/ingest-worker.mjs) posts NDJSON batches
// of 5,000 events to POST /api/v1/events for BENCH_SECONDS (60) with the hash chain on, while the
// app's resident memory is sampled. Then, with the app stopped, the same rows go in as a raw
// multi-row INSERT (no app) for comparison, and as a raw COPY (the app's own write, printed beside
// it, the share is still of the INSERT), BENCH_EXPLORER_EVENTS (1,000,000) varied events are added
// beside those alike rows, and the explorer's first page is timed for every filter. The load average
// is printed beside every figure: the machine is shared.
// Targets: PostgreSQL ≥ 15,000 events/s and ≥ 40% of the raw insert; explorer p95 < 300 ms; memory flat.
// Short smoke run: BENCH_SECONDS=10 BENCH_EXPLORER_EVENTS=50000 npm run bench -- invocations
// (BENCH_INVOCATIONS_ONLY=postgres or pglite measures one database; not a full run).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database, type DatabaseTarget } from '@/lib/db/driver';
import { applyMigrations } from '@/lib/db/migrate';
import { setDatabaseForProcess } from '@/lib/db/client';
import { seedDemoData } from '@/lib/demo/seed';
import { DEMO_API_KEYS } from '@/lib/demo/demo-api-keys';
import { startServer, stopServer, waitForReady } from './enforce-server';
import { groupCpuSeconds, postgresCpuSeconds } from './process-cpu';
import { explorerFirstPages, fillEvents, rawCopyRate, rawInsertRate, type Subject } from './invocations-direct';

const PORT = Number(process.env.BENCH_INVOCATIONS_PORT ?? 3241);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const EXPLORER_EVENTS = Number(process.env.BENCH_EXPLORER_EVENTS ?? 1_000_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 2);
const BATCH = 5_000;
/** `pglite` or `postgres`: measure one database (not a full run). */
const ONLY = process.env.BENCH_INVOCATIONS_ONLY;
const TARGET = { eventsPerSec: 15_000, shareOfRaw: 0.4, explorerP95Ms: 300, rssGrowth: 1.25 };
const PG_ADMIN_URL = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const base = `http://127.0.0.1:${PORT}`;
const load1 = () => loadavg()[0]!.toFixed(1);
const wire = (level: string) => level.toLowerCase().replace('_', '-');

/** Demo data; the subjects are demo installations whose latest decision allowed them (events link to it). */
async function prepare(target: DatabaseTarget): Promise<Subject[]> {
  const db = await openDatabase(target);
  try {
    await applyMigrations(db);
    setDatabaseForProcess(db);
    await seedDemoData(db.prisma);
    const allowed = await db.prisma.enforcementDecision.findMany({
      where: { outcome: 'ALLOW', toolVersionId: { not: null } },
      distinct: ['agentName', 'toolName', 'version'],
      take: 6,
      select: { agentName: true, toolName: true, version: true, toolVersionId: true },
    });
    const subjects: Subject[] = [];
    for (const d of allowed) {
      const v = await db.prisma.toolVersion.findUniqueOrThrow({
        where: { id: d.toolVersionId! },
        select: { network: true, filesystem: true },
      });
      subjects.push({
        agent: d.agentName,
        tool: d.toolName,
        version: d.version,
        permissions: [`network:${wire(v.network)}`, `filesystem:${wire(v.filesystem)}`],
      });
    }
    if (!subjects.length) throw new Error('the demo data has no allowed installation to report events for');
    return subjects;
  } finally {
    await db.close();
  }
}

/** Resident memory of the app's whole process group (npm start → next), in MB. */
function groupRssMb(server: ChildProcess): number {
  const r = spawnSync('ps', ['-o', 'rss=', '-g', String(server.pid)], { encoding: 'utf8' });
  return (
    r.stdout
      .split('\n')
      .map((l) => Number(l.trim()) || 0)
      .reduce((a, b) => a + b, 0) / 1024
  );
}

interface IngestResult {
  accepted: number;
  batches: number;
  failed: number;
  lastError: string | null;
  seconds: number;
  eventsPerSec: number;
  p50: number;
  p95: number;
  /** The load generator's own CPU (building and sending the batches). */
  cpuSeconds: number;
  /** Events per second stored in each third of the run (does the rate hold as the table grows?). */
  thirds: number[];
}

/** The worker in its own process; RSS sampled every 500 ms meanwhile. */
async function ingest(server: ChildProcess, s: Subject, seconds: number, tag: string, database?: string) {
  const template = {
    agent_id: s.agent,
    tool_name: s.tool,
    tool_version: s.version,
    tool_trust_level: 'gold',
    execution_duration_ms: 120,
    input_size_bytes: 900,
    output_size_bytes: 2400,
    permissions_used: s.permissions,
    data_classification: 'internal',
    result_status: 'success',
  };
  const job = {
    url: `${base}/api/v1/events`,
    key: DEMO_API_KEYS.INGEST,
    seconds,
    batch: BATCH,
    connections: CONNECTIONS,
    template,
    tag,
  };
  const rss: number[] = [];
  const cpu0 = { app: groupCpuSeconds(server.pid), postgres: postgresCpuSeconds(), backends: postgresCpuSeconds(database) };
  const sampler = setInterval(() => rss.push(groupRssMb(server)), 500);
  const out = await new Promise<string>((resolve, reject) => {
    const worker = spawn(process.execPath, [path.join(root, 'bench/ingest-worker.mjs'), JSON.stringify(job)], { cwd: root });
    let text = '';
    worker.stdout.on('data', (c: Buffer) => (text += c.toString()));
    worker.stderr.on('data', (c: Buffer) => process.stderr.write(c));
    worker.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`ingest worker exited ${code}`))));
  });
  clearInterval(sampler);
  const cpu = {
    app: groupCpuSeconds(server.pid) - cpu0.app,
    postgres: postgresCpuSeconds() - cpu0.postgres,
    backends: postgresCpuSeconds(database) - cpu0.backends,
  };
  return { result: JSON.parse(out.trim().split('\n').pop()!) as IngestResult, rss, cpu };
}

async function freshTarget(kind: Database['kind'], tmp: string) {
  if (kind === 'pglite') return { target: { kind, dataDir: path.join(tmp, 'pglite') } as DatabaseTarget, drop: async () => {} };
  const name = `toolledger_bench_events_${randomBytes(5).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: PG_ADMIN_URL });
  await admin.exec(`CREATE DATABASE "${name}"`);
  await admin.close();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    target: { kind, url: url.toString() } as DatabaseTarget,
    drop: async () => {
      const a = await openDatabase({ kind: 'postgres', url: PG_ADMIN_URL });
      await a.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      await a.close();
    },
  };
}

let server: ChildProcess | undefined;

/**
 * The server's WAL position and checkpoint counters. A checkpoint during the run (one is requested
 * whenever the WAL written since the last passes about half of max_wal_size, and a busy ingest
 * writes ~1 KB of WAL per event) writes the dirty pages out and makes the next write of each page
 * carry a full-page image: the main reason two runs on the same machine differ.
 */
async function walState() {
  const admin = await openDatabase({ kind: 'postgres', url: PG_ADMIN_URL });
  try {
    const [row] = await admin.prisma.$queryRawUnsafe<{ lsn: string; timed: number; requested: number; mb: number }[]>(
      `SELECT pg_current_wal_lsn()::text AS lsn, checkpoints_timed::int AS timed, checkpoints_req::int AS requested,
              (SELECT setting::int FROM pg_settings WHERE name = 'max_wal_size') AS mb
         FROM pg_stat_bgwriter`,
    );
    return row!;
  } finally {
    await admin.close();
  }
}

function walLine(a: Awaited<ReturnType<typeof walState>>, b: Awaited<ReturnType<typeof walState>>, batches: number): string {
  const lsn = (t: string) => {
    const [hi, lo] = t.split('/');
    return Number.parseInt(hi!, 16) * 2 ** 32 + Number.parseInt(lo!, 16);
  };
  const mb = (lsn(b.lsn) - lsn(a.lsn)) / 2 ** 20;
  return (
    `PostgreSQL WAL during the run: ${mb.toFixed(0)} MiB (${(mb / Math.max(1, batches)).toFixed(1)} MiB per batch); ` +
    `checkpoints: ${b.timed - a.timed} timed, ${b.requested - a.requested} requested by WAL volume (max_wal_size ${b.mb} MB)`
  );
}

const databaseName = (t: DatabaseTarget) => (t.kind === 'postgres' ? new URL(t.url).pathname.slice(1) : undefined);

async function runOn(kind: Database['kind'], title: string): Promise<boolean> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'toolledger-bench-events-'));
  const logFile = path.join(tmp, 'server.log');
  const { target, drop } = await freshTarget(kind, tmp);
  try {
    console.log(`\n##### ${title}\npreparing a fresh database with the demo data…  (load ${load1()})`);
    const subjects = await prepare(target);
    console.log(`building (if needed) and starting the app on port ${PORT} (log: ${logFile})…`);
    server = startServer(PORT, target, logFile);
    await waitForReady(base, server, logFile);
    await ingest(server, subjects[0]!, 3, 'warm'); // JIT, plans, pools
    const wal0 = kind === 'postgres' ? await walState() : null;
    const { result: r, rss, cpu } = await ingest(server, subjects[0]!, SECONDS, 'run', databaseName(target));
    const wal1 = kind === 'postgres' ? await walState() : null;
    await stopServer(server);
    server = undefined;
    const third = Math.max(1, Math.floor(rss.length / 3));
    const early = Math.max(...rss.slice(0, third));
    const late = Math.max(...rss.slice(-third));
    const db = await openDatabase(target);
    try {
      const raw = await rawInsertRate(db, subjects[0]!, BATCH, Math.min(SECONDS, 20));
      const rawCopy = await rawCopyRate(db, subjects[0]!, BATCH, Math.min(SECONDS, 20));
      const share = r.eventsPerSec / raw;
      console.log(
        `POST /api/v1/events: ${r.accepted.toLocaleString('en')} events in ${r.seconds.toFixed(1)} s = ${r.eventsPerSec.toFixed(0)} events/s ` +
          `(${r.batches} batches of ${BATCH}, ${CONNECTIONS} connections, batch p50 ${r.p50} ms p95 ${r.p95} ms, per third ${r.thirds.map((t) => t.toFixed(0)).join(' / ')} events/s, ${r.failed} failed${r.lastError ? `: ${r.lastError}` : ''})  (load ${load1()})`,
      );
      // Where the run's time went, per batch: on two cores the three together bound the rate.
      const perBatch = (seconds: number) => `${((seconds * 1000) / Math.max(1, r.batches)).toFixed(0)} ms`;
      console.log(
        `CPU per batch of ${BATCH}: app ${perBatch(cpu.app)}, ${kind === 'postgres' ? `PostgreSQL server ${perBatch(cpu.postgres)} (this database's backends ${perBatch(cpu.backends)}; the rest is WAL and other work on the server), ` : ''}sender ${perBatch(r.cpuSeconds)}; ` +
          `${(cpu.app + (kind === 'postgres' ? cpu.postgres : 0) + r.cpuSeconds).toFixed(1)} CPU s in ${r.seconds.toFixed(1)} s on ${cpus().length} cores`,
      );
      if (wal0 && wal1) console.log(walLine(wal0, wal1, r.batches));
      console.log(`raw multi-row INSERT, same rows, no app: ${raw.toFixed(0)} events/s  (load ${load1()})`);
      console.log(
        `raw COPY (the app's write, hashes included), same rows, no app: ${rawCopy.toFixed(0)} events/s  (load ${load1()})`,
      );
      console.log(
        `app RSS while ingesting: first third peak ${early.toFixed(0)} MB, last third peak ${late.toFixed(0)} MB, max ${Math.max(...rss).toFixed(0)} MB (${rss.length} samples)`,
      );
      const flat = late <= TARGET.rssGrowth * early;
      let ok = flat && r.failed === 0;
      console.log(`${flat ? 'PASS' : 'FAIL'}  memory flat: last-third peak ≤ ${TARGET.rssGrowth} × first-third peak`);
      if (kind === 'postgres') {
        const rate = r.eventsPerSec >= TARGET.eventsPerSec;
        const rel = share >= TARGET.shareOfRaw;
        ok = ok && rate && rel;
        console.log(
          `${rate ? 'PASS' : 'FAIL'}  ingest ${r.eventsPerSec.toFixed(0)} events/s (needs ≥ ${TARGET.eventsPerSec})  (load ${load1()})`,
        );
        console.log(
          `${rel ? 'PASS' : 'FAIL'}  ingest = ${(share * 100).toFixed(0)}% of the raw insert (needs ≥ ${TARGET.shareOfRaw * 100}%)`,
        );
      } else console.log(`(PGlite: ingest = ${(share * 100).toFixed(0)}% of its raw insert; the rate targets are PostgreSQL's)`);
      const t0 = performance.now();
      const total = await fillEvents(db, EXPLORER_EVENTS, subjects);
      console.log(
        `\nexplorer over ${total.toLocaleString('en')} events (${EXPLORER_EVENTS.toLocaleString('en')} varied ones added in ${((performance.now() - t0) / 1000).toFixed(0)} s), first page of 50, 20 runs each:`,
      );
      ok = (await explorerFirstPages(db, subjects[0]!, 20, TARGET.explorerP95Ms)) && ok;
      return ok;
    } finally {
      await db.close();
    }
  } finally {
    if (server) await stopServer(server);
    server = undefined;
    await drop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function postgresReachable(): Promise<boolean> {
  try {
    const db = await openDatabase({ kind: 'postgres', url: PG_ADMIN_URL });
    await db.query('SELECT 1');
    await db.close();
    return true;
  } catch {
    return false;
  }
}

async function main() {
  process.on('exit', () => {
    if (server?.pid)
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
  });
  console.log(
    `invocations bench: ${SECONDS} s of ingest per database, explorer over ${EXPLORER_EVENTS.toLocaleString('en')} events`,
  );
  let ok = true;
  if (ONLY !== 'postgres') ok = await runOn('pglite', 'PGlite (embedded, file-backed)');
  if (ONLY === 'pglite') console.log('\nPostgreSQL not measured (BENCH_INVOCATIONS_ONLY=pglite): not a full run');
  else if (await postgresReachable()) ok = (await runOn('postgres', 'PostgreSQL')) && ok;
  else console.log('\nPostgreSQL not reachable: skipped');
  console.log(`\n${ok ? 'all targets met' : 'some targets missed (see FAIL lines)'}`);
  process.exit(0);
}

void main();
