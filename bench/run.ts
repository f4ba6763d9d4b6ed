// `npm run bench`: runs every bench/*.bench.ts in its own process, one after the other,
// and prints their figures. Each bench prints its own lines; this only frames them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const r = spawnSync('npx', ['tsx', '--conditions=react-server', '--expose-gc', path.join(dir, file)], {
    stdio: 'inherit',
    env: process.env,
  });
  if (r.status !== 0) {
    failed++;
    console.log(`!!! ${file} exited with ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
