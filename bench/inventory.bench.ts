// Inventory list server time with 10,000 tools and 50,000 versions (issue "Foundation", item 5).
// Builds a fresh PGlite database (and a temporary PostgreSQL one when reachable), then times
// findToolsForInventory for filtered first pages. Target: p95 of every query under 300 ms.
import { onEachDatabase } from './databases';
import type { Database } from '@/lib/db/driver';
import { applyMigrations } from '@/lib/db/migrate';
import { setDatabaseForProcess } from '@/lib/db/client';
import { createBulkCatalog } from '@/lib/testing/bulk-catalog';
import { findToolsForInventory } from '@/lib/server/inventory/find-tools-for-inventory';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { ZInventoryQuery, type TInventoryQueryInput } from '@/lib/validation/inventory';

const TOOLS = 10_000;
const VERSIONS_PER_TOOL = 5;
const RUNS = 20;
const TARGET_MS = 300;

const QUERIES: [string, TInventoryQueryInput][] = [
  ['no filter, sort by name', {}],
  ['tier=GOLD + network=EXTERNAL', { tier: ['GOLD'], network: 'EXTERNAL' }],
  ['search q="email"', { q: 'email' }],
  ['search q="labs-17" (publisher name)', { q: 'labs-17' }],
  ['env=PRODUCTION', { env: 'PRODUCTION' }],
  ['sort by trust score desc', { sort: 'trustScore', dir: 'desc' }],
  ['verification=FAILED, sort by tier', { verification: 'FAILED', sort: 'tier' }],
  [
    'env=STAGING + codeExecution=UNRESTRICTED + q="sql", sort by publisher',
    { env: 'STAGING', codeExecution: 'UNRESTRICTED', q: 'sql', sort: 'publisher' },
  ],
  ['page 200 of the unfiltered list', { page: 200 }],
];

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

async function run(label: string, db: Database): Promise<boolean> {
  console.log(`\n--- ${label} ---`);
  await applyMigrations(db);
  setDatabaseForProcess(db);
  const t0 = performance.now();
  const built = await createBulkCatalog(db.prisma, {
    tools: TOOLS,
    versionsPerTool: VERSIONS_PER_TOOL,
    log: (l) => console.log(l),
  });
  await db.exec('ANALYZE');
  console.log(
    `built ${built.tools} tools, ${built.versions} versions, ${built.records} verification records, ${built.installations} installations in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  let ok = true;
  for (const [name, input] of QUERIES) {
    const query = ZInventoryQuery.parse(input);
    const call = { actor: SYSTEM_ACTOR, input: query };
    await findToolsForInventory(call); // warm-up
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      total = (await findToolsForInventory(call)).total;
      times.push(performance.now() - s);
    }
    const p50 = pct(times, 50);
    const p95 = pct(times, 95);
    const pass = p95 < TARGET_MS;
    ok &&= pass;
    console.log(
      `${pass ? 'PASS' : 'FAIL'}  ${name.padEnd(72)} p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  (${total} matches)`,
    );
  }
  return ok;
}

async function main() {
  console.log(`target: first page of each query, p95 < ${TARGET_MS} ms over ${RUNS} runs`);
  const ok = await onEachDatabase(run);
  console.log(`\ninventory list: ${ok ? 'PASS' : 'FAIL'} (target p95 < ${TARGET_MS} ms)`);
  process.exit(ok ? 0 : 1);
}

void main();
