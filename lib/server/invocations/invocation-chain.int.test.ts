import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { eventLine } from '@/lib/testing/invocation-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import { ingestInvocationEvents } from './ingest-invocation-events';
import { purgeInvocationEvents } from './purge-invocation-events';
import { verifyInvocationChain } from './verify-invocation-chain';

const t = withTestDatabase();
const auditor: Actor = { type: 'USER', id: 'auditor', label: 'auditor@test', role: 'AUDITOR' };
const JAN = new Date('2026-01-10T12:00:00Z');
const now = new Date();

async function ingest(n: number, at: Date, prefix: string) {
  const body = Array.from({ length: n }, (_, i) =>
    eventLine({ event_id: `${prefix}-${i}`, timestamp: new Date(at.getTime() - 1000).toISOString() }),
  ).join('\n');
  return ingestInvocationEvents({ actor: SYSTEM_ACTOR, input: { body, single: false } }, { now: at });
}

beforeAll(async () => {
  await ingest(5, JAN, 'jan');
  await ingest(5, now, 'now-a');
  await ingest(5, now, 'now-b');
});

describe('invocation event chain', () => {
  it('verifies cleanly, over everything and over a period', async () => {
    expect(await verifyInvocationChain({ actor: auditor, input: { batchSize: 10 } })).toMatchObject({
      ok: true,
      checked: 15,
      firstSeq: '1',
      lastSeq: '15',
      anchor: { kind: 'genesis' },
    });
    const period = await verifyInvocationChain({ actor: auditor, input: { from: new Date(JAN.getTime() + 86_400_000) } });
    expect(period).toMatchObject({ ok: true, checked: 10, firstSeq: '6', anchor: { kind: 'previous-record', seq: '5' } });
  });

  it('is append-only in the database itself', async () => {
    await expect(t.db().exec(`UPDATE "InvocationEvent" SET "durationMs" = 1`)).rejects.toThrow(/append-only/);
    await expect(t.db().exec(`DELETE FROM "InvocationEvent"`)).rejects.toThrow(/append-only/);
    await expect(t.db().exec(`TRUNCATE "InvocationEvent"`)).rejects.toThrow(/append-only/);
  });

  it('keeps the chain verifiable from its anchor after retention drops old months', async () => {
    const purged = await purgeInvocationEvents({ actor: SYSTEM_ACTOR, input: { retentionDays: 31 } }, { now });
    expect(purged.partitions).toContain('InvocationEvent_2026_01');
    expect(purged.anchor?.seq).toBe('5');
    const prisma = await getPrisma();
    expect(await prisma.invocationEvent.count()).toBe(10);
    const audit = await prisma.auditEvent.findFirst({ where: { action: 'invocation.purged' } });
    expect(audit?.after).toMatchObject({ lastSeq: '5', lastHash: purged.anchor!.hash });
    expect(await verifyInvocationChain({ actor: auditor, input: {} })).toMatchObject({
      ok: true,
      checked: 10,
      anchor: { kind: 'retention-anchor', seq: '5', hash: purged.anchor!.hash },
    });
    // New events continue the same chain after the purge.
    expect((await ingest(2, now, 'after-purge')).lastSeq).toBe('17');
  });

  it('finds a row changed by hand behind the trigger and raises one critical alert', async () => {
    await t.db().exec(`SET session_replication_role = replica;
      UPDATE "InvocationEvent" SET "resultStatus" = 'SUCCESS', "durationMs" = 1 WHERE seq = 8;
      SET session_replication_role = origin;`);
    const report = await verifyInvocationChain({ actor: auditor, input: { batchSize: 3 } });
    expect(report).toMatchObject({ ok: false, checked: 2, break: { seq: '8', eventId: 'now-a-2', kind: 'hash-mismatch' } });
    const prisma = await getPrisma();
    const alert = await prisma.alert.findUnique({ where: { id: report.alertId! } });
    expect(alert).toMatchObject({
      kind: 'invocation-chain-broken',
      severity: 'CRITICAL',
      title: 'Invocation event chain broken at seq 8',
    });
    const again = await verifyInvocationChain({ actor: auditor, input: {} });
    expect(again.alertId).toBe(report.alertId);
    expect(await prisma.alert.count({ where: { kind: 'invocation-chain-broken' } })).toBe(1);
  });

  it('refuses people who may not verify or purge', async () => {
    const officer: Actor = { type: 'USER', id: 'o', label: 'officer', role: 'COMPLIANCE_OFFICER' };
    await expect(purgeInvocationEvents({ actor: officer, input: {} })).rejects.toThrow(/may not/);
    await expect(purgeInvocationEvents({ actor: auditor, input: {} })).rejects.toThrow(/may not/);
    await expect(ingestInvocationEvents({ actor: auditor, input: { body: eventLine(), single: true } })).rejects.toThrow(
      /ingest scope/,
    );
  });
});
