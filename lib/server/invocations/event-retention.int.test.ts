import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { eventLine } from '@/lib/testing/invocation-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import { getEventRetention } from './event-retention';
import { ingestInvocationEvents } from './ingest-invocation-events';
import { purgeInvocationEvents } from './purge-invocation-events';
import { setEventRetention } from './set-event-retention';
import { verifyInvocationChain } from './verify-invocation-chain';

// Issue 11.3: retention per environment (ADR 0012).
const t = withTestDatabase();
const ADMIN: Actor = { type: 'USER', id: 'admin-1', label: 'admin@example.com', role: 'ADMIN' };
const OFFICER: Actor = { type: 'USER', id: 'o-1', label: 'officer@example.com', role: 'COMPLIANCE_OFFICER' };
const AUDITOR: Actor = { type: 'USER', id: 'a-1', label: 'auditor@example.com', role: 'AUDITOR' };
const DAY = 86_400_000;
const now = new Date();

async function ingestAt(at: Date, prefix: string) {
  const body = [0, 1].map((i) =>
    eventLine({ event_id: `${prefix}-${i}`, timestamp: new Date(at.getTime() - 1000).toISOString() }),
  );
  await ingestInvocationEvents({ actor: SYSTEM_ACTOR, input: { body: body.join('\n'), single: false } }, { now: at });
}

describe('event retention per environment', () => {
  it('defaults every environment to TOOLLEDGER_EVENTS_RETENTION_DAYS until an admin sets one', async () => {
    const r = await getEventRetention({ actor: AUDITOR, input: {} });
    expect(r.perEnvironment.PRODUCTION).toMatchObject({ days: 400, fromSetting: false });
    expect(r.purgeDays).toBe(400);
  });

  it('an admin sets it, audited with before and after; others may not; bad values are field errors', async () => {
    await expect(setEventRetention({ actor: OFFICER, input: { environment: 'STAGING', days: 90 } })).rejects.toThrow(/may not/);
    await expect(setEventRetention({ actor: AUDITOR, input: { environment: 'STAGING', days: 90 } })).rejects.toThrow(/may not/);
    await expect(setEventRetention({ actor: ADMIN, input: { environment: 'STAGING', days: 7 } })).rejects.toMatchObject({
      status: 400,
      issues: [{ path: 'days', message: expect.stringMatching(/31 days/) }],
    });
    for (const [environment, days] of [
      ['PRODUCTION', 120],
      ['STAGING', 60],
      ['DEVELOPMENT', 45],
    ] as const)
      await setEventRetention({ actor: ADMIN, input: { environment, days } });
    const r = await getEventRetention({ actor: OFFICER, input: {} });
    expect([r.perEnvironment.STAGING.days, r.perEnvironment.STAGING.fromSetting, r.purgeDays]).toEqual([60, true, 120]);
    const audit = await t.db().prisma.auditEvent.findFirstOrThrow({
      where: { action: 'eventRetention.updated', entityId: 'STAGING' },
    });
    expect([audit.before, audit.after]).toEqual([
      { days: 400, fromSetting: false },
      { days: 60, purgeDays: 400 },
    ]);
  });

  it('purge drops only months past the longest retention, records the anchor and the settings, and the chain verifies', async () => {
    await ingestAt(new Date(now.getTime() - 200 * DAY), 'old'); // past every environment's window
    await ingestAt(new Date(now.getTime() - 100 * DAY), 'mid'); // past staging's, within production's
    await ingestAt(now, 'new');
    const purged = await purgeInvocationEvents({ actor: SYSTEM_ACTOR, input: {} }, { now });
    expect(purged.anchor?.seq).toBe('2');
    expect(await t.db().prisma.invocationEvent.count()).toBe(4);
    const audit = await t.db().prisma.auditEvent.findFirstOrThrow({ where: { action: 'invocation.purged' } });
    expect(audit.after).toMatchObject({
      lastSeq: '2',
      retentionDays: 120,
      perEnvironment: { PRODUCTION: 120, STAGING: 60, DEVELOPMENT: 45 },
    });
    expect(await verifyInvocationChain({ actor: AUDITOR, input: {} })).toMatchObject({
      ok: true,
      checked: 4,
      anchor: { kind: 'retention-anchor', seq: '2' },
    });
  });
});
