// The app under the enforce bench: started with `npm start` on its own dist folder, on one
// database target, in its own process group so that stopping it stops Next too.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseTarget } from '@/lib/db/driver';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export async function waitForReady(base: string, server: ChildProcess, logFile: string, timeoutMs = 15 * 60_000) {
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

export function startServer(port: number, target: DatabaseTarget, logFile: string): ChildProcess {
  const out = openSync(logFile, 'a');
  // Profiling (e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof", flags NODE_OPTIONS refuses):
  // Next's server is started directly, on a build made before (`npm start` would build first).
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean);
  const command = nodeArgs
    ? [...nodeArgs, 'node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1']
    : ['scripts/start.mjs'];
  return spawn(process.execPath, command, {
    cwd: root,
    detached: true,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      PORT: String(port),
      NEXT_DIST_DIR: process.env.BENCH_NEXT_DIST_DIR ?? '.next-bench-enforce',
      TOOLLEDGER_DATA_DIR: target.kind === 'pglite' ? target.dataDir : '',
      TOOLLEDGER_DEMO: 'true',
      DATABASE_URL: target.kind === 'postgres' ? target.url : '',
      DATABASE_MIGRATION_URL: '',
      NODE_ENV: 'production',
    },
  });
}

export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  try {
    process.kill(-server.pid!, 'SIGTERM');
  } catch {
    return;
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
}
