// `npm run bench -- evidence` (issue 13): build time and peak memory of an evidence pack for a
// quarter with 5,000 tools and 250k, 500k and 1M invocation events, built by the real job runner.
// Events are a valid hash chain (the pack re-computes it), inserted in big JSON batches.
// Each build runs in a child process (evidence-build-worker.ts) that samples its own RSS.
// Targets: each build under 2 minutes and under 512 MiB peak RSS, and memory flat as events grow
// (the 1M build's peak RSS within 64 MiB of the 250k one's).
// Scale down for a smoke run: BENCH_EVIDENCE_EVENTS=2000,4000 BENCH_EVIDENCE_TOOLS=200 BENCH_EVIDENCE_DB=pglite.
// BENCH_DB_PREFIX names the temporary PostgreSQL database (default toolledger_bench_<random>).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database, type DatabaseTarget } from '@/lib/db/driver';
import { applyMigrations } from '@/lib/db/migrate';
import { setDatabaseForProcess } from '@/lib/db/client';
import { GENESIS_HASH } from '@/lib/domain/hash-chain';
import { eventHash, type ChainedEventContent } from '@/lib/domain/invocations/event-hash';
import { reloadEnv } from '@/lib/env';
import { createBulkCatalog } from '@/lib/testing/bulk-catalog';
import { serverMallocEnv, serverNodeArgs } from '../scripts/serve-options.mjs';

const SIZES = (process.env.BENCH_EVIDENCE_EVENTS ?? '250000,500000,1000000').split(',').map(Number);
const TOOLS = Number(process.env.BENCH_EVIDENCE_TOOLS ?? 5000);
const WHICH = process.env.BENCH_EVIDENCE_DB ?? 'both';
/** BENCH_EVIDENCE_PROFILE=1: also print each build step's time, peak RSS and peak heap. */
const PROFILE = process.env.BENCH_EVIDENCE_PROFILE === '1';
const MAX_MS = 120_000;
const MAX_RSS = 512 * 1024 * 1024;
const FLAT_SLACK = 64 * 1024 * 1024;
const Q2 = { from: '2026-04-01', to: '2026-06-30' };
const START = Date.UTC(2026, 3, 1);
const SPAN = Date.UTC(2026, 6, 1) - START;
const BATCH = 5000;

const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

interface World {
  tools: { id: string; name: string }[];
  agents: { id: string; name: string }[];
  seq: bigint;
  prev: string;
}

/** Appends events `from..to` of `total` spread evenly over the quarter, chained after the last one. */
async function addEvents(db: Database, w: World, from: number, to: number, total: number) {
  for (let i = from; i < to; i += BATCH) {
    const rows: Record<string, unknown>[] = [];
    for (let j = i; j < Math.min(to, i + BATCH); j++) {
      const tool = w.tools[(j * 7919) % w.tools.length]!;
      const agent = w.agents[j % w.agents.length]!;
      const at = new Date(START + Math.floor((j / total) * SPAN));
      w.seq += 1n;
      const e: ChainedEventContent = {
        seq: w.seq,
        receivedAt: at,
        eventId: `bench-${j}`,
        occurredAt: at,
        agentName: agent.name,
        agentId: agent.id,
        toolName: tool.name,
        toolId: tool.id,
        toolVersion: '1.0.0',
        toolVersionId: null,
        trustLevel: null,
        publisher: null,
        inputSchemaHash: null,
        outputSchemaHash: null,
        durationMs: j % 1000,
        inputSizeBytes: null,
        outputSizeBytes: null,
        permissionsUsed: ['network:none'],
        networkUsed: 'NONE',
        filesystemUsed: null,
        codeExecutionUsed: null,
        dataAccessUsed: null,
        dataClassification: 'INTERNAL',
        resultStatus: j % 50 === 0 ? 'ERROR' : 'SUCCESS',
        approval: 'ALLOWED',
        decisionId: null,
        apiKeyId: null,
      };
      const hash = eventHash(w.prev, e);
      rows.push({ ...e, seq: Number(e.seq), receivedAt: at.toISOString(), occurredAt: at.toISOString(), prevHash: w.prev, hash });
      w.prev = hash;
    }
    const cols = Object.keys(rows[0]!)
      .map((c) => `"${c}"`)
      .join(', ');
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "InvocationEvent" (${cols}) SELECT ${cols} FROM jsonb_populate_recordset(NULL::"InvocationEvent", $1::jsonb)`,
      JSON.stringify(rows),
    );
  }
}

/**
 * One build through the job runner in a child process (bench/evidence-build-worker.ts), so its
 * RSS is the builder's and not this process's inserting. PGlite allows one process at a time:
 * the parent closes it for the build and reopens it after.
 */
async function measuredBuild(conn: Conn, officer: { id: string; email: string }, dir: string) {
  if (conn.target.kind === 'pglite') await conn.db.close();
  const child = spawnSync(
    'npx',
    [
      'tsx',
      '--conditions=react-server',
      '--expose-gc',
      // The server's own flags for this database (in the app, packs are built in the server).
      ...serverNodeArgs({ DATABASE_URL: conn.target.kind === 'postgres' ? conn.target.url : '' }),
      path.join(path.dirname(new URL(import.meta.url).pathname), 'evidence-build-worker.ts'),
    ],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        ...serverMallocEnv({ DATABASE_URL: conn.target.kind === 'postgres' ? conn.target.url : '' }),
        BENCH_TARGET: JSON.stringify(conn.target),
        BENCH_OFFICER: JSON.stringify(officer),
        BENCH_PERIOD: JSON.stringify(Q2),
        BENCH_PACK_DIR: dir,
      },
    },
  );
  if (conn.target.kind === 'pglite') {
    conn.db = await openDatabase(conn.target);
    setDatabaseForProcess(conn.db);
  }
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{')) throw new Error(`build worker failed: ${child.stderr.slice(-2000)}`);
  const f = JSON.parse(line) as {
    state: string;
    error: string | null;
    ms: number;
    baseline: number;
    peak: number;
    size: number;
    records: number;
    steps: { step: string; ms: number; rss: number; heap: number }[];
  };
  if (f.state !== 'SUCCEEDED') throw new Error(`build ${f.state}: ${f.error}`);
  if (PROFILE)
    for (const s of f.steps)
      console.log(
        `    ${s.step.padEnd(42)} ${(s.ms / 1000).toFixed(1).padStart(6)} s  peak RSS ${mib(s.rss).padStart(8)}  heap ${mib(s.heap).padStart(8)}`,
      );
  return f;
}

interface Conn {
  target: DatabaseTarget;
  db: Database;
}

async function run(label: string, conn: Conn): Promise<boolean> {
  const { db } = conn;
  console.log(`\n--- ${label} ---`);
  await applyMigrations(db);
  setDatabaseForProcess(db);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-packs-'));
  try {
    let t0 = performance.now();
    await createBulkCatalog(db.prisma, { tools: TOOLS, versionsPerTool: 2 });
    for (const month of ['2026-04-01', '2026-05-01', '2026-06-01'])
      await db.prisma.$queryRawUnsafe(`SELECT toolledger_invocation_partition_ensure($1::timestamp)`, month);
    const officer = await db.prisma.user.create({
      data: { email: 'officer@bench.test', name: 'Officer', role: 'COMPLIANCE_OFFICER' },
    });
    const w: World = {
      tools: await db.prisma.tool.findMany({ select: { id: true, name: true }, orderBy: { id: 'asc' } }),
      agents: await db.prisma.agent.findMany({ select: { id: true, name: true }, orderBy: { id: 'asc' } }),
      seq: 0n,
      prev: GENESIS_HASH,
    };
    console.log(`catalogue of ${TOOLS} tools in ${((performance.now() - t0) / 1000).toFixed(1)} s (load ${load()})`);
    let have = 0;
    const total = SIZES.at(-1)!;
    const figures: { events: number; ms: number; rise: number; peak: number }[] = [];
    let ok = true;
    for (const size of SIZES) {
      t0 = performance.now();
      // Spread over the quarter as if the final size were there, so every size covers all 91 days.
      await addEvents(conn.db, w, have, size, total);
      have = size;
      await conn.db.exec('ANALYZE');
      console.log(`${size.toLocaleString('en')} events in place (+${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      const f = await measuredBuild(conn, officer, dir);
      const rise = f.peak - f.baseline;
      // The builder's process: on PGlite it holds the embedded database too (its memory counts).
      const judged = f.peak;
      const pass = f.ms < MAX_MS && judged < MAX_RSS;
      ok &&= pass;
      figures.push({ events: size, ms: f.ms, rise, peak: f.peak });
      console.log(
        `${pass ? 'PASS' : 'FAIL'} ${size.toLocaleString('en').padStart(9)} events: build ${(f.ms / 1000).toFixed(1)} s ` +
          `(< ${MAX_MS / 1000} s), peak RSS ${mib(judged)} (< ${mib(MAX_RSS)}); ` +
          `rise ${mib(rise)} over ${mib(f.baseline)} at start; ` +
          `pack ${(f.size / 1024 / 1024).toFixed(1)} MiB, ${f.records.toLocaleString('en')} records; load ${load()}`,
      );
    }
    const first = figures[0]!;
    const last = figures.at(-1)!;
    const flat = last.peak <= first.peak + FLAT_SLACK;
    console.log(
      `${flat ? 'PASS' : 'FAIL'} flat memory: peak ${mib(first.peak)} at ${first.events.toLocaleString('en')} events, ` +
        `${mib(last.peak)} at ${last.events.toLocaleString('en')} (allowed +${mib(FLAT_SLACK)})`,
    );
    return ok && flat;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function onPglite(): Promise<boolean> {
  // On disk, not in memory: an in-memory PGlite keeps the whole database in this process's RSS.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-pglite-'));
  const target: DatabaseTarget = { kind: 'pglite', dataDir };
  const conn: Conn = { target, db: await openDatabase(target) };
  try {
    return await run('PGlite (embedded, on disk; in the builder process, its memory counts)', conn);
  } finally {
    await conn.db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<boolean> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  // BENCH_DB_PREFIX: on a server shared by several sessions, each names (and can find) its own.
  const prefix = process.env.BENCH_DB_PREFIX ?? 'toolledger_bench';
  if (!/^[a-z0-9_]+$/.test(prefix)) throw new Error(`BENCH_DB_PREFIX must be [a-z0-9_]+: ${prefix}`);
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  let admin: Database;
  try {
    admin = await openDatabase({ kind: 'postgres', url: adminUrl });
    await admin.exec(`CREATE DATABASE "${name}"`);
  } catch (err) {
    console.log(`\nPostgreSQL not reachable (${err instanceof Error ? err.message : String(err)}): skipped`);
    return true;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = { kind: 'postgres', url: url.toString() };
  const conn: Conn = { target, db: await openDatabase(target) };
  try {
    return await run(`PostgreSQL (${url.host}, temporary database ${name})`, conn);
  } finally {
    await conn.db.close();
    await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.close();
  }
}

async function main() {
  process.env.TOOLLEDGER_SECRET_KEY ??= 'bench-evidence-secret-0123456789abcdef';
  reloadEnv();
  console.log(`events ${SIZES.join(', ')}; ${TOOLS} tools; cores ${os.cpus().length}; load ${load()}`);
  let ok = true;
  if (WHICH !== 'postgres') ok = (await onPglite()) && ok;
  if (WHICH !== 'pglite') ok = (await onPostgres()) && ok;
  console.log(ok ? '\nPASS' : '\nFAIL');
  process.exit(ok ? 0 : 1);
}

void main();
