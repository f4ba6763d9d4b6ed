// Enforcement API (issue 9 points 1-2, ADR 0008): builds and starts the app on a fresh database
// with the demo data, on PGlite (embedded) and then on PostgreSQL (a temporary database on
// DATABASE_URL's server, or 127.0.0.1:5432 when something answers there), before and after
// growth (10k tools, 50k versions, 200k logged decisions), and drives it from a second process
// (bench/load-worker.mjs: constant arrival rate). Two figures, each with the load average:
//  - fixed rate: POST /api/v1/enforce (allowed, denied) against the trivial GET /api/v1/health of
//    the same app, at 200 req/s; PASS when enforce p99 ≤ 2 × health p99. The three routes take
//    turns in short slices (each alone at the rate), so that all three see the same machine;
//  - capacity: the highest offered rate, stepped up, at which p99 stays under 50 ms, for enforce
//    and for health in the same run; PASS when enforce reaches ≥ 50% of health on PostgreSQL and
//    ≥ 30% on PGlite.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database, type DatabaseTarget } from '@/lib/db/driver';
import { applyMigrations } from '@/lib/db/migrate';
import { setDatabaseForProcess } from '@/lib/db/client';
import { seedDemoData } from '@/lib/demo/seed';
import { DEMO_API_KEYS } from '@/lib/demo/demo-api-keys';
import { evaluatePolicy } from '@/lib/domain/policy/evaluate';
import { getCurrentPolicy } from '@/lib/server/policies/get-current-policies';
import { VERSION_FACTS_SELECT, versionFactsOf } from '@/lib/server/policies/version-facts';
import { benchPrelude } from './common';
import { groupCpuSeconds } from './process-cpu';
import { startServer, stopServer, waitForReady } from './enforce-server';
import { growCatalogue } from './growth';

const PORT = Number(process.env.BENCH_ENFORCE_PORT ?? 3214);
const RATE = Number(process.env.BENCH_RATE ?? 200);
/** Fixed rate: seconds per route in all, in turns of SLICE_S seconds (health, allowed, denied, rotating). */
const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
const SLICE_S = Number(process.env.BENCH_SLICE ?? 2);
/** Capacity: offered rates tried in turn, each for STEP_S seconds, until p99 reaches P99_LIMIT_MS. */
const STEPS = [50, 100, 150, 200, 300, 400, 500, 600, 800, 1000, 1200, 1500, 2000];
const STEP_S = Number(process.env.BENCH_STEP_DURATION ?? 4);
const P99_LIMIT_MS = 50;
const CAPACITY_SHARE = { pglite: 0.3, postgres: 0.5 } as const;
const PG_ADMIN_URL = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const base = `http://127.0.0.1:${PORT}`;

const load1 = () => loadavg()[0]!.toFixed(1);

/** Demo data plus one production agent with an allowed and a denied installation. */
async function prepareDatabase(target: DatabaseTarget) {
  const db = await openDatabase(target);
  await applyMigrations(db);
  setDatabaseForProcess(db);
  const prisma = db.prisma;
  await seedDemoData(prisma);
  const policy = await getCurrentPolicy('PRODUCTION', { db: prisma });
  const candidates = await prisma.toolVersion.findMany({
    where: { latestOf: { isNot: null } },
    select: {
      ...VERSION_FACTS_SELECT,
      version: true,
      artifactDigest: true,
      tool: { select: { externalId: true, registry: { select: { name: true } } } },
    },
    orderBy: { id: 'asc' },
  });
  const now = new Date();
  const passes = (c: (typeof candidates)[number]) => evaluatePolicy(policy, versionFactsOf(c), { now }).passes;
  const allowed = candidates.find(passes);
  // A denied case must stay denied: the demo's exceptions (approved, with expiry dates relative to
  // the seed's clock) can cover a failing version, so skip every tool with an exception in production.
  const excepted = new Set(
    (await prisma.policyException.findMany({ where: { environment: 'PRODUCTION' }, select: { toolId: true } })).map(
      (e) => e.toolId,
    ),
  );
  const fails = (c: (typeof candidates)[number]) => !passes(c) && !excepted.has(c.toolId);
  const denied = candidates.find((c) => fails(c) && c.tier === 'VERIFIED') ?? candidates.find(fails);
  if (!allowed || !denied)
    throw new Error(`demo catalogue lacks a passing and a failing version (${candidates.length} versions)`);
  const agent = await prisma.agent.create({ data: { name: 'bench-agent-prod-01', environment: 'PRODUCTION', owner: 'bench' } });
  for (const v of [allowed, denied]) {
    await prisma.installation.create({
      data: {
        agentId: agent.id,
        toolVersionId: v.id,
        toolId: v.toolId,
        environment: 'PRODUCTION',
        state: 'ACTIVE',
        approvedDigest: v.artifactDigest,
        activatedAt: now,
      },
    });
  }
  const body = (v: (typeof candidates)[number]) => ({
    agent: agent.name,
    registry: v.tool.registry.name,
    tool: v.tool.externalId,
    version: v.version,
    action: 'invoke',
  });
  const counts = { tools: await prisma.tool.count(), versions: await prisma.toolVersion.count() };
  await db.close();
  return { allowed: body(allowed), denied: body(denied), counts };
}

interface Load {
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

interface Job {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  duration: number;
  rate?: number;
}

/** CPU seconds used so far by the app's processes (the server's process group); PostgreSQL's backends are not counted. */
const appCpuSeconds = () => groupCpuSeconds(server?.pid);

/** Load plus the app's CPU milliseconds per request over it (where the time goes: app or database). */
function load(job: Job): Load & { cpuMsPerRequest: number } {
  const cpu0 = appCpuSeconds();
  const r = loadOnly(job);
  return { ...r, cpuMsPerRequest: r.requests ? ((appCpuSeconds() - cpu0) * 1000) / r.requests : 0 };
}

function loadOnly(job: Job): Load {
  return runWorker({ rate: RATE, connections: 50, ...job }) as Load;
}

function runWorker(spec: object): unknown {
  const r = spawnSync(process.execPath, [path.join(root, 'bench/load-worker.mjs'), JSON.stringify(spec)], {
    encoding: 'utf8',
    cwd: root,
  });
  if (r.status !== 0) throw new Error(`load worker failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as unknown;
}

/**
 * Routes compared at RATE: they take turns, each alone for `slice` seconds, `rounds` times (order
 * rotating), latencies pooled per route; the app's CPU per request is measured over each route's
 * own slices (load-worker.mjs).
 */
function loadInTurns(jobs: Omit<Job, 'duration'>[], slice: number, rounds: number): (Load & { cpuMsPerRequest: number })[] {
  const out = runWorker({ rate: RATE, connections: 50, jobs, slice, rounds, cpuGroup: server?.pid }) as {
    results: (Load & { cpuMsPerRequest: number })[];
  };
  return out.results;
}

type Cases = Awaited<ReturnType<typeof prepareDatabase>>;

const row = (name: string, r: Load & { cpuMsPerRequest: number }, load: string) =>
  `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(7)} ${String(r.p90).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.max).padStart(7)}  ${String(r.non2xx).padStart(7)} ${String(r.errors + r.timeouts).padStart(6)}  ${r.cpuMsPerRequest.toFixed(2).padStart(7)}  ${load.padStart(5)}`;

/** The highest offered rate (of STEPS) at which p99 stays under P99_LIMIT_MS without errors; 0 if none. */
function capacity(name: string, job: Omit<Job, 'duration' | 'rate'>): number {
  let best = 0;
  const tried: string[] = [];
  for (const rate of STEPS) {
    const r = load({ ...job, rate, duration: STEP_S });
    const ok = r.p99 < P99_LIMIT_MS && r.non2xx === 0 && r.errors + r.timeouts === 0;
    tried.push(`${rate}:${r.p99}${ok ? '' : '✗'}`);
    if (!ok) break;
    best = rate;
  }
  console.log(
    `  ${name.padEnd(32)} capacity ${String(best).padStart(5)} req/s   (load ${load1()}; rate:p99 ms ${tried.join(' ')})`,
  );
  return best;
}

/**
 * Fixed rate: health and enforce (allowed, denied) in turns of SLICE_S, each at RATE for DURATION_S
 * in all; PASS when enforce p99 ≤ 2 × health p99. Capacity: health and enforce (allowed) stepped up; PASS when
 * enforce capacity ≥ the database's share of health's.
 */
async function measure(title: string, cases: Cases, kind: Database['kind']): Promise<boolean> {
  const headers = { authorization: `Bearer ${DEMO_API_KEYS.ENFORCE}`, 'content-type': 'application/json' };
  const enforceJob = (body: object) => ({
    url: `${base}/api/v1/enforce`,
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  const health = { url: `${base}/api/v1/health` };
  for (const [name, body] of [
    ['allowed', cases.allowed],
    ['denied', cases.denied],
  ] as const) {
    const res = await fetch(`${base}/api/v1/enforce`, { method: 'POST', headers, body: JSON.stringify(body) });
    const json = (await res.json()) as { decision?: string; reasons?: { message: string }[] };
    console.log(`${name} case answers ${res.status} ${json.decision}: ${json.reasons?.map((r) => r.message).join(' | ')}`);
    // Measuring a "denied" route that allows (or the reverse) would compare the wrong paths.
    const expected = name === 'allowed' ? 'allow' : 'deny';
    if (res.status !== 200 || json.decision !== expected)
      throw new Error(`the ${name} case must answer 200 ${expected}; it answered ${res.status} ${json.decision}`);
  }
  const routes = [
    ['GET  /api/v1/health (trivial)', health],
    ['POST /api/v1/enforce (allowed)', enforceJob(cases.allowed)],
    ['POST /api/v1/enforce (denied)', enforceJob(cases.denied)],
  ] as const;
  const rounds = Math.max(1, Math.round(DURATION_S / SLICE_S));
  loadInTurns(
    routes.map(([, job]) => job),
    1,
    3,
  );
  console.log(`\n${title}: ${RATE} req/s, ${rounds * SLICE_S} s each, in turns of ${SLICE_S} s (after a warm-up)`);
  console.log(
    `${'route'.padEnd(34)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p90 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)}  ${'non-2xx'.padStart(7)} ${'errors'.padStart(6)}  ${'cpu ms'.padStart(7)}  ${'load'.padStart(5)}`,
  );
  const measured = loadInTurns(
    routes.map(([, job]) => job),
    SLICE_S,
    rounds,
  );
  const results = routes.map(([name], i) => [name, measured[i]!] as const);
  for (const [name, r] of results) console.log(row(name, r, load1()));
  const trivial = results[0]![1];
  let ok = true;
  for (const [name, r] of results.slice(1)) {
    const limit = 2 * trivial.p99;
    const pass = r.p99 <= limit && r.non2xx === 0 && r.errors + r.timeouts === 0;
    ok &&= pass;
    console.log(
      `${pass ? 'PASS' : 'FAIL'}  ${name}: p99 ${r.p99} ms vs limit 2 × ${trivial.p99} = ${limit} ms${r.non2xx ? `, ${r.non2xx} non-2xx` : ''}  (load ${load1()})`,
    );
  }
  console.log(`capacity (highest offered rate with p99 < ${P99_LIMIT_MS} ms, ${STEP_S} s a step):`);
  const trivialCapacity = capacity('GET  /api/v1/health (trivial)', health);
  const enforceCapacity = capacity('POST /api/v1/enforce (allowed)', enforceJob(cases.allowed));
  const share = CAPACITY_SHARE[kind];
  const pass = trivialCapacity > 0 && enforceCapacity >= share * trivialCapacity;
  console.log(
    `${pass ? 'PASS' : 'FAIL'}  enforce capacity ${enforceCapacity} req/s = ${trivialCapacity ? Math.round((100 * enforceCapacity) / trivialCapacity) : 0}% of trivial ${trivialCapacity} req/s (needs ≥ ${share * 100}%)  (load ${load1()})`,
  );
  return ok && pass;
}

/** A fresh place for one run: a PGlite folder, or a temporary PostgreSQL database (dropped by `drop`). */
async function freshTarget(kind: Database['kind'], tmp: string) {
  if (kind === 'pglite') return { target: { kind, dataDir: path.join(tmp, 'pglite') } as DatabaseTarget, drop: async () => {} };
  const name = `toolledger_bench_enforce_${randomBytes(5).toString('hex')}`;
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

let server: ChildProcess | undefined;

async function runOn(kind: Database['kind'], title: string): Promise<boolean> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'toolledger-bench-enforce-'));
  const logFile = path.join(tmp, 'server.log');
  const { target, drop } = await freshTarget(kind, tmp);
  try {
    console.log(`\n##### ${title}\npreparing a fresh database with the demo data…`);
    const cases = await prepareDatabase(target);
    console.log(`catalogue: ${cases.counts.tools} tools, ${cases.counts.versions} versions`);
    console.log(`allowed case: ${JSON.stringify(cases.allowed)}\ndenied case:  ${JSON.stringify(cases.denied)}`);
    console.log(`building (if needed) and starting the app on port ${PORT} (log: ${logFile})…`);
    server = startServer(PORT, target, logFile);
    await waitForReady(base, server, logFile);
    let ok = await measure(`${title}, demo catalogue`, cases, kind);
    if (process.env.BENCH_SKIP_GROWTH !== '1') {
      // The decision path must not grow with tools, versions or logged attempts: add many, measure again.
      // PGlite is one process: the server stops while the rows go in.
      if (kind === 'pglite') await stopServer(server);
      const c = await growCatalogue(target);
      console.log(
        `\nadded bulk rows in ${c.seconds.toFixed(1)} s: now ${c.tools} tools, ${c.versions} versions, ${c.decisions} logged decisions`,
      );
      if (kind === 'pglite') {
        server = startServer(PORT, target, logFile);
        await waitForReady(base, server, logFile);
      }
      ok = (await measure(`${title}, after growth`, cases, kind)) && ok;
    }
    return ok;
  } finally {
    if (server) await stopServer(server);
    server = undefined;
    await drop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main() {
  benchPrelude(() => server);
  // BENCH_ENFORCE_ONLY=pglite|postgres measures one database (profiling); a full run measures both.
  const only = process.env.BENCH_ENFORCE_ONLY;
  let ok = only === 'postgres' ? true : await runOn('pglite', 'PGlite (embedded)');
  if (only === 'pglite') console.log('\nPostgreSQL skipped (BENCH_ENFORCE_ONLY=pglite): not a full run');
  else if (await postgresReachable()) ok = (await runOn('postgres', `PostgreSQL (${new URL(PG_ADMIN_URL).host})`)) && ok;
  else console.log('\nPostgreSQL not reachable (no DATABASE_URL, nothing on 127.0.0.1:5432): skipped');
  process.exit(ok ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
