import { beforeAll, describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH } from '@/lib/domain/hash-chain';
import { reloadEnv } from '@/lib/env';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { withTestDatabase } from '@/lib/testing/test-database';
import { runDueCheckpoint } from './checkpoint-scheduler';
import { recordAuditCheckpoint } from './record-audit-checkpoint';
import { auditHashContent, recordAuditEvent } from './record-audit-event';
import { verifyAuditChain } from './verify-audit-chain';

// Issue 7.9: append-only the application itself cannot undo, and what the chain alone cannot show.
const t = withTestDatabase();
const ADMIN: Actor = { type: 'USER', id: 'admin-1', label: 'admin@example.com', role: 'ADMIN' };
const AUDITOR: Actor = { type: 'USER', id: 'auditor-1', label: 'auditor@example.com', role: 'AUDITOR' };
const verify = () => verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} });

async function writeEvents(n: number, tag: string) {
  for (let i = 0; i < n; i++) {
    await t
      .db()
      .prisma.$transaction((tx) =>
        recordAuditEvent(tx, SYSTEM_ACTOR, { action: 'tool.synced', entityType: 'Tool', entityId: `${tag}-${i}`, after: { i } }),
      );
  }
}

/** What someone with the owner's rights can do behind the triggers. */
async function behindTheTriggers(sql: string) {
  await t.db().exec(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER; ${sql}; ALTER TABLE "AuditEvent" ENABLE TRIGGER USER;`);
}

beforeAll(() => {
  process.env.TOOLLEDGER_CHECKPOINT_KEY = 'test-checkpoint-key-'.padEnd(40, 'x');
  reloadEnv();
});

describe('audit chain hardening', () => {
  it('refuses a fork: two records cannot claim the same predecessor', async () => {
    await writeEvents(2, 'fork');
    const [first] = await t.db().query<{ prevHash: string }>(`SELECT "prevHash" FROM "AuditEvent" ORDER BY seq LIMIT 1`);
    await expect(
      t.db().exec(
        `INSERT INTO "AuditEvent" ("actorType", "actorLabel", action, "entityType", "entityId", "prevHash", hash)
         VALUES ('SYSTEM', 'x', 'tool.synced', 'Tool', 'forged', '${first!.prevHash}', '${'f'.repeat(64)}')`,
      ),
    ).rejects.toThrow(/unique|duplicate/i);
  });

  it('a person records a checkpoint, audited; an auditor may not', async () => {
    await expect(recordAuditCheckpoint({ actor: AUDITOR, input: {} })).rejects.toThrow(/may not/);
    const checkpoint = await recordAuditCheckpoint({ actor: ADMIN, input: {} });
    const head = await t.db().prisma.auditEvent.findFirstOrThrow({ where: { action: 'tool.synced' }, orderBy: { seq: 'desc' } });
    expect([checkpoint.headSeq, checkpoint.headHash, checkpoint.trigger]).toEqual([head.seq, head.hash, 'MANUAL']);
    const audit = await t.db().prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: 'desc' } });
    expect([audit.action, audit.entityId, audit.actorLabel]).toEqual(['auditCheckpoint.recorded', checkpoint.id, ADMIN.label]);
    expect(await verify()).toMatchObject({ ok: true, checkpoints: { checked: 1, latest: { id: checkpoint.id } } });
  });

  it('the schedule takes one checkpoint per interval, only when the chain grew', async () => {
    const now = new Date(Date.now() + 60 * 60_000);
    const first = await runDueCheckpoint({ intervalMinutes: 30 }, { now });
    expect(first?.trigger).toBe('SCHEDULE');
    // Both instances tick at once: the second finds it done.
    expect(await runDueCheckpoint({ intervalMinutes: 30 }, { now })).toBeNull();
    const later = new Date(now.getTime() + 31 * 60_000);
    expect(await runDueCheckpoint({ intervalMinutes: 30 }, { now: later })).toBeNull(); // nothing new
    await writeEvents(1, 'grow');
    expect((await runDueCheckpoint({ intervalMinutes: 30 }, { now: later }))?.headSeq).toBeGreaterThan(first!.headSeq);
    expect(await verify()).toMatchObject({ ok: true, checkpoints: { checked: 3 } });
    await writeEvents(3, 'tail');
  });

  it('is append-only itself', async () => {
    await expect(t.db().exec(`UPDATE "AuditCheckpoint" SET "headSeq" = 1`)).rejects.toThrow(/append-only/);
    await expect(t.db().exec(`DELETE FROM "AuditCheckpoint"`)).rejects.toThrow(/append-only/);
  });

  it('detects a forged checkpoint', async () => {
    const [c] = await t.db().query<{ id: string }>(`SELECT id FROM "AuditCheckpoint" ORDER BY "createdAt" LIMIT 1`);
    await t.db().exec(`ALTER TABLE "AuditCheckpoint" DISABLE TRIGGER USER;
      UPDATE "AuditCheckpoint" SET "headHash" = '${'e'.repeat(64)}' WHERE id = '${c!.id}';
      ALTER TABLE "AuditCheckpoint" ENABLE TRIGGER USER;`);
    expect(await verify()).toMatchObject({ ok: false, checkpointProblem: { kind: 'bad-signature', checkpoint: { id: c!.id } } });
    await t.db().exec(`ALTER TABLE "AuditCheckpoint" DISABLE TRIGGER USER; DELETE FROM "AuditCheckpoint" WHERE id = '${c!.id}';
      ALTER TABLE "AuditCheckpoint" ENABLE TRIGGER USER;`);
    expect((await verify()).ok).toBe(true);
  });

  it('detects the newest records deleted, which the chain alone cannot', async () => {
    const [{ seq }] = (await t.db().query<{ seq: string }>(`SELECT max("headSeq")::text AS seq FROM "AuditCheckpoint"`)) as [
      { seq: string },
    ];
    const keep = await t.db().query(`SELECT * FROM "AuditEvent" WHERE seq >= ${seq} ORDER BY seq`);
    await behindTheTriggers(`DELETE FROM "AuditEvent" WHERE seq >= ${seq}`);
    const report = await verify();
    expect(report.break).toBeUndefined(); // what is left still links up
    expect(report).toMatchObject({ ok: false, checkpointProblem: { kind: 'missing-records', checkpoint: { headSeq: seq } } });
    // Put them back for the next case (same rows, same hashes).
    await t.db().prisma.auditEvent.createMany({ data: keep as never });
    expect((await verify()).ok).toBe(true);
  });

  it('detects the whole chain rewritten with valid hashes', async () => {
    const rows = await t.db().prisma.auditEvent.findMany({ orderBy: { seq: 'asc' } });
    let prev = GENESIS_HASH;
    const statements: string[] = [];
    for (const r of rows) {
      const after = r.entityId === 'fork-0' ? { i: 'rewritten' } : r.after;
      const hash = chainHash(prev, auditHashContent({ ...r, after }));
      statements.push(
        `UPDATE "AuditEvent" SET after = '${JSON.stringify(after)}'::jsonb, "prevHash" = 'tmp-${r.seq}', hash = '${hash}' WHERE seq = ${r.seq}`,
      );
      prev = hash;
    }
    // prevHash is unique: park the old ones first, then link the new chain.
    await behindTheTriggers(
      `UPDATE "AuditEvent" SET hash = 'old-' || seq; ${statements.join(';\n')}; UPDATE "AuditEvent" e SET "prevHash" = coalesce((SELECT p.hash FROM "AuditEvent" p WHERE p.seq < e.seq ORDER BY p.seq DESC LIMIT 1), '${GENESIS_HASH}')`,
    );
    const report = await verify();
    expect(report.break).toBeUndefined(); // a consistent forgery
    expect(report).toMatchObject({ ok: false, checkpointProblem: { kind: 'rewritten' } });
  });
});
