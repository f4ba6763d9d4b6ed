import { describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { withTestDatabase } from '@/lib/testing/test-database';
import { seedDemoData } from './seed';
import { DEMO_MONITORING } from './seed-monitoring';

withTestDatabase();

describe('monitoring demo', () => {
  it('holds a drift alert with its events and an anomaly alert with its baseline, raised by the monitors', async () => {
    const prisma = await getPrisma();
    await seedDemoData(prisma);
    const drift = await prisma.alert.findMany({ where: { kind: 'invocation-permission-drift' } });
    const mine = drift.filter((a) => (a.detail as { tool: string }).tool === DEMO_MONITORING.driftTool);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.detail).toMatchObject({ dimension: 'filesystem', observed: 'WRITE', agents: [DEMO_MONITORING.agent] });
    expect(await prisma.alertEvidenceEvent.count({ where: { alertId: mine[0]!.id } })).toBe(2);
    const anomalies = await prisma.alert.findMany({ where: { kind: 'invocation-anomaly' } });
    // The burst may raise several anomalies (calls, sizes), in no stated order: take the call-rate one.
    const burst = anomalies.find((a) => {
      const d = a.detail as { tool: string; metric: string };
      return d.tool === DEMO_MONITORING.burstTool && d.metric === 'calls';
    });
    expect(burst?.detail).toMatchObject({ metric: 'calls', environment: 'PRODUCTION' });
    expect((burst!.detail as { baselineSamples: number }).baselineSamples).toBeGreaterThanOrEqual(24);
    // The alert inbox at work (issue 11.5): the burst is the reviewer's, with a note; the drift is nobody's (e2e takes it).
    const reviewer = await prisma.user.findUniqueOrThrow({ where: { email: 'security@toolledger.local' } });
    const taken = burst;
    expect(taken?.assigneeId).toBe(reviewer.id);
    expect(await prisma.alertNote.findMany({ where: { alertId: taken!.id } })).toEqual([
      expect.objectContaining({ authorId: reviewer.id, body: expect.stringContaining(DEMO_MONITORING.agent) }),
    ]);
    expect(mine[0]!.assigneeId).toBeNull();
    expect(await prisma.alert.count({ where: { assigneeId: { not: null } } })).toBe(2);
    expect(await prisma.auditEvent.count({ where: { action: { in: ['alert.assigned', 'alert.noted'] } } })).toBe(4);
    // Every monitor read the whole demo stream.
    const head = await prisma.invocationEvent.aggregate({ _max: { seq: true } });
    for (const w of await prisma.monitorWatermark.findMany()) expect(w.lastSeq).toBe(head._max.seq);
    // The whole demo seed runs here: minutes on a loaded machine.
  }, 300_000);
});
