import { beforeAll, describe, expect, it } from 'vitest';
import { eventHash } from '@/lib/domain/invocations/event-hash';
import { reloadEnv } from '@/lib/env';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { runDueCheckpoint } from '@/lib/server/audit/checkpoint-scheduler';
import { recordAuditCheckpoint } from '@/lib/server/audit/record-audit-checkpoint';
import { eventLine } from '@/lib/testing/invocation-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import { ingestInvocationEvents } from './ingest-invocation-events';
import { purgeInvocationEvents } from './purge-invocation-events';
import { verifyInvocationChain } from './verify-invocation-chain';

// Issue 11.3: the signed chain checkpoints cover the invocation event chain too.
const t = withTestDatabase();
const ADMIN: Actor = { type: 'USER', id: 'admin-1', label: 'admin@example.com', role: 'ADMIN' };
const JAN = new Date('2026-01-10T12:00:00Z');
const now = new Date();
const verify = () => verifyInvocationChain({ actor: SYSTEM_ACTOR, input: { batchSize: 4 } });

async function ingest(n: number, at: Date, prefix: string) {
  const body = Array.from({ length: n }, (_, i) =>
    eventLine({ event_id: `${prefix}-${i}`, timestamp: new Date(at.getTime() - 1000).toISOString() }),
  ).join('\n');
  return ingestInvocationEvents({ actor: SYSTEM_ACTOR, input: { body, single: false } }, { now: at });
}

/** What someone with the owner's rights can do behind the triggers. */
const behindTheTriggers = (sql: string) =>
  t.db().exec(`SET session_replication_role = replica; ${sql}; SET session_replication_role = origin;`);

beforeAll(() => {
  process.env.TOOLLEDGER_CHECKPOINT_KEY = 'test-checkpoint-key-'.padEnd(40, 'x');
  reloadEnv();
});

describe('checkpoints of the invocation event chain', () => {
  it('sign the event head beside the audit head, and verify counts them', async () => {
    await ingest(3, JAN, 'jan');
    const january = await recordAuditCheckpoint({ actor: ADMIN, input: {} }, { now: JAN });
    expect([january.eventSeq, january.headSeq > 0n]).toEqual([3n, true]);
    await ingest(5, now, 'now');
    const checkpoint = await recordAuditCheckpoint({ actor: ADMIN, input: {} });
    const head = await t.db().prisma.invocationEvent.findFirstOrThrow({ orderBy: { seq: 'desc' } });
    expect([checkpoint.eventSeq, checkpoint.eventHash]).toEqual([8n, head.hash]);
    const audit = await t.db().prisma.auditEvent.findFirstOrThrow({ where: { entityId: checkpoint.id } });
    expect(audit.after).toMatchObject({ eventSeq: '8', eventHash: head.hash });
    expect(await verify()).toMatchObject({ ok: true, checked: 8, checkpoints: { checked: 2 } });
  });

  it('the schedule signs the event head too, and skips when neither chain grew', async () => {
    const later = new Date(Date.now() + 60 * 60_000);
    const first = await runDueCheckpoint({ intervalMinutes: 30 }, { now: later });
    expect(first?.eventSeq).toBe(8n);
    const afterInterval = new Date(later.getTime() + 31 * 60_000);
    expect(await runDueCheckpoint({ intervalMinutes: 30 }, { now: afterInterval })).toBeNull(); // nothing new
    await ingest(2, now, 'grow');
    expect((await runDueCheckpoint({ intervalMinutes: 30 }, { now: afterInterval }))?.eventSeq).toBe(10n);
  });

  it('still verifies after retention purged the head of an older checkpoint', async () => {
    const purged = await purgeInvocationEvents({ actor: SYSTEM_ACTOR, input: { retentionDays: 31 } }, { now });
    expect(purged.anchor?.seq).toBe('3');
    // The January checkpoint's head is the anchor itself: compared with the anchor's hash.
    expect(await verify()).toMatchObject({
      ok: true,
      checked: 7,
      anchor: { kind: 'retention-anchor' },
      checkpoints: { checked: 4 },
    });
  });

  it('finds the newest events deleted, which the chain alone cannot', async () => {
    const keep = await t.db().prisma.invocationEvent.findMany({ where: { seq: { gte: 9n } } });
    await behindTheTriggers(`DELETE FROM "InvocationEvent" WHERE seq >= 9`);
    const report = await verify();
    expect(report.break).toBeUndefined(); // what is left still links up
    expect(report).toMatchObject({ ok: false, checkpointProblem: { kind: 'missing-records', checkpoint: { eventSeq: '10' } } });
    const alert = await t.db().prisma.alert.findUniqueOrThrow({ where: { id: report.alertId! } });
    expect([alert.kind, alert.severity]).toEqual(['invocation-chain-broken', 'CRITICAL']);
    await behindTheTriggers('SELECT 1');
    await t.db().prisma.invocationEvent.createMany({ data: keep });
    expect((await verify()).ok).toBe(true);
  });

  it('finds the whole event chain rewritten with hashes that recompute', async () => {
    const rows = await t.db().prisma.invocationEvent.findMany({ orderBy: { seq: 'asc' } });
    let prev = rows[0]!.prevHash; // the retention anchor
    const statements: string[] = [];
    for (const r of rows) {
      const durationMs = r.seq === 5n ? 1 : r.durationMs;
      const hash = eventHash(prev, { ...r, durationMs });
      statements.push(
        `UPDATE "InvocationEvent" SET "durationMs" = ${durationMs}, "prevHash" = '${prev}', hash = '${hash}' WHERE seq = ${r.seq}`,
      );
      prev = hash;
    }
    await behindTheTriggers(statements.join(';\n'));
    const report = await verify();
    expect(report.break).toBeUndefined(); // a consistent forgery
    expect(report).toMatchObject({ ok: false, checkpointProblem: { kind: 'rewritten' } });
    expect(await t.db().prisma.alert.count({ where: { kind: 'invocation-chain-broken' } })).toBe(2);
  });

  it('finds a forged checkpoint row', async () => {
    await t.db().exec(`ALTER TABLE "AuditCheckpoint" DISABLE TRIGGER USER;
      UPDATE "AuditCheckpoint" SET "eventSeq" = 2;
      ALTER TABLE "AuditCheckpoint" ENABLE TRIGGER USER;`);
    expect(await verify()).toMatchObject({ ok: false, checkpointProblem: { kind: 'bad-signature' } });
  });
});
