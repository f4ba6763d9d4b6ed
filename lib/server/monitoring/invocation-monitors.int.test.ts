import type { PrismaClient } from '@prisma/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { ingestInvocationEvents } from '@/lib/server/invocations/ingest-invocation-events';
import { createInstallation } from '@/lib/testing/factories';
import { buildInvocationWorld, eventLine, type InvocationWorld } from '@/lib/testing/invocation-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import { getAlert } from '@/lib/server/alerts/get-alert';
import { getInvocationCharts } from './get-invocation-charts';
import { readUseGroups } from './event-groups';
import { getToolBaseline } from './get-tool-baseline';
import { listLeastPrivilege } from './list-least-privilege';
import { runInvocationMonitors } from './run-invocation-monitors';

withTestDatabase();
const HOUR = 3_600_000;
// Half past the previous full hour: every event of the test is in the past of the server clock.
const HOUR_START = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
const NOW = new Date(HOUR_START + 30 * 60_000);
let prisma: PrismaClient;
let world: InvocationWorld;

async function ingest(lines: string[]) {
  return ingestInvocationEvents(
    { actor: SYSTEM_ACTOR, input: { body: lines.join('\n'), single: false } },
    { db: prisma, now: NOW },
  );
}
const recent = () => new Date(NOW.getTime() - 60_000).toISOString();
const run = () => runInvocationMonitors({ db: prisma, now: NOW });
const alertsOf = (kind: string) => prisma.alert.findMany({ where: { kind }, include: {}, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  prisma = await getPrisma();
  world = await buildInvocationWorld(prisma);
});

describe('invocation monitors', () => {
  it('an event using filesystem write on a version that declared read raises a drift alert with its events', async () => {
    const version = await prisma.toolVersion.findFirstOrThrow({
      where: { tool: { name: world.tools.allowed }, version: '2.1.0' },
    });
    await prisma.toolVersion.update({ where: { id: version.id }, data: { filesystem: 'READ', tier: 'VERIFIED' } });
    const at = new Date(NOW.getTime() - 10 * 60_000).toISOString();
    const res = await ingest([
      eventLine({ event_id: 'drift-ok', timestamp: at, permissions_used: ['filesystem:read'] }),
      eventLine({ event_id: 'drift-1', timestamp: at, permissions_used: ['network:none', 'filesystem:write'] }),
      eventLine({ event_id: 'drift-2', timestamp: at, permissions_used: ['filesystem:write'] }),
    ]);
    expect(res.accepted).toBe(3);
    await run();
    const drift = await alertsOf('invocation-permission-drift');
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({
      severity: 'HIGH',
      toolVersionId: version.id,
      title: 'email-parser 2.1.0 used filesystem write; it declares read',
      detail: { dimension: 'filesystem', declared: 'READ', observed: 'WRITE', events: 2, agents: [world.agent] },
    });
    const evidence = await prisma.alertEvidenceEvent.findMany({ where: { alertId: drift[0]!.id }, orderBy: { seq: 'asc' } });
    const shown = await prisma.invocationEvent.findMany({
      where: { seq: { in: evidence.map((e) => e.seq) } },
      orderBy: { seq: 'asc' },
    });
    expect(shown.map((e) => e.eventId)).toEqual(['drift-1', 'drift-2']);

    // The same drift again is the same alert.
    await ingest([eventLine({ event_id: 'drift-3', timestamp: at, permissions_used: ['filesystem:write'] })]);
    await run();
    expect(await alertsOf('invocation-permission-drift')).toHaveLength(1);
  });

  it('keeps the first five positions of a group as its evidence, in chain order', async () => {
    const res = await ingest(Array.from({ length: 12 }, (_, i) => eventLine({ event_id: `five-${i}`, timestamp: recent() })));
    expect(res.accepted).toBe(12);
    const first = BigInt(res.firstSeq!);
    const groups = await prisma.$transaction((tx) => readUseGroups(tx, { after: first - 1n, upTo: BigInt(res.lastSeq!) }));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ events: 12, seqs: [0n, 1n, 2n, 3n, 4n].map((i) => (first + i).toString()) });
    await run();
  });

  it('reads only the events after its watermark on the next run', async () => {
    const first = await run();
    expect(first.ran).toBe(true);
    expect(Object.values(first.eventsRead)).toEqual([0, 0, 0, 0, 0]);
    const head = await prisma.invocationEvent.aggregate({ _max: { seq: true } });
    const marks = await prisma.monitorWatermark.findMany();
    expect(marks.map((m) => m.monitor).sort()).toEqual([
      'anomaly',
      'permission-drift',
      'rollup',
      'untrusted-tool',
      'version-mismatch',
    ]);
    for (const m of marks) expect(m.lastSeq).toBe(head._max.seq);
    const hourlyBefore = await prisma.invocationHourly.aggregate({ _sum: { calls: true } });

    const at = new Date(NOW.getTime() - 5 * 60_000).toISOString();
    await ingest([eventLine({ event_id: 'wm-1', timestamp: at }), eventLine({ event_id: 'wm-2', timestamp: at })]);
    const second = await run();
    expect(Object.values(second.eventsRead)).toEqual([2, 2, 2, 2, 2]);
    // The rollup counted the two new events once: an event is never added twice.
    const hourlyAfter = await prisma.invocationHourly.aggregate({ _sum: { calls: true } });
    expect(hourlyAfter._sum.calls! - hourlyBefore._sum.calls!).toBe(2);
    expect(await prisma.invocationHourly.aggregate({ _sum: { calls: true } })).toEqual({
      _sum: { calls: await prisma.invocationEvent.count() },
    });
  });

  it('an injected burst raises an anomaly alert that shows its baseline', async () => {
    // Two days of a steady 2 to 4 calls an hour, then a burst of 60 in the current hour.
    const steady: string[] = [];
    for (let h = 48; h >= 1; h--)
      for (let k = 0; k < 3 + ((h % 3) - 1); k++)
        steady.push(
          eventLine({
            event_id: `steady-${h}-${k}`,
            agent_id: world.otherAgent,
            timestamp: new Date(HOUR_START - h * HOUR + k * 60_000).toISOString(),
            execution_duration_ms: 300 + k * 10,
          }),
        );
    await ingest(steady);
    await run();
    expect(await alertsOf('invocation-anomaly')).toEqual([]);

    const burst = Array.from({ length: 60 }, (_, k) =>
      eventLine({
        event_id: `burst-${k}`,
        agent_id: world.otherAgent,
        timestamp: new Date(HOUR_START + k * 20_000).toISOString(),
        execution_duration_ms: 300 + (k % 3) * 10,
      }),
    );
    await ingest(burst);
    await run();
    const anomalies = await alertsOf('invocation-anomaly');
    expect(anomalies).toHaveLength(1);
    expect(anomalies[0]).toMatchObject({
      severity: 'HIGH',
      detail: {
        tool: world.tools.allowed,
        environment: 'PRODUCTION',
        metric: 'calls',
        hour: new Date(HOUR_START).toISOString(),
        baselineMedian: 3,
        baselineMad: 1,
        baselineSamples: 48,
        threshold: 3.5,
        windowHours: 168,
      },
    });
    // The burst plus the calls earlier tests made in that hour (same tool, same environment).
    const inHour = await prisma.invocationEvent.count({
      where: { toolName: world.tools.allowed, occurredAt: { gte: new Date(HOUR_START), lt: new Date(HOUR_START + HOUR) } },
    });
    expect(inHour).toBeGreaterThanOrEqual(60);
    const detail = anomalies[0]!.detail as { observed: number; deviation: number };
    expect(detail.observed).toBe(inHour);
    expect(detail.deviation).toBeCloseTo(0.6745 * (inHour - 3), 1);
  });

  it('a version used that is not the approved one raises a version mismatch', async () => {
    const tool = await prisma.tool.findFirstOrThrow({ where: { name: world.tools.undecided }, include: { versions: true } });
    const agent = await prisma.agent.findUniqueOrThrow({ where: { name: world.agent } });
    await createInstallation(prisma, { agentId: agent.id, toolVersionId: tool.versions[0]!.id });
    await prisma.toolVersion.create({ data: { toolId: tool.id, version: '2.2.0', tier: 'VERIFIED' } });
    expect(
      (await ingest([eventLine({ event_id: 'mismatch-1', timestamp: recent(), tool_name: tool.name, tool_version: '2.2.0' })]))
        .accepted,
    ).toBe(1);
    await run();
    const [mismatch] = await alertsOf('invocation-version-mismatch');
    expect(mismatch).toMatchObject({
      title: `${world.agent} called ${tool.name} 2.2.0; the approved version is 2.1.0`,
      detail: { approvedVersions: ['2.1.0'], version: '2.2.0', events: 1 },
    });
    // The approved version itself is not a mismatch.
    expect((await alertsOf('invocation-version-mismatch')).map((a) => (a.detail as { version: string }).version)).toEqual([
      '2.2.0',
    ]);
  });

  it('a version that failed verification raises an untrusted-tool alert naming the claimed trust', async () => {
    const version = await prisma.toolVersion.findFirstOrThrow({
      where: { tool: { name: world.tools.denied }, version: '2.1.0' },
    });
    await prisma.toolVersion.update({ where: { id: version.id }, data: { tier: 'FAILED' } });
    await ingest([
      eventLine({ event_id: 'untrusted-1', timestamp: recent(), tool_name: world.tools.denied, tool_trust_level: 'gold' }),
    ]);
    await run();
    const untrusted = await prisma.alert.findMany({ where: { kind: 'invocation-untrusted-tool', toolVersionId: version.id } });
    expect(untrusted).toHaveLength(1);
    expect(untrusted[0]).toMatchObject({
      severity: 'CRITICAL',
      detail: { tier: 'FAILED', reason: 'the version failed verification', claimedTrustLevel: 'gold' },
    });
  });

  it('the views read the rollup: charts, the tool baseline, least privilege and the explained alert', async () => {
    const officer = { type: 'USER' as const, id: 'officer', label: 'officer@test', role: 'COMPLIANCE_OFFICER' as const };
    const ctx = { db: prisma, now: NOW };
    const day = new Date(HOUR_START).toISOString().slice(0, 10);
    const charts = await getInvocationCharts({ actor: officer, input: { tool: world.tools.allowed, from: day, to: day } }, ctx);
    expect(charts.unit).toBe('hour');
    const hourPoint = charts.points.find((p) => p.at.getTime() === HOUR_START)!;
    const inHour = await prisma.invocationEvent.count({
      where: { toolName: world.tools.allowed, occurredAt: { gte: new Date(HOUR_START), lt: new Date(HOUR_START + HOUR) } },
    });
    expect(hourPoint.calls).toBe(inHour);
    expect(hourPoint.p50).toBeGreaterThanOrEqual(200);
    expect(hourPoint.p95).toBeLessThan(500);

    const tool = await prisma.tool.findFirstOrThrow({ where: { name: world.tools.allowed } });
    const baseline = await getToolBaseline(
      { actor: officer, input: { toolId: tool.id } },
      { db: prisma, now: new Date(HOUR_START + HOUR + 60_000) },
    );
    const prod = baseline.environments.find((e) => e.environment === 'PRODUCTION')!;
    expect(prod.metrics.find((m) => m.metric === 'calls')!.baseline).toMatchObject({ samples: 49 });
    expect(baseline.recent.length).toBe(10);
    expect(baseline.recent[0]!.occurredAt.getTime()).toBeGreaterThanOrEqual(HOUR_START);

    // email-parser 2.1.0 declares filesystem read and network none; granted to one agent, it
    // used filesystem write (drift), so nothing is unused; web-fetcher 2.1.0 saw no calls.
    const version = await prisma.toolVersion.findFirstOrThrow({ where: { toolId: tool.id, version: '2.1.0' } });
    const agent = await prisma.agent.findUniqueOrThrow({ where: { name: world.otherAgent } });
    await createInstallation(prisma, { agentId: agent.id, toolVersionId: version.id });
    await prisma.toolVersion.update({ where: { id: version.id }, data: { network: 'EXTERNAL', filesystem: 'WRITE' } });
    const lp = await listLeastPrivilege({ actor: officer, input: { toolId: tool.id } }, ctx);
    expect(lp.rows.map((r) => [r.version, r.unused.map((u) => `${u.dimension}:${u.declared}>${u.highestUsed}`)])).toEqual([
      ['2.1.0', ['network:EXTERNAL>NONE']],
    ]);

    const [anomaly] = await alertsOf('invocation-anomaly');
    const explained = await getAlert({ actor: officer, input: { id: anomaly!.id } }, ctx);
    expect(explained.hours.length).toBeGreaterThanOrEqual(48);
    const [drift] = await alertsOf('invocation-permission-drift');
    const shown = await getAlert({ actor: officer, input: { id: drift!.id } }, ctx);
    expect(shown.events.map((e) => e.permissionsUsed)).toEqual([['network:none', 'filesystem:write'], ['filesystem:write']]);
    expect(shown.version).toMatchObject({ version: '2.1.0' });
  });
});
