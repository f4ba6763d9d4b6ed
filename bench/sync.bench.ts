// Registry sync throughput (issue 9.3): the bundled sample AgentNode registry in bench mode (5,000
// tools × 3 versions, generated on demand, in its own process so it does not share this
// process's CPU), read three ways in one run through the real connector and HTTP client:
//   1. the fetch floor: every page fetched and normalized, nothing stored;
//   2. a first sync into a fresh embedded database (on disk, as the app runs it);
//   3. a second sync with nothing changed (conditional requests, unchanged tools skipped).
// Prints each as seconds and as a multiple of the floor, with the load average beside it, and the
// CPU seconds of this process and of the registry's during each (a verdict when the machine is
// shared: wall time moves with the load, CPU time much less).
// Targets: first sync < 30 s and ≤ 2 × floor; no-change sync ≤ 1.3 × floor; memory flat
// (pages are streamed, never the whole catalogue in memory); the second sync stores nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/lib/db/driver';
import { applyMigrations } from '@/lib/db/migrate';
import { setDatabaseForProcess } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { runRegistrySync } from '@/lib/server/registries/run-registry-sync';
import { agentNodeConnector } from '@/lib/registries/agentnode';
import { registryFetch } from '@/lib/server/registries/registry-network-policy';
import { connectorConfig } from '@/lib/server/registries/registry-api-key';
import { cpus, loadavg } from 'node:os';
import { processCpuSeconds } from './process-cpu';

const TOOLS = Number(process.env.SYNC_BENCH_TOOLS ?? 5000);
const VERSIONS = 3;
const TARGET_S = 30;
const FIRST_MAX_FLOOR = 2;
const NO_CHANGE_MAX_FLOOR = 1.3;
const load = () => `load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
/** CPU seconds of this process (connector, HTTP client and, during a sync, PGlite) and of the registry's since `cpuMark()`. */
function cpuMark(registryPid: number | undefined) {
  const own = process.cpuUsage();
  const registry = processCpuSeconds(registryPid);
  return () => {
    const used = process.cpuUsage(own);
    return `CPU: this process ${((used.user + used.system) / 1e6).toFixed(1)} s, registry ${(processCpuSeconds(registryPid) - registry).toFixed(1)} s`;
  };
}

async function startRegistry(): Promise<{ url: string; pid: number | undefined; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'sample-registry/cli.ts'), '--bench', `${TOOLS}x${VERSIONS}`, '--port', '0'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`sample registry exited with ${code}`)));
  });
  return { url, pid: child.pid, stop: () => child.kill('SIGTERM') };
}

// The bench registry runs on loopback: allowed as an operator allows an internal mirror.
process.env.TOOLLEDGER_ALLOWED_REGISTRY_HOSTS ??= '127.0.0.1';
const registry = await startRegistry();
try {
  // On disk, as the app runs it: an in-memory database would grow with the data and hide
  // whether the sync itself keeps memory flat.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'toolledger-sync-bench-'));
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const db = await openDatabase({ kind: 'pglite', dataDir });
  await applyMigrations(db);
  setDatabaseForProcess(db);
  const row = await db.prisma.registry.create({
    data: { kind: 'AGENTNODE', name: 'bench', baseUrl: registry.url, config: { perPage: 100, concurrency: 32 } },
  });
  // The fetch floor: the same pages through the same connector and HTTP client, nothing stored.
  const floorCpu = cpuMark(registry.pid);
  const floorStart = performance.now();
  let floorTools = 0;
  let floorPages = 0;
  for await (const page of agentNodeConnector.pages(
    {
      baseUrl: row.baseUrl,
      config: connectorConfig(row),
      since: null,
      signal: AbortSignal.timeout(10 * 60_000),
      fetch: registryFetch(row),
    },
    null,
  )) {
    floorTools += page.tools.length;
    floorPages++;
    if (page.errors?.length) throw new Error(`fetch floor: ${page.errors[0]!.message}`);
  }
  const floor = (performance.now() - floorStart) / 1000;
  const floorLoad = load();
  const floorCpuUsed = floorCpu();

  const samples: number[] = [];
  const heap: number[] = [];
  // Live JS heap: measured right after a full collection when the bench runs with --expose-gc
  // (npm run bench does), otherwise the sawtooth of uncollected garbage hides the trend. A full
  // GC stops the sync's thread (~80 ms at this heap), which the floor never pays: taken every
  // HEAP_EVERY-th second only, so the sampler costs the sync a third of what it did (RSS, which
  // costs nothing to read, is still sampled every second).
  const collect = (globalThis as { gc?: () => void }).gc;
  const HEAP_EVERY = 3;
  let ticks = 0;
  let gcMs = 0;
  let gcs = 0;
  const sample = (final = false) => {
    samples.push(process.memoryUsage.rss());
    if (!final && ticks++ % HEAP_EVERY !== 0) return;
    if (collect) {
      const t = performance.now();
      collect();
      gcMs += performance.now() - t;
      gcs++;
    }
    heap.push(process.memoryUsage().heapUsed);
  };
  const sampler = setInterval(sample, 1000);
  const firstCpu = cpuMark(registry.pid);
  const started = performance.now();
  const run = await runRegistrySync({ actor: SYSTEM_ACTOR, input: { registryId: row.id, trigger: 'MANUAL' } }, { db: db.prisma });
  const seconds = (performance.now() - started) / 1000;
  const firstLoad = load();
  const firstCpuUsed = firstCpu();
  clearInterval(sampler);
  sample(true);
  const secondCpu = cpuMark(registry.pid);
  const secondStart = performance.now();
  const again = await runRegistrySync(
    { actor: SYSTEM_ACTOR, input: { registryId: row.id, trigger: 'MANUAL' } },
    { db: db.prisma },
  );
  const secondSeconds = (performance.now() - secondStart) / 1000;
  const secondLoad = load();
  const secondCpuUsed = secondCpu();

  const q = Math.max(1, Math.floor(samples.length / 4));
  const firstQuarter = Math.max(...samples.slice(0, q));
  const lastQuarter = Math.max(...samples.slice(-q));
  console.log(
    `sync ${TOOLS} tools × ${VERSIONS} versions: ${run.status}, ${run.toolsSeen} tools, ${run.versionsCreated} versions, ${run.recordsCreated} records, ${run.alertsRaised} alerts, ${run.pagesDone} pages`,
  );
  const firstRatio = seconds / floor;
  const secondRatio = secondSeconds / floor;
  const firstOk = run.status === 'SUCCEEDED' && run.toolsSeen === TOOLS && seconds < TARGET_S && firstRatio <= FIRST_MAX_FLOOR;
  const secondOk =
    again.status === 'SUCCEEDED' &&
    again.toolsSeen === TOOLS &&
    again.recordsCreated === 0 &&
    again.versionsCreated === 0 &&
    secondRatio <= NO_CHANGE_MAX_FLOOR;
  console.log(
    `fetch floor: ${floor.toFixed(1)} s for ${floorTools} tools in ${floorPages} pages, nothing stored (${floorLoad}; ${floorCpuUsed})`,
  );
  console.log(
    `first sync: ${seconds.toFixed(1)} s = ${firstRatio.toFixed(2)} × floor (${Math.round(run.toolsSeen / seconds)} tools/s, ${Math.round(run.versionsCreated / seconds)} versions/s) (${firstLoad}; ${firstCpuUsed}) ${firstOk ? 'PASS' : 'FAIL'}: < ${TARGET_S} s and ≤ ${FIRST_MAX_FLOOR} × floor`,
  );
  console.log(`RSS sampled each second (MB): ${samples.map(mb).join(' ')}`);
  console.log(
    `RSS peak ${mb(Math.max(...samples))} MB; first quarter peak ${mb(firstQuarter)} MB, last quarter peak ${mb(lastQuarter)} MB`,
  );
  // RSS includes PGlite's WASM heap, which grows with the database itself; the JS heap is what
  // the sync holds (one page at a time), and is what must stay flat.
  const hq = Math.max(1, Math.floor(heap.length / 4));
  const heapFirst = Math.max(...heap.slice(0, hq));
  const heapLast = Math.max(...heap.slice(-hq));
  if (collect) console.log(`forced full GCs of the memory sampler during the first sync: ${gcs}, ${(gcMs / 1000).toFixed(1)} s`);
  console.log(`JS heap${collect ? ' after a full GC,' : ''} sampled every ${HEAP_EVERY} s (MB): ${heap.map(mb).join(' ')}`);
  console.log(
    `JS heap peak first quarter ${mb(heapFirst)} MB, last quarter ${mb(heapLast)} MB (${heapLast <= heapFirst * 1.5 ? 'flat' : 'GROWING'})`,
  );
  console.log(
    `no-change sync: ${secondSeconds.toFixed(1)} s = ${secondRatio.toFixed(2)} × floor; ${again.status}, ${again.toolsSeen} tools seen, ${again.toolsUnchanged} unchanged, ${again.versionsCreated} versions, ${again.recordsCreated} records, ${again.alertsRaised} alerts (${secondLoad}; ${secondCpuUsed}) ${secondOk ? 'PASS' : 'FAIL'}: ≤ ${NO_CHANGE_MAX_FLOOR} × floor, nothing stored`,
  );
  const ok = firstOk && secondOk;
  console.log(
    `${ok ? 'PASS' : 'FAIL'}: first sync < ${TARGET_S} s and ≤ ${FIRST_MAX_FLOOR} × fetch floor with all ${TOOLS} tools stored; no-change sync ≤ ${NO_CHANGE_MAX_FLOOR} × fetch floor storing nothing`,
  );
  await db.close();
  if (!ok) process.exitCode = 1;
} finally {
  registry.stop();
}
