// The parts of the invocations bench that run in the bench process itself, on the database the app
// used (after the app stopped: PGlite is one process): the raw multi-row INSERT the app's rate is
// compared with, and the explorer's first page over a million events.
import { loadavg } from 'node:os';
import type { Database } from '@/lib/db/driver';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { chainDraftRows, COPY_INVOCATION_EVENTS, draftRow } from '@/lib/server/invocations/invocation-rows';
import { listInvocationEvents } from '@/lib/server/invocations/list-invocation-events';
import type { TInvocationListInput } from '@/lib/validation/invocation-filter';

const load1 = () => loadavg()[0]!.toFixed(1);
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export interface Subject {
  agent: string;
  tool: string;
  version: string;
  permissions: string[];
}

/**
 * The same rows as the app stores (every column, the hashes as 64 hex characters), inserted with
 * one multi-row INSERT per batch of `batch`, for `seconds`: no HTTP, no parsing, no chain, no
 * idempotency lookup. Seqs far above the app's so nothing collides.
 */
export async function rawInsertRate(db: Database, s: Subject, batch: number, seconds: number): Promise<number> {
  const hash = 'a'.repeat(64);
  let seq = 1_000_000_000_000;
  let rows = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    const now = new Date().toISOString();
    const values: string[] = new Array(batch);
    for (let i = 0; i < batch; i++, seq++)
      values[i] =
        `(${seq}, ${q(now)}, ${q(`raw-${seq}`)}, ${q(now)}, ${q(s.agent)}, NULL, ${q(s.tool)}, NULL, ${q(s.version)}, NULL, 'gold', 'p', ` +
        `'sha256:1', 'sha256:2', 120, 100, 200, ARRAY[${s.permissions.map(q).join(',')}]::text[], NULL, NULL, NULL, NULL, ` +
        `'INTERNAL', 'SUCCESS', 'ALLOWED', NULL, NULL, ${q(hash)}, ${q(hash)})`;
    await db.exec(
      `INSERT INTO "InvocationEvent" (seq, "receivedAt", "eventId", "occurredAt", "agentName", "agentId", "toolName", "toolId", "toolVersion", "toolVersionId", "trustLevel", publisher, "inputSchemaHash", "outputSchemaHash", "durationMs", "inputSizeBytes", "outputSizeBytes", "permissionsUsed", "networkUsed", "filesystemUsed", "codeExecutionUsed", "dataAccessUsed", "dataClassification", "resultStatus", approval, "decisionId", "apiKeyId", "prevHash", hash) VALUES ${values.join(',')}`,
    );
    rows += batch;
  }
  return rows / ((performance.now() - start) / 1000);
}

/**
 * The same rows again, written the way the app now writes them: COPY (text format) in a
 * transaction per batch, through the Prisma client (lib/db/copy-from-stdin.ts), still without
 * HTTP, parsing, chain lock or idempotency lookup; the hashes are computed as the app does. Printed
 * beside the multi-row INSERT, which stays the baseline the issue names. Seqs above the INSERT's.
 */
export async function rawCopyRate(db: Database, s: Subject, batch: number, seconds: number): Promise<number> {
  let head = { seq: 1_500_000_000_000n, hash: 'a'.repeat(64) };
  let rows = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    const now = new Date();
    const drafts = new Array(batch);
    for (let i = 0; i < batch; i++)
      drafts[i] = draftRow({
        receivedAt: now,
        eventId: `raw-copy-${head.seq}-${i}`,
        occurredAt: now,
        agentName: s.agent,
        agentId: null,
        toolName: s.tool,
        toolId: null,
        toolVersion: s.version,
        toolVersionId: null,
        trustLevel: 'gold',
        publisher: 'p',
        inputSchemaHash: 'sha256:1',
        outputSchemaHash: 'sha256:2',
        durationMs: 120,
        inputSizeBytes: 100,
        outputSizeBytes: 200,
        permissionsUsed: s.permissions,
        networkUsed: null,
        filesystemUsed: null,
        codeExecutionUsed: null,
        dataAccessUsed: null,
        dataClassification: 'INTERNAL',
        resultStatus: 'SUCCESS',
        approval: 'ALLOWED',
        decisionId: null,
        apiKeyId: null,
      });
    const chained = chainDraftRows(drafts, head);
    await db.prisma.$transaction((tx) => tx.$executeRawUnsafe(COPY_INVOCATION_EVENTS, chained.data));
    head = { seq: chained.lastSeq, hash: chained.lastHash };
    rows += batch;
  }
  return rows / ((performance.now() - start) / 1000);
}

/**
 * Adds `total` events (SQL generate_series, in chunks), spread over agents, tools, statuses,
 * classifications, approvals and the last hours, beside whatever the ingest and the raw writes
 * left. Added even when those already passed `total`: their rows are all alike (one subject,
 * SUCCESS, INTERNAL, ALLOWED), and the filters must be timed over varied events.
 */
export async function fillEvents(db: Database, total: number, subjects: Subject[]): Promise<number> {
  const arr = (xs: string[]) => `ARRAY[${xs.map(q).join(',')}]`;
  const agents = arr(subjects.map((s) => s.agent));
  const tools = arr(subjects.map((s) => s.tool));
  const versions = arr(subjects.map((s) => s.version));
  const k = subjects.length;
  for (let from = 0; from < total; from += 200_000) {
    const to = Math.min(total, from + 200_000);
    await db.exec(`INSERT INTO "InvocationEvent" (seq, "receivedAt", "eventId", "occurredAt", "agentName", "toolName", "toolVersion", "durationMs", "permissionsUsed", "dataClassification", "resultStatus", approval, "prevHash", hash)
      SELECT 2000000000000 + g, now(), 'fill-' || g, now() - g * interval '40 milliseconds',
             (${agents})[1 + g % ${k}], (${tools})[1 + (g / 7) % ${k}], (${versions})[1 + (g / 7) % ${k}], 100 + g % 400,
             ARRAY['network:none'], (ARRAY['PUBLIC','INTERNAL','INTERNAL','CONFIDENTIAL','RESTRICTED'])[1 + g % 5]::"DataClassification",
             (ARRAY['SUCCESS','SUCCESS','SUCCESS','SUCCESS','ERROR','TIMEOUT','SUCCESS','SUCCESS','SUCCESS','DENIED'])[1 + g % 10]::"InvocationResult",
             (ARRAY['ALLOWED','ALLOWED','ALLOWED','NO_ALLOW','ALLOWED','ALLOWED','DENIED','ALLOWED','ALLOWED','UNKNOWN_SUBJECT'])[1 + g % 10]::"InvocationApproval",
             md5(g::text) || md5(g::text), md5((g + 1)::text) || md5((g + 1)::text)
        FROM generate_series(${from + 1}, ${to}) g`);
  }
  await db.exec('ANALYZE "InvocationEvent"');
  const [{ m }] = (await db.query<{ m: number }>('SELECT count(*)::int AS m FROM "InvocationEvent"')) as [{ m: number }];
  return m;
}

/** First page (50 rows) of every explorer filter, `runs` times each: p50 and p95. PASS when every p95 < limit. */
export async function explorerFirstPages(db: Database, s: Subject, runs: number, limitMs: number): Promise<boolean> {
  const today = new Date().toISOString().slice(0, 10);
  const filters: [string, TInvocationListInput][] = [
    ['newest first (no filter)', {}],
    ['agent', { agent: s.agent }],
    ['tool', { tool: s.tool }],
    ['tool + version', { tool: s.tool, version: s.version }],
    ['status ERROR', { status: 'ERROR' }],
    ['classification RESTRICTED', { classification: 'RESTRICTED' }],
    ['approval DENIED', { approval: 'DENIED' }],
    ['day (today)', { from: today, to: today }],
    ['agent + status + day', { agent: s.agent, status: 'ERROR', from: today, to: today }],
    ['no match (unknown agent)', { agent: 'nobody-at-all' }],
  ];
  let ok = true;
  console.log(`${'explorer filter'.padEnd(30)} ${'rows'.padStart(5)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)}  load`);
  for (const [name, input] of filters) {
    const call = () => listInvocationEvents({ actor: SYSTEM_ACTOR, input }, { db: db.prisma });
    const first = await call(); // warm-up (plan, cache)
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await call();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const p = (x: number) => times[Math.min(times.length - 1, Math.ceil(x * times.length) - 1)]!;
    const pass = p(0.95) < limitMs;
    ok &&= pass;
    console.log(
      `${name.padEnd(30)} ${String(first.rows.length).padStart(5)} ${p(0.5).toFixed(1).padStart(7)} ${p(0.95).toFixed(1).padStart(7)}  ${load1()}  ${pass ? 'PASS' : 'FAIL'}`,
    );
  }
  return ok;
}
