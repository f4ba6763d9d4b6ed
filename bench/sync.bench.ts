// Registry sync throughput (issue "Registry connectors", done-when): the bundled sample AgentNode
// registry in bench mode (5,000 tools × 3 versions, generated on demand, in its own process so
// it does not share this process's CPU) synced into a fresh embedded database through the real
// connector and sync engine. Prints elapsed time, tools/s and RSS sampled during the run.
// Targets: under 60 s; memory flat (pages are streamed, never the whole catalogue in memory).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/lib/db/driver';
import { applyMigrations } from '@/lib/db/migrate';
import { setDatabaseForProcess } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { runRegistrySync } from '@/lib/server/registries/run-registry-sync';

const TOOLS = Number(process.env.SYNC_BENCH_TOOLS ?? 5000);
const VERSIONS = 3;
const TARGET_S = 60;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function startRegistry(): Promise<{ url: string; stop: () => void }> {
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
  return { url, stop: () => child.kill('SIGTERM') };
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
  const samples: number[] = [];
  const heap: number[] = [];
  // Live JS heap: measured right after a full collection when the bench runs with --expose-gc
  // (npm run bench does), otherwise the sawtooth of uncollected garbage hides the trend.
  const collect = (globalThis as { gc?: () => void }).gc;
  const sample = () => {
    collect?.();
    const m = process.memoryUsage();
    samples.push(m.rss);
    heap.push(m.heapUsed);
  };
  const sampler = setInterval(sample, 1000);
  const started = performance.now();
  const run = await runRegistrySync({ actor: SYSTEM_ACTOR, input: { registryId: row.id, trigger: 'MANUAL' } }, { db: db.prisma });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  sample();
  const secondStart = performance.now();
  const again = await runRegistrySync(
    { actor: SYSTEM_ACTOR, input: { registryId: row.id, trigger: 'MANUAL' } },
    { db: db.prisma },
  );
  const secondSeconds = (performance.now() - secondStart) / 1000;

  const q = Math.max(1, Math.floor(samples.length / 4));
  const firstQuarter = Math.max(...samples.slice(0, q));
  const lastQuarter = Math.max(...samples.slice(-q));
  console.log(
    `sync ${TOOLS} tools × ${VERSIONS} versions: ${run.status}, ${run.toolsSeen} tools, ${run.versionsCreated} versions, ${run.recordsCreated} records, ${run.alertsRaised} alerts, ${run.pagesDone} pages`,
  );
  console.log(
    `elapsed: ${seconds.toFixed(1)} s (${Math.round(run.toolsSeen / seconds)} tools/s, ${Math.round(run.versionsCreated / seconds)} versions/s)`,
  );
  console.log(`RSS sampled each second (MB): ${samples.map(mb).join(' ')}`);
  console.log(
    `RSS peak ${mb(Math.max(...samples))} MB; first quarter peak ${mb(firstQuarter)} MB, last quarter peak ${mb(lastQuarter)} MB`,
  );
  // RSS includes PGlite's WASM heap, which grows with the database itself; the JS heap is what
  // the sync holds (one page at a time), and is what must stay flat.
  const heapFirst = Math.max(...heap.slice(0, q));
  const heapLast = Math.max(...heap.slice(-q));
  console.log(`JS heap${collect ? ' after a full GC,' : ''} sampled each second (MB): ${heap.map(mb).join(' ')}`);
  console.log(
    `JS heap peak first quarter ${mb(heapFirst)} MB, last quarter ${mb(heapLast)} MB (${heapLast <= heapFirst * 1.5 ? 'flat' : 'GROWING'})`,
  );
  console.log(
    `second sync (nothing changed): ${again.status}, ${again.versionsCreated} versions, ${again.recordsCreated} records, ${again.alertsRaised} alerts in ${secondSeconds.toFixed(1)} s`,
  );
  const ok =
    run.status === 'SUCCEEDED' &&
    run.toolsSeen === TOOLS &&
    seconds < TARGET_S &&
    again.recordsCreated === 0 &&
    again.versionsCreated === 0;
  console.log(
    `machine load average (1 min) at the end: ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} CPUs`,
  );
  console.log(`${ok ? 'PASS' : 'FAIL'}: target < ${TARGET_S} s, all ${TOOLS} tools stored, second run changes nothing`);
  await db.close();
  if (!ok) process.exitCode = 1;
} finally {
  registry.stop();
}
