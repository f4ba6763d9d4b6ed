// Inventory list server time with 100,000 tools and 500,000 versions (issue 9, point 4; first
// written for 10,000 tools in issue "Foundation"). Builds a fresh PGlite database (and a temporary
// PostgreSQL one when reachable), then times findToolsForInventory for the first page of every
// filter and search. Target: p95 of every query under 100 ms. INVENTORY_BENCH_TOOLS scales it down.
// To iterate on plans: INVENTORY_BENCH_KEEP_DB=inv_bench_keep builds the PostgreSQL catalogue once
// into that named database and reuses it on later runs (pending migrations are applied, then ANALYZE);
// INVENTORY_BENCH_ONLY=pglite|postgres measures one database.
import { loadavg } from 'node:os';
import { onEachDatabase } from './databases';
import type { Database } from '@/lib/db/driver';
import { applyMigrations } from '@/lib/db/migrate';
import { setDatabaseForProcess } from '@/lib/db/client';
import { createBulkCatalog } from '@/lib/testing/bulk-catalog';
import { findToolsForInventory } from '@/lib/server/inventory/find-tools-for-inventory';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { encodeInventoryCursor, ZInventoryQuery, type TInventoryQueryInput } from '@/lib/validation/inventory';

const TOOLS = Number(process.env.INVENTORY_BENCH_TOOLS ?? 100_000);
const VERSIONS_PER_TOOL = 5;
const RUNS = 20;
const TARGET_MS = 100;
const KEEP_DB = process.env.INVENTORY_BENCH_KEEP_DB || undefined;
const ONLY = process.env.INVENTORY_BENCH_ONLY as 'pglite' | 'postgres' | undefined;
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;

const QUERIES: [string, TInventoryQueryInput][] = [
  ['no filter, sort by name', {}],
  ['tier=GOLD + network=EXTERNAL', { tier: ['GOLD'], network: 'EXTERNAL' }],
  ['search q="email"', { q: 'email' }],
  ['search q="labs-17" (publisher name)', { q: 'labs-17' }],
  ['search q="kafka-s3" (name and id)', { q: 'kafka-s3' }],
  ['search q="zzz" (no match)', { q: 'zzz' }],
  ['env=PRODUCTION', { env: 'PRODUCTION' }],
  ['env=DEVELOPMENT + search q="pdf"', { env: 'DEVELOPMENT', q: 'pdf' }],
  ['filesystem=WRITE + dataAccess=READ_WRITE', { filesystem: 'WRITE', dataAccess: 'READ_WRITE' }],
  ['tier=FAILED, sort by updated desc', { tier: ['FAILED'], sort: 'updatedAt', dir: 'desc' }],
  ['sort by trust score desc', { sort: 'trustScore', dir: 'desc' }],
  ['verification=FAILED, sort by tier', { verification: 'FAILED', sort: 'tier' }],
  [
    'env=STAGING + codeExecution=UNRESTRICTED + q="sql", sort by publisher',
    { env: 'STAGING', codeExecution: 'UNRESTRICTED', q: 'sql', sort: 'publisher' },
  ],
  ['sort by publisher desc', { sort: 'publisher', dir: 'desc' }],
];

/** The catalogue a kept database already holds (built by an earlier run of this size), or null. */
async function keptCatalog(db: Database) {
  const registry = await db.prisma.registry.findFirst({ where: { name: { startsWith: 'bulk-' } }, select: { id: true } });
  if (!registry) return null;
  const [tools, versions, records, installations] = await Promise.all([
    db.prisma.tool.count(),
    db.prisma.toolVersion.count(),
    db.prisma.verificationRecord.count(),
    db.prisma.installation.count(),
  ]);
  if (tools !== TOOLS)
    throw new Error(`kept database ${KEEP_DB} holds ${tools} tools, not ${TOOLS}: drop it or match INVENTORY_BENCH_TOOLS`);
  return { registryId: registry.id, tools, versions, records, installations };
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

async function run(label: string, db: Database): Promise<boolean> {
  console.log(`\n--- ${label} ---`);
  await applyMigrations(db);
  setDatabaseForProcess(db);
  const t0 = performance.now();
  const kept = db.kind === 'postgres' && KEEP_DB ? await keptCatalog(db) : null;
  const built =
    kept ??
    (await createBulkCatalog(db.prisma, {
      tools: TOOLS,
      versionsPerTool: VERSIONS_PER_TOOL,
      publishers: Math.max(200, TOOLS / 50),
      log: (l) => console.log(l),
    }));
  // VACUUM too: the build's last step rewrites every tool row, and the dead copies would be scanned.
  await db.exec('VACUUM ANALYZE');
  console.log(
    `${kept ? 'reused' : 'built'} ${built.tools} tools, ${built.versions} versions, ${built.records} verification records, ${built.installations} installations in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const publisher = await db.prisma.publisher.findFirstOrThrow({ orderBy: { name: 'asc' }, select: { id: true } });
  // Page 200 as the list reaches it: by the keyset cursor of page 199's last row (read here, untimed).
  const [deep] = await db.prisma.tool.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], skip: 199 * 25 - 1, take: 1 });
  const queries: [string, TInventoryQueryInput][] = [
    ...QUERIES,
    [
      'page 200 of the unfiltered list (keyset cursor)',
      { page: 200, after: deep && encodeInventoryCursor([deep.name, deep.id]) },
    ],
    ['publisher=<first by name>', { publisher: publisher.id }],
    ['registry=<bulk registry>', { registry: built.registryId }],
  ];
  console.log(load());
  let ok = true;
  for (const [name, input] of queries) {
    const query = ZInventoryQuery.parse(input);
    const call = { actor: SYSTEM_ACTOR, input: query };
    await findToolsForInventory(call); // warm-up
    const times: number[] = [];
    let total = '';
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      const page = await findToolsForInventory(call);
      total = `${page.total}${page.totalIsLowerBound ? '+' : ''}`;
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
  console.log(load());
  return ok;
}

async function main() {
  console.log(
    `target: first page of each query, p95 < ${TARGET_MS} ms over ${RUNS} runs, ${TOOLS} tools × ${VERSIONS_PER_TOOL} versions`,
  );
  const ok = await onEachDatabase(run, { only: ONLY, keepPostgres: KEEP_DB });
  console.log(`\ninventory list: ${ok ? 'PASS' : 'FAIL'} (target p95 < ${TARGET_MS} ms)`);
  process.exit(ok ? 0 : 1);
}

void main();
