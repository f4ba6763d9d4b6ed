// Enforcement API latency (issue "Policies, change management…", done-when): builds and starts
// the app on a fresh embedded database with the demo data, then drives it from a second process
// (bench/load-worker.mjs: constant arrival rate, 200 req/s) and compares POST /api/v1/enforce with the trivial
// GET /api/v1/health of the same app in the same run. Target: enforce p99 ≤ 2 × health p99.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/lib/db/driver';
import { applyMigrations } from '@/lib/db/migrate';
import { setDatabaseForProcess } from '@/lib/db/client';
import { seedDemoData } from '@/lib/demo/seed';
import { DEMO_API_KEYS } from '@/lib/demo/demo-api-keys';
import { evaluatePolicy } from '@/lib/domain/policy/evaluate';
import { getCurrentPolicy } from '@/lib/server/policies/get-current-policies';
import { VERSION_FACTS_SELECT, versionFactsOf } from '@/lib/server/policies/version-facts';

const PORT = Number(process.env.BENCH_ENFORCE_PORT ?? 3214);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 15);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const base = `http://127.0.0.1:${PORT}`;

/** Demo data plus one production agent with an allowed and a denied installation. */
async function prepareDatabase(dataDir: string) {
  const db = await openDatabase({ kind: 'pglite', dataDir });
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
  const denied = candidates.find((c) => !passes(c) && c.tier === 'VERIFIED') ?? candidates.find((c) => !passes(c));
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

async function waitForReady(server: ChildProcess, logFile: string, timeoutMs = 15 * 60_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (server.exitCode !== null)
      throw new Error(`server exited (${server.exitCode}); log:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
    try {
      const res = await fetch(`${base}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('server did not become ready');
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

function load(job: { url: string; method?: string; headers?: Record<string, string>; body?: string; duration: number }): Load {
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'bench/load-worker.mjs'), JSON.stringify({ ...job, rate: RATE, connections: 50 })],
    { encoding: 'utf8', cwd: root },
  );
  if (r.status !== 0) throw new Error(`load worker failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Load;
}

const GROWTH_SQL = `
INSERT INTO "Tool" (id, "registryId", "publisherId", "externalId", name, "updatedAt")
  SELECT 'bench-tool-' || g, r.id, p.id, 'bench-tool-' || g, 'Bench Tool ' || g, now()
    FROM generate_series(1, 10000) g, (SELECT id FROM "Registry" LIMIT 1) r, (SELECT id FROM "Publisher" LIMIT 1) p;
INSERT INTO "ToolVersion" (id, "toolId", version, "updatedAt")
  SELECT 'bench-v-' || g || '-' || v, 'bench-tool-' || g, '1.0.' || v, now() FROM generate_series(1, 10000) g, generate_series(1, 5) v;
INSERT INTO "EnforcementDecision" (id, "createdAt", "agentName", "toolName", version, action, outcome, reasons)
  SELECT 'bench-d-' || g, now() - (g || ' seconds')::interval, 'bench-agent-prod-01', 'bench-tool-' || (g % 10000), '1.0.1', 'INVOKE',
         (CASE WHEN g % 2 = 0 THEN 'ALLOW' ELSE 'DENY' END)::"EnforcementOutcome", '[]'::jsonb
    FROM generate_series(1, 200000) g;
ANALYZE;`;

function startServer(dataDir: string, logFile: string): ChildProcess {
  const out = openSync(logFile, 'a');
  return spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      PORT: String(PORT),
      NEXT_DIST_DIR: process.env.BENCH_NEXT_DIST_DIR ?? '.next-bench-enforce',
      TOOLLEDGER_DATA_DIR: dataDir,
      TOOLLEDGER_DEMO: 'true',
      DATABASE_URL: '',
      NODE_ENV: 'production',
    },
  });
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    return;
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
}

type Cases = Awaited<ReturnType<typeof prepareDatabase>>;

/** Health, then enforce (allowed, denied), each at RATE for DURATION_S; PASS when enforce p99 ≤ 2 × health p99. */
async function measure(title: string, cases: Cases): Promise<boolean> {
  const headers = { authorization: `Bearer ${DEMO_API_KEYS.ENFORCE}`, 'content-type': 'application/json' };
  const enforce = (body: object, duration: number) =>
    load({ url: `${base}/api/v1/enforce`, method: 'POST', headers, body: JSON.stringify(body), duration });
  for (const [name, body] of [
    ['allowed', cases.allowed],
    ['denied', cases.denied],
  ] as const) {
    const res = await fetch(`${base}/api/v1/enforce`, { method: 'POST', headers, body: JSON.stringify(body) });
    const json = (await res.json()) as { decision?: string; reasons?: { message: string }[] };
    console.log(`${name} case answers ${res.status} ${json.decision}: ${json.reasons?.map((r) => r.message).join(' | ')}`);
  }
  load({ url: `${base}/api/v1/health`, duration: 5 });
  enforce(cases.allowed, 5);
  console.log(`\n${title}: ${RATE} req/s for ${DURATION_S} s each (after 5 s warm-up)`);
  const results: [string, Load][] = [
    ['GET  /api/v1/health (trivial)', load({ url: `${base}/api/v1/health`, duration: DURATION_S })],
    ['POST /api/v1/enforce (allowed)', enforce(cases.allowed, DURATION_S)],
    ['POST /api/v1/enforce (denied)', enforce(cases.denied, DURATION_S)],
  ];
  console.log(
    `${'route'.padEnd(34)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p90 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)}  non-2xx errors`,
  );
  for (const [name, r] of results) {
    console.log(
      `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(7)} ${String(r.p90).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.max).padStart(7)}  ${r.non2xx} ${r.errors + r.timeouts}`,
    );
  }
  const health = results[0]![1];
  let ok = true;
  for (const [name, r] of results.slice(1)) {
    const limit = 2 * health.p99;
    const pass = r.p99 <= limit && r.non2xx === 0 && r.errors + r.timeouts === 0;
    ok &&= pass;
    console.log(
      `${pass ? 'PASS' : 'FAIL'}  ${name}: p99 ${r.p99} ms vs limit 2 × ${health.p99} = ${limit} ms${r.non2xx ? `, ${r.non2xx} non-2xx` : ''}`,
    );
  }
  return ok;
}

async function main() {
  const tmp = mkdtempSync(path.join(tmpdir(), 'toolledger-bench-enforce-'));
  const dataDir = path.join(tmp, 'pglite');
  const logFile = path.join(tmp, 'server.log');
  console.log('preparing a fresh embedded database with the demo data…');
  const cases = await prepareDatabase(dataDir);
  console.log(`catalogue: ${cases.counts.tools} tools, ${cases.counts.versions} versions`);
  console.log(`allowed case: ${JSON.stringify(cases.allowed)}\ndenied case:  ${JSON.stringify(cases.denied)}`);
  console.log(`building (if needed) and starting the app on port ${PORT} (log: ${logFile})…`);
  let server = startServer(dataDir, logFile);
  process.on('exit', () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  });
  let ok = true;
  try {
    await waitForReady(server, logFile);
    ok = await measure('demo catalogue', cases);
    if (process.env.BENCH_SKIP_GROWTH !== '1') {
      // The decision path must not grow with tools, versions or logged attempts: add many, measure again.
      await stopServer(server);
      const db = await openDatabase({ kind: 'pglite', dataDir });
      const t0 = performance.now();
      await db.exec(GROWTH_SQL);
      const [c] = await db.query<{ tools: number; versions: number; decisions: number }>(
        'SELECT (SELECT count(*) FROM "Tool")::int AS tools, (SELECT count(*) FROM "ToolVersion")::int AS versions, (SELECT count(*) FROM "EnforcementDecision")::int AS decisions',
      );
      await db.close();
      console.log(
        `\nadded bulk rows in ${((performance.now() - t0) / 1000).toFixed(1)} s: now ${c!.tools} tools, ${c!.versions} versions, ${c!.decisions} logged decisions`,
      );
      server = startServer(dataDir, logFile);
      await waitForReady(server, logFile);
      ok = (await measure('after growth', cases)) && ok;
    }
  } finally {
    await stopServer(server);
    rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(ok ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
