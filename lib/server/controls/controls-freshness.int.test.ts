// Issue 9: the Controls page reuses its evidence counts for a minute and checks the audit chain
// from the newest signed checkpoint on. A record changed after the checkpoint (or the checkpoint's
// head record itself) is still a gap on the next view; a new record shows once the counts expire.
import { beforeAll, describe, expect, it } from 'vitest';
import { reloadEnv } from '@/lib/env';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { checkAuditChainSinceCheckpoint } from '@/lib/server/audit/check-chain-since-checkpoint';
import { insertCheckpoint } from '@/lib/server/audit/record-audit-checkpoint';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { withTestDatabase } from '@/lib/testing/test-database';
import { EVIDENCE_COUNTS_TTL_MS } from './cached-evidence-counts';
import { getControlsView } from './get-controls-view';

const t = withTestDatabase();
const OFFICER: Actor = { type: 'USER', id: 'officer-1', label: 'officer@example.com', role: 'COMPLIANCE_OFFICER' };
// Records carry the real clock; the views run a little later, each at its own recorded time.
const later = (ms: number) => new Date(Date.now() + ms);

async function writeEvents(n: number, tag: string) {
  for (let i = 0; i < n; i++) {
    await t
      .db()
      .prisma.$transaction((tx) =>
        recordAuditEvent(tx, SYSTEM_ACTOR, { action: 'tool.synced', entityType: 'Tool', entityId: `${tag}-${i}`, after: { i } }),
      );
  }
}

/** What someone with the owner's rights can do behind the append-only triggers. */
async function behindTheTriggers(sql: string) {
  await t.db().exec(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER; ${sql}; ALTER TABLE "AuditEvent" ENABLE TRIGGER USER;`);
}

async function chainFinding(now: Date) {
  const view = await getControlsView({ actor: OFFICER, input: {} }, { now });
  const cc72 = view.rows.find((r) => r.id === 'CC7.2')!;
  return { view, cc72, broken: cc72.findings.find((f) => f.reason.startsWith('Audit chain broken')) ?? null };
}

beforeAll(() => {
  process.env.TOOLLEDGER_SECRET_KEY = 'controls-freshness-test-secret-0123456789';
  process.env.TOOLLEDGER_CHECKPOINT_KEY = 'test-checkpoint-key-'.padEnd(40, 'x');
  reloadEnv();
});

describe('Controls page: chain checked from the checkpoint, counts kept a minute', () => {
  it('catches a record changed after the last checkpoint, and its head record changed', async () => {
    await writeEvents(4, 'before');
    const checkpoint = await t.db().prisma.$transaction((tx) => insertCheckpoint(tx, 'MANUAL', 'test', new Date()));
    await writeEvents(3, 'after');
    expect((await chainFinding(later(1_000))).broken).toBeNull();
    // Only the checkpoint's head record and the three after it were re-computed.
    expect(await checkAuditChainSinceCheckpoint(t.db().prisma, later(1_000))).toMatchObject({
      intact: true,
      checkedRecords: 4,
      fromCheckpoint: { id: checkpoint.id },
    });

    await behindTheTriggers(`UPDATE "AuditEvent" SET after = '{"i": 99}' WHERE "entityId" = 'after-1'`);
    const tampered = await chainFinding(later(2_000));
    expect(tampered.cc72.state).toBe('gap');
    expect(tampered.broken?.reason).toMatch(/record \d+ does not follow the chain \(hash-mismatch\)/);
    await behindTheTriggers(`UPDATE "AuditEvent" SET after = '{"i": 1}' WHERE "entityId" = 'after-1'`);
    expect((await chainFinding(later(3_000))).broken).toBeNull();

    // The head record keeps its stored hash but not its content: re-computed, it no longer gives the signed hash.
    const head = await t.db().prisma.auditEvent.findUniqueOrThrow({ where: { seq: checkpoint.headSeq } });
    await behindTheTriggers(`UPDATE "AuditEvent" SET "entityId" = 'forged' WHERE seq = ${checkpoint.headSeq}`);
    expect((await chainFinding(later(4_000))).broken?.reason).toMatch(
      new RegExp(`record ${checkpoint.headSeq} does not follow the chain \\(hash-mismatch\\)`),
    );
    await behindTheTriggers(`UPDATE "AuditEvent" SET "entityId" = '${head.entityId}' WHERE seq = ${checkpoint.headSeq}`);
    expect((await chainFinding(later(5_000))).broken).toBeNull();
    // The full check (Audit trail page) agrees the restored chain is intact.
    expect(await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} })).toMatchObject({ ok: true });
  });

  it('a forged checkpoint is a gap, not a starting point', async () => {
    await t.db().exec(`ALTER TABLE "AuditCheckpoint" DISABLE TRIGGER USER;
      UPDATE "AuditCheckpoint" SET signature = '${'0'.repeat(64)}';
      ALTER TABLE "AuditCheckpoint" ENABLE TRIGGER USER;`);
    expect((await chainFinding(later(6_000))).broken?.reason).toMatch(/checkpoint .+: bad-signature/);
  });

  it('shows a new record once the counts are older than a minute, and says when they were taken', async () => {
    const auditTrail = (v: Awaited<ReturnType<typeof chainFinding>>) =>
      v.cc72.evidence.find((e) => e.kind === 'audit-trail')!.count;
    // Past the minute of the views above, so this one counts afresh.
    const t0 = later(EVIDENCE_COUNTS_TTL_MS + 10_000);
    const first = await chainFinding(t0);
    expect(first.view.countedAt).toBe(t0.toISOString());
    await writeEvents(2, 'fresh');
    const within = await chainFinding(new Date(t0.getTime() + EVIDENCE_COUNTS_TTL_MS - 1_000));
    expect(auditTrail(within)).toBe(auditTrail(first));
    expect(within.view.countedAt).toBe(t0.toISOString());
    const after = new Date(t0.getTime() + EVIDENCE_COUNTS_TTL_MS);
    const expired = await chainFinding(after);
    expect(auditTrail(expired)).toBe(auditTrail(first)! + 2);
    expect(expired.view.countedAt).toBe(after.toISOString());
  });
});
