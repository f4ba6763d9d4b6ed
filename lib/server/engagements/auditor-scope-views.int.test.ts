/**
 * ADR 0010, last update: the registers and monitoring views narrowed for an auditor, each read
 * directly (the risk register, subprocessors, the invocation charts, least privilege and a tool's
 * monitoring panel). An auditor with an open audit sees only what is inside it, one with none
 * sees nothing, an officer sees everything. World: lib/testing/scoped-audit-world.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { deriveDataFlow } from '@/lib/server/data-flows/derive-data-flow';
import { listSubprocessors } from '@/lib/server/data-flows/list-subprocessors';
import { getInvocationCharts } from '@/lib/server/monitoring/get-invocation-charts';
import { getToolBaseline } from '@/lib/server/monitoring/get-tool-baseline';
import { listLeastPrivilege } from '@/lib/server/monitoring/list-least-privilege';
import { assessRisk } from '@/lib/server/risks/assess-risk';
import { listRiskRegister } from '@/lib/server/risks/list-risk-register';
import { buildScopedAuditWorld, type ScopedAuditWorld } from '@/lib/testing/scoped-audit-world';
import { withTestDatabase } from '@/lib/testing/test-database';

withTestDatabase();
let w: ScopedAuditWorld;
const ctx = () => ({ db: w.db, now: w.now });
const day = (d: Date) => d.toISOString().slice(0, 10);
const everyTool = () => [w.tools.shared.id, w.tools.stagingOnly.id, w.tools.late.id].sort();

beforeAll(async () => {
  w = await buildScopedAuditWorld(await getPrisma());
  // The shared tool's calls: before, inside and after the audit's period, in both environments.
  // Production read files only; staging wrote them. Nobody used the network.
  const read = ['network:none', 'filesystem:read'];
  const write = ['network:none', 'filesystem:write'];
  await w.report([
    { id: 'before-prod', agent: 'prod', tool: 'shared', at: w.daysAgo(40), permissions: read },
    { id: 'in-prod', agent: 'prod', tool: 'shared', at: w.daysAgo(10), permissions: read },
    { id: 'in-staging', agent: 'staging', tool: 'shared', at: w.daysAgo(10), permissions: write },
    { id: 'after-prod', agent: 'prod', tool: 'shared', at: w.daysAgo(1), permissions: read },
    { id: 'after-staging', agent: 'staging', tool: 'shared', at: w.daysAgo(1), permissions: write },
  ]);
}, 240_000);

describe('registers: the tools of the auditor’s inventory only', () => {
  it('risk register: the current assessments of tools installed in the audit’s environments during its period', async () => {
    for (const tool of Object.values(w.tools)) {
      const input = {
        toolId: tool.id,
        likelihood: 4,
        impact: 4,
        likelihoodReason: 'Assessed for the scope test.',
        impactReason: 'Assessed for the scope test.',
        controls: 'Weekly review of its calls.',
        residualLikelihood: 2,
        residualImpact: 2,
        treatment: 'MITIGATE' as const,
        owner: 'Platform team',
      };
      await assessRisk({ actor: w.people.officer, input }, ctx());
    }
    const mine = await listRiskRegister({ actor: w.people.auditor, input: {} }, ctx());
    expect(mine.rows.map((r) => r.toolId)).toEqual([w.tools.shared.id]);
    expect(mine.total).toBe(1);
    expect(mine.heat.inherent.flat().reduce((a, b) => a + b, 0)).toBe(1);
    expect((await listRiskRegister({ actor: w.people.idle, input: {} }, ctx())).total).toBe(0);
    const all = await listRiskRegister({ actor: w.people.officer, input: {} }, ctx());
    expect(all.rows.map((r) => r.toolId).sort()).toEqual(everyTool());
  });

  it('subprocessors: the maps of the auditor’s inventory', async () => {
    for (const tool of Object.values(w.tools)) await deriveDataFlow({ actor: SYSTEM_ACTOR, input: { toolId: tool.id } }, ctx());
    const all = await listSubprocessors({ actor: w.people.officer, input: {} }, ctx());
    expect(all.rows.map((r) => r.toolId).sort()).toEqual(everyTool());
    const mine = await listSubprocessors({ actor: w.people.auditor, input: {} }, ctx());
    expect(mine.rows.map((r) => r.toolId)).toEqual([w.tools.shared.id]);
    expect(mine.total).toBe(1);
    expect((await listSubprocessors({ actor: w.people.idle, input: {} }, ctx())).total).toBe(0);
  });
});

describe('monitoring: the audit’s period and environments', () => {
  const calls = (charts: Awaited<ReturnType<typeof getInvocationCharts>>) => charts.points.reduce((n, p) => n + p.calls, 0);
  const range = () => ({ from: day(w.daysAgo(45)), to: day(w.now) });

  it('invocation charts: only the hours inside the period, of agents of its environments', async () => {
    expect(calls(await getInvocationCharts({ actor: w.people.officer, input: range() }, ctx()))).toBe(5);
    // Only "in-prod": "in-staging" is another environment, the others are outside the period.
    expect(calls(await getInvocationCharts({ actor: w.people.auditor, input: range() }, ctx()))).toBe(1);
    expect(calls(await getInvocationCharts({ actor: w.people.idle, input: range() }, ctx()))).toBe(0);
  });

  it('least privilege: grants in the audit’s environments, of tools of its inventory, with the use seen there', async () => {
    const shown = (list: Awaited<ReturnType<typeof listLeastPrivilege>>) =>
      list.rows.map((r) => [
        r.toolName,
        r.grantedTo,
        r.callsInPeriod,
        r.unused.map((u) => `${u.dimension}:${u.declared}>${u.highestUsed}`),
      ]);
    // Everyone's: staging wrote files, so only the network went unused for the shared tool;
    // the two tools nobody called used nothing (most unused first).
    const all = await listLeastPrivilege({ actor: w.people.officer, input: {} }, ctx());
    expect(shown(all)).toEqual([
      [w.tools.late.name, 1, 0, ['network:EXTERNAL>NONE', 'filesystem:WRITE>NONE']],
      [w.tools.stagingOnly.name, 1, 0, ['network:EXTERNAL>NONE', 'filesystem:WRITE>NONE']],
      [w.tools.shared.name, 2, 4, ['network:EXTERNAL>NONE']],
    ]);
    expect(all.total).toBe(3);
    // The auditor's: the production grant of the shared tool only (the late tool was installed
    // after the period), with production's use of the last 30 days, which never wrote a file.
    const mine = await listLeastPrivilege({ actor: w.people.auditor, input: {} }, ctx());
    expect(shown(mine)).toEqual([[w.tools.shared.name, 1, 2, ['network:EXTERNAL>NONE', 'filesystem:WRITE>READ']]]);
    expect(mine.total).toBe(1);
    expect(await listLeastPrivilege({ actor: w.people.idle, input: {} }, ctx())).toMatchObject({ rows: [], total: 0 });
  });

  it('least privilege is paged and filtered in the database', async () => {
    const list = (input: Parameters<typeof listLeastPrivilege>[0]['input']) =>
      listLeastPrivilege({ actor: w.people.officer, input }, ctx());
    const second = await list({ pageSize: 1, page: 2 });
    expect(second.rows.map((r) => r.toolId)).toEqual([w.tools.stagingOnly.id]);
    expect(second.total).toBe(3);
    // Past the last page: no row, the count still true.
    expect(await list({ pageSize: 1, page: 9 })).toMatchObject({ rows: [], total: 3 });
    expect((await list({ q: 'LATE' })).rows.map((r) => r.toolId)).toEqual([w.tools.late.id]);
    // "%" is a character like any other, not a wildcard.
    expect((await list({ q: '%' })).total).toBe(0);
    expect((await list({ toolId: w.tools.shared.id })).rows.map((r) => r.toolId)).toEqual([w.tools.shared.id]);
    const staging = await list({ environment: 'STAGING' });
    expect(staging.rows.map((r) => [r.toolId, r.grantedTo, r.unused.length])).toEqual([
      [w.tools.stagingOnly.id, 1, 2],
      [w.tools.shared.id, 1, 1],
    ]);
    await expect(list({ pageSize: 1000 })).rejects.toMatchObject({ status: 400 });
  });

  it('a tool’s monitoring panel: the audit’s environments, and its latest calls inside the audit', async () => {
    const panel = (actor: typeof w.people.officer) => getToolBaseline({ actor, input: { toolId: w.tools.shared.id } }, ctx());
    const all = await panel(w.people.officer);
    expect(all.environments.map((e) => e.environment).sort()).toEqual(['PRODUCTION', 'STAGING']);
    expect(all.recent).toHaveLength(5);
    const mine = await panel(w.people.auditor);
    expect(mine.environments.map((e) => e.environment)).toEqual(['PRODUCTION']);
    expect(mine.recent.map((e) => [e.agentName, e.occurredAt.toISOString()])).toEqual([
      [w.agents.prod.name, w.daysAgo(10).toISOString()],
    ]);
    const none = await panel(w.people.idle);
    expect(none).toMatchObject({ environments: [], recent: [] });
  });
});
