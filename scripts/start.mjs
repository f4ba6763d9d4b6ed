// `npm start`: build when the sources changed since the last build, then serve on PORT (3000).
// The database is opened, migrated and seeded by the server itself at start (instrumentation.ts).
import { spawnSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serveOptions, serverMallocEnv, serverNodeArgs } from './serve-options.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// Run Next's own entry with this Node (not through npx), so signals reach the server itself.
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const stamp = path.join(root, distDir, 'toolledger-source-fingerprint');
const SOURCES = [
  'app',
  'components',
  'lib',
  'prisma',
  'public',
  'sample-registry',
  'instrumentation.ts',
  'next.config.ts',
  'package-lock.json',
  'postcss.config.mjs',
  'tsconfig.json',
  'scripts/start.mjs',
  'scripts/serve-options.mjs',
];

function fingerprint() {
  const hash = createHash('sha256');
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.') && name !== 'node_modules') walk(path.join(p, name));
    } else {
      hash.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const s of SOURCES) walk(path.join(root, s));
  return hash.digest('hex');
}

const { demo, host, serverEnv } = serveOptions(process.env);
const current = fingerprint();
const built = existsSync(path.join(root, distDir, 'BUILD_ID')) && existsSync(stamp) ? readFileSync(stamp, 'utf8') : '';
if (built !== current || process.env.TOOLLEDGER_FORCE_BUILD === '1') {
  console.log('Building ToolLedger (first start or sources changed)…');
  const result = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...serverEnv, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, current);
}

const port = process.env.PORT ?? '3000';
const envForServer = {
  ...serverEnv,
  ...serverMallocEnv(serverEnv),
  NEXT_TELEMETRY_DISABLED: '1',
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
};
console.log(
  demo
    ? `Demo mode (demo accounts and keys${host === '127.0.0.1' ? '; listening on 127.0.0.1 only, set HOST to change' : ''}).`
    : 'Production mode (demo off).',
);
const server = spawn(
  process.execPath,
  [...serverNodeArgs(serverEnv), nextBin, 'start', '-p', port, ...(host ? ['-H', host] : [])],
  {
    cwd: root,
    stdio: 'inherit',
    env: envForServer,
  },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
