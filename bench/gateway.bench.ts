// MCP gateway (issue 15): the latency the gateway adds to each tools/call. The same published
// server (@modelcontextprotocol/server-filesystem) is called directly and through
// bin/toolledger-gateway.mjs, by the MCP SDK's client, against the app started on a fresh
// embedded database (demo data, whose gateway quickstart agent runs that server). Three runs in one process:
// direct, gateway with decision caching (allows reused while the enforcement generation holds),
// gateway asking ToolLedger on every call. PASS when the cached median adds under 5 ms.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setDatabaseForProcess } from '@/lib/db/client';
import { openDatabase } from '@/lib/db/driver';
import { applyMigrations } from '@/lib/db/migrate';
import { DEMO_GATEWAY } from '@/lib/demo/demo-api-keys';
import { seedDemoData } from '@/lib/demo/seed';
import { FS_ENTRY, FS_PACKAGE, FS_VERSION } from '@/lib/testing/filesystem-server-world';
import { startServer, stopServer, waitForReady } from './enforce-server';

const PORT = Number(process.env.BENCH_GATEWAY_PORT ?? 3216);
const CALLS = Number(process.env.BENCH_GATEWAY_CALLS ?? 500);
const TARGET_ADDED_MEDIAN_MS = 5;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const load1 = () => loadavg()[0]!.toFixed(1);

/** The demo data, whose gateway quickstart agent runs this very server (lib/demo/seed-gateway.ts). */
async function prepare(dataDir: string): Promise<void> {
  if (FS_VERSION !== DEMO_GATEWAY.version)
    throw new Error(`${FS_PACKAGE} ${FS_VERSION} is installed but the demo approves ${DEMO_GATEWAY.version}`);
  const db = await openDatabase({ kind: 'pglite', dataDir });
  await applyMigrations(db);
  setDatabaseForProcess(db);
  await seedDemoData(db.prisma);
  await db.close();
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function measure(label: string, command: string, args: string[], work: string) {
  const client = new Client({ name: 'bench', version: '1.0.0' });
  const transport = new StdioClientTransport({ command, args, env: process.env as Record<string, string>, stderr: 'pipe' });
  // The gateway prints where its answers came from when it stops (cached, asked, generation changes).
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await client.connect(transport);
  const call = () => client.callTool({ name: 'read_text_file', arguments: { path: path.join(work, 'hello.txt') } });
  for (let i = 0; i < 30; i++) await call(); // warm up: JIT, the first decisions, the definitions check
  const ms: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now();
    const r = await call();
    ms.push(performance.now() - t);
    if (r.isError) throw new Error(`${label}: call failed: ${JSON.stringify(r.content)}`);
  }
  await client.close();
  await new Promise((r) => setTimeout(r, 200));
  const counts = /decisions: .*/.exec(stderr)?.[0];
  ms.sort((a, b) => a - b);
  const median = quantile(ms, 0.5);
  const p99 = quantile(ms, 0.99);
  console.log(
    `  ${label.padEnd(34)} median ${median.toFixed(2).padStart(7)} ms   p99 ${p99.toFixed(2).padStart(7)} ms   (${CALLS} calls, load ${load1()})`,
  );
  if (counts) console.log(`    ${counts}`);
  return { median, p99 };
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-gateway-'));
  const work = mkdtempSync(path.join(tmpdir(), 'bench-gateway-files-'));
  writeFileSync(path.join(work, 'hello.txt'), 'hello\n');
  const logFile = path.join(dataDir, 'server.log');
  console.log(`gateway bench: ${FS_PACKAGE}@${FS_VERSION}, ${CALLS} sequential tools/call per run (load ${load1()})`);
  await prepare(path.join(dataDir, 'pglite'));
  const server = startServer(PORT, { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') }, logFile);
  let ok = false;
  try {
    await waitForReady(`http://127.0.0.1:${PORT}`, server, logFile);
    const gateway = (cacheSeconds: number) => [
      path.join(root, 'bin/toolledger-gateway.mjs'),
      '--url',
      `http://127.0.0.1:${PORT}`,
      '--api-key',
      DEMO_GATEWAY.apiKey,
      '--agent',
      DEMO_GATEWAY.agent,
      '--tool',
      FS_PACKAGE,
      '--tool-version',
      FS_VERSION,
      '--cache-seconds',
      String(cacheSeconds),
      '--spool',
      path.join(dataDir, 'spool.ndjson'),
      '--',
      process.execPath,
      FS_ENTRY,
      work,
    ];
    const direct = await measure('direct (no gateway)', process.execPath, [FS_ENTRY, work], work);
    const cached = await measure('gateway, decisions cached', process.execPath, gateway(5), work);
    const uncached = await measure('gateway, asking every call', process.execPath, gateway(0), work);
    const added = cached.median - direct.median;
    ok = added < TARGET_ADDED_MEDIAN_MS;
    console.log(
      `  added per call: cached median ${added.toFixed(2)} ms, p99 ${(cached.p99 - direct.p99).toFixed(2)} ms; uncached median ${(uncached.median - direct.median).toFixed(2)} ms, p99 ${(uncached.p99 - direct.p99).toFixed(2)} ms`,
    );
    console.log(
      `${ok ? 'PASS' : 'FAIL'} gateway adds ${added.toFixed(2)} ms median with caching (target < ${TARGET_ADDED_MEDIAN_MS} ms; load ${load1()})`,
    );
  } finally {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(ok ? 0 : 1);
}

void main();
