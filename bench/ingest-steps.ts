// Where the time of one NDJSON batch of POST /api/v1/events goes (issue 11.2), step by step, and
// what the write itself costs per index. Not part of `npm run bench`: a diagnostic, run by hand on
// a quiet machine. On a scratch database with the demo data (PostgreSQL: DATABASE_URL's server, a
// database created and dropped here; `pglite`: in memory), it times each step of
// ingestInvocationEvents on its own (median of RUNS batches), the whole call, then the same rows
// written as the old jsonb INSERT, as a raw multi-row INSERT and as COPY, and COPY again with each
// secondary index of the events table left out in turn.
//   npx tsx --conditions=react-server bench/ingest-steps.ts [pglite] [--indexes]
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { openDatabase, type Database } from '@/lib/db/driver';
import { applyMigrations } from '@/lib/db/migrate';
import { setDatabaseForProcess } from '@/lib/db/client';
import { seedDemoData } from '@/lib/demo/seed';
import { eventHash } from '@/lib/domain/invocations/event-hash';
import { parseEventBatch } from '@/lib/domain/invocations/parse-batch';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { INVOCATION_CHAIN_LOCK, invocationChainHead } from '@/lib/server/invocations/chain-head';
import { ingestInvocationEvents } from '@/lib/server/invocations/ingest-invocation-events';
import { chainDraftRows, COPY_INVOCATION_EVENTS, draftRow, eventContent } from '@/lib/server/invocations/invocation-rows';
import { resolveSubjects } from '@/lib/server/invocations/resolve-subjects';
import { storedEventKeys, storedEventKeysAfter } from '@/lib/server/invocations/stored-event-ids';
import { runInvocationMonitors } from '@/lib/server/monitoring/run-invocation-monitors';

const BATCH = Number(process.env.BENCH_BATCH ?? 5_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PG_ADMIN_URL = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const onPglite = process.argv.includes('pglite');
const load1 = () => loadavg()[0]!.toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

// The write before this change: the rows as one jsonb parameter, expanded by jsonb_to_recordset.
const OLD_COLUMNS = [
  ['seq', 'bigint'],
  ['receivedAt', 'timestamp'],
  ['eventId', 'text'],
  ['occurredAt', 'timestamp'],
  ['agentName', 'text'],
  ['agentId', 'text'],
  ['toolName', 'text'],
  ['toolId', 'text'],
  ['toolVersion', 'text'],
  ['toolVersionId', 'text'],
  ['trustLevel', 'text'],
  ['publisher', 'text'],
  ['inputSchemaHash', 'text'],
  ['outputSchemaHash', 'text'],
  ['durationMs', 'integer'],
  ['inputSizeBytes', 'integer'],
  ['outputSizeBytes', 'integer'],
  ['permissionsUsed', 'text[]'],
  ['networkUsed', 'text', 'NetworkLevel'],
  ['filesystemUsed', 'text', 'FilesystemLevel'],
  ['codeExecutionUsed', 'text', 'CodeExecutionLevel'],
  ['dataAccessUsed', 'text', 'DataAccessLevel'],
  ['dataClassification', 'text', 'DataClassification'],
  ['resultStatus', 'text', 'InvocationResult'],
  ['approval', 'text', 'InvocationApproval'],
  ['decisionId', 'text'],
  ['apiKeyId', 'text'],
  ['prevHash', 'text'],
  ['hash', 'text'],
] as const;
const OLD_INSERT = `INSERT INTO "InvocationEvent" (${OLD_COLUMNS.map(([c]) => `"${c}"`).join(', ')})
SELECT ${OLD_COLUMNS.map(([c, , e]) => (e ? `r."${c}"::"${e}"` : `r."${c}"`)).join(', ')}
  FROM jsonb_to_recordset($1::jsonb) AS r(${OLD_COLUMNS.map(([c, t]) => `"${c}" ${t}`).join(', ')})`;

let tag = 0;
function body(agent: string, tool: string, version: string, permissions: string[]): string {
  tag++;
  const at = new Date(Date.now() - 1000).toISOString();
  const lines: string[] = new Array(BATCH);
  for (let i = 0; i < BATCH; i++)
    lines[i] = JSON.stringify({
      agent_id: agent,
      tool_name: tool,
      tool_version: version,
      tool_trust_level: 'gold',
      execution_duration_ms: 120,
      input_size_bytes: 900,
      output_size_bytes: 2400,
      permissions_used: permissions,
      data_classification: 'internal',
      result_status: 'success',
      event_id: `steps-${tag}-${i}`,
      timestamp: at,
    });
  return lines.join('\n');
}

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

async function main() {
  let db: Database;
  let drop = async () => {};
  // A database prepared before (migrated, already holding events): used as it is, kept afterwards.
  const given = process.env.INGEST_STEPS_URL;
  if (given) db = await openDatabase({ kind: 'postgres', url: given });
  else if (onPglite) db = await openDatabase({ kind: 'pglite' });
  else {
    const name = `toolledger_ingest_steps_${randomBytes(4).toString('hex')}`;
    const admin = await openDatabase({ kind: 'postgres', url: PG_ADMIN_URL });
    await admin.exec(`CREATE DATABASE "${name}"`);
    await admin.close();
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    db = await openDatabase({ kind: 'postgres', url: url.toString() });
    drop = async () => {
      const a = await openDatabase({ kind: 'postgres', url: PG_ADMIN_URL });
      await a.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.close();
    };
  }
  try {
    setDatabaseForProcess(db);
    if (!given) {
      await applyMigrations(db);
      await seedDemoData(db.prisma);
    }
    const d = (await db.prisma.enforcementDecision.findFirst({
      where: { outcome: 'ALLOW', toolVersionId: { not: null } },
      select: { agentName: true, toolName: true, version: true },
    })) ?? { agentName: 'agent-a', toolName: 'tool-x', version: '1.0.0' };
    const permissions = ['network:none', 'filesystem:read'];
    const mkBody = () => body(d.agentName, d.toolName, d.version, permissions);
    const prisma = db.prisma;
    console.log(`${db.kind}: batches of ${BATCH}, median of ${RUNS}  (load ${load1()})`);

    // Warm up (JIT, plans, first partition) with two whole calls.
    for (let i = 0; i < 2; i++) await ingestInvocationEvents({ actor: SYSTEM_ACTOR, input: { body: mkBody(), single: false } });

    await runInvocationMonitors({ db: prisma });
    const steps: Record<string, number[]> = {};
    const add = (name: string, ms: number) => (steps[name] ??= []).push(ms);
    for (let r = 0; r < RUNS; r++) {
      const now = new Date();
      const text = mkBody();
      const [tParse, parsed] = await time(() => parseEventBatch(text, false, { now, retentionDays: 400, boundAgentName: null }));
      add('parse + validate (zod) per line', tParse);
      const events = parsed.valid.map((v) => v.event);
      add(
        'partition ensure',
        (
          await time(() =>
            prisma.$queryRawUnsafe(`SELECT toolledger_invocation_partition_ensure($1::timestamp)`, now.toISOString()),
          )
        )[0],
      );
      const triples = [{ agent: d.agentName, tool: d.toolName, version: d.version }];
      const [tSubjects, subjects] = await time(() => resolveSubjects(prisma, triples, now));
      add('resolve subjects', tSubjects);
      const [tStored, stored] = await time(() => storedEventKeys(prisma, events));
      add('stored ids (before the lock)', tStored);
      const subject = [...subjects.values()][0]!;
      const [tDraft, contents] = await time(() => events.map((e) => eventContent(e, subject, now, null)));
      const [tDraftRows, drafts] = await time(() => contents.map(draftRow));
      add('draft rows (content, COPY text, JSON halves)', tDraft + tDraftRows);
      // The old in-lock work on the same rows, for comparison: eventHash per row and one JSON text.
      const [tOldHash, oldRows] = await time(() => {
        let prev = 'f'.repeat(64);
        return contents.map((x, i) => {
          const content = { ...x, seq: 1n + BigInt(i) };
          const hash = eventHash(prev, content);
          const row = { ...content, prevHash: prev, hash };
          prev = hash;
          return row;
        });
      });
      add('old: eventHash per row', tOldHash);
      add(
        'old: JSON.stringify rows',
        (await time(() => JSON.stringify(oldRows, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))))[0],
      );
      const tTx0 = performance.now();
      await prisma.$transaction(
        async (tx) => {
          add('lock', (await time(() => tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${INVOCATION_CHAIN_LOCK})`)))[0]);
          const [tHead, head] = await time(() => invocationChainHead(tx));
          add('chain head', tHead);
          add(
            'stored ids after (under the lock, forced)',
            (await time(() => storedEventKeysAfter(tx, events, stored.upTo - BigInt(BATCH))))[0],
          );
          add('old: stored ids, all under the lock', (await time(() => storedEventKeys(tx, events)))[0]);
          const [tChain, chained] = await time(() => chainDraftRows(drafts, head));
          add('chain drafts (sha256 + join)', tChain);
          add('COPY', (await time(() => tx.$executeRawUnsafe(COPY_INVOCATION_EVENTS, chained.data)))[0]);
          add(
            'audit record',
            (
              await time(() =>
                recordAuditEvent(tx, SYSTEM_ACTOR, {
                  action: 'invocation.batchIngested',
                  entityType: 'InvocationEvent',
                  entityId: 'steps',
                  after: { n: drafts.length },
                }),
              )
            )[0],
          );
        },
        { timeout: 120_000 },
      );
      add('transaction total (incl. BEGIN/COMMIT)', performance.now() - tTx0);
      const whole = mkBody();
      add(
        'WHOLE ingestInvocationEvents',
        (await time(() => ingestInvocationEvents({ actor: SYSTEM_ACTOR, input: { body: whole, single: false } })))[0],
      );
      // The server kicks the monitors after every batch (monitor-scheduler.ts): their share, per batch.
      add('monitors, per batch (run after every 2)', (await time(() => runInvocationMonitors({ db: prisma })))[0] / 2);
    }
    for (const [name, xs] of Object.entries(steps)) console.log(`${name.padEnd(48)} ${median(xs).toFixed(1).padStart(8)} ms`);

    // The write alone, same rows each way, each in its own transaction (commit included).
    const head0 = await invocationChainHead(prisma);
    let seq = head0.seq + 10_000_000n;
    const unknown = { agentId: null, toolId: null, toolVersionId: null, unknown: 'bench', decision: null };
    const sample = () => {
      const now = new Date();
      const { valid } = parseEventBatch(mkBody(), false, { now, retentionDays: 400, boundAgentName: null });
      return valid.map((v) => eventContent(v.event, unknown, now, null));
    };
    const copyRun = async () => {
      const drafts = sample().map(draftRow);
      const chained = chainDraftRows(drafts, { seq, hash: 'a'.repeat(64) });
      seq = chained.lastSeq;
      return (await time(() => prisma.$transaction((tx) => tx.$executeRawUnsafe(COPY_INVOCATION_EVENTS, chained.data))))[0];
    };
    const writes: [string, () => Promise<number>][] = [
      [
        'old jsonb_to_recordset INSERT',
        async () => {
          const rows = sample().map((x) => ({
            ...x,
            seq: Number((seq += 1n)),
            prevHash: 'a'.repeat(64),
            hash: 'b'.repeat(64),
          }));
          const json = JSON.stringify(rows);
          return (await time(() => prisma.$transaction((tx) => tx.$executeRawUnsafe(OLD_INSERT, json))))[0];
        },
      ],
      [
        'raw multi-row INSERT (the bench baseline)',
        async () => {
          const values = sample().map((c) => {
            seq += 1n;
            return `(${seq}, ${q(c.receivedAt.toISOString())}, ${q(c.eventId)}, ${q(c.occurredAt.toISOString())}, ${q(c.agentName)}, NULL, ${q(c.toolName)}, NULL, ${q(c.toolVersion)}, NULL, 'gold', NULL, NULL, NULL, 120, 900, 2400, ARRAY[${permissions.map(q).join(',')}]::text[], 'NONE', 'READ', NULL, NULL, 'INTERNAL', 'SUCCESS', 'ALLOWED', NULL, NULL, ${q('a'.repeat(64))}, ${q('b'.repeat(64))})`;
          });
          const sql = `INSERT INTO "InvocationEvent" (seq, "receivedAt", "eventId", "occurredAt", "agentName", "agentId", "toolName", "toolId", "toolVersion", "toolVersionId", "trustLevel", publisher, "inputSchemaHash", "outputSchemaHash", "durationMs", "inputSizeBytes", "outputSizeBytes", "permissionsUsed", "networkUsed", "filesystemUsed", "codeExecutionUsed", "dataAccessUsed", "dataClassification", "resultStatus", approval, "decisionId", "apiKeyId", "prevHash", hash) VALUES ${values.join(',')}`;
          return (await time(() => db.exec(sql)))[0];
        },
      ],
      ['COPY (text format)', copyRun],
    ];
    console.log(`\nthe write alone, ${BATCH} rows, own transaction  (load ${load1()})`);
    for (const [name, run] of writes) {
      const xs: number[] = [];
      for (let r = 0; r < RUNS; r++) xs.push(await run());
      console.log(
        `${name.padEnd(48)} ${median(xs).toFixed(1).padStart(8)} ms  = ${((BATCH / median(xs)) * 1000).toFixed(0)} rows/s`,
      );
    }

    if (process.argv.includes('--indexes')) {
      const indexes = await db.query<{ name: string; def: string }>(
        `SELECT indexname AS name, replace(indexdef, ' ON ONLY ', ' ON ') AS def FROM pg_indexes WHERE tablename = 'InvocationEvent' AND indexname NOT LIKE '%pkey'`,
      );
      console.log(`\nCOPY with one secondary index left out (${indexes.length} indexes)  (load ${load1()})`);
      const copyMedian = async () => {
        const xs: number[] = [];
        for (let r = 0; r < RUNS; r++) xs.push(await copyRun());
        return median(xs);
      };
      console.log(`${'all indexes'.padEnd(48)} ${(await copyMedian()).toFixed(1).padStart(8)} ms`);
      for (const ix of indexes) {
        await db.exec(`DROP INDEX "${ix.name}"`);
        console.log(`${`without ${ix.name}`.padEnd(48)} ${(await copyMedian()).toFixed(1).padStart(8)} ms`);
        await db.exec(ix.def);
      }
      for (const ix of indexes) await db.exec(`DROP INDEX "${ix.name}"`);
      console.log(`${'no secondary index at all'.padEnd(48)} ${(await copyMedian()).toFixed(1).padStart(8)} ms`);
      for (const ix of indexes) await db.exec(ix.def);
    }
  } finally {
    await db.close();
    await drop();
  }
}

void main();
