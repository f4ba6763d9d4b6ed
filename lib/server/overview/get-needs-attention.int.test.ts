import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { createAgent, createInstallation, createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { getInventoryOverview } from '@/lib/server/inventory/get-inventory-overview';
import { countOpenAlerts } from '@/lib/server/alerts/count-open-alerts';
import { listAlerts } from '@/lib/server/alerts/list-alerts';
import { getNeedsAttention } from './get-needs-attention';
import { openAuditFor } from '@/lib/testing/open-audit';

const t = withTestDatabase();
const auditor: Actor = { type: 'USER', id: 'u-auditor', label: 'auditor@example.test', role: 'AUDITOR' };
const officer: Actor = { type: 'USER', id: 'u-officer', label: 'officer@example.test', role: 'COMPLIANCE_OFFICER' };

describe('what needs a person today', () => {
  let goldId = '';
  let weakId = '';
  beforeAll(async () => {
    const prisma = t.db().prisma;
    const reg = await createRegistry(prisma);
    const pub = await createPublisher(prisma, { registryId: reg.id });
    const gold = await createTool(prisma, {
      registryId: reg.id,
      publisherId: pub.id,
      name: 'gold-tool',
      versions: [{ version: '1.0.0', score: 96 }],
    });
    const weak = await createTool(prisma, {
      registryId: reg.id,
      publisherId: pub.id,
      name: 'weak-tool',
      versions: [{ version: '0.3.0', score: 55 }],
    });
    goldId = gold.tool.id;
    weakId = weak.tool.id;
    const prod = await createAgent(prisma, { environment: 'PRODUCTION' });
    await createInstallation(prisma, { agentId: prod.id, toolVersionId: gold.versions[0]!.id });
    await createInstallation(prisma, { agentId: prod.id, toolVersionId: weak.versions[0]!.id });
    // Two open alerts (one critical), one acknowledged, one resolved.
    const alert = (severity: 'CRITICAL' | 'HIGH', state: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED', n: number) =>
      prisma.alert.create({
        data: {
          kind: 'stale-verification',
          severity,
          state,
          title: `alert ${n}`,
          detail: {},
          toolId: weakId,
          dedupeKey: `a-${n}`,
        },
      });
    await alert('CRITICAL', 'OPEN', 1);
    await alert('HIGH', 'OPEN', 2);
    await alert('CRITICAL', 'ACKNOWLEDGED', 3);
    await alert('HIGH', 'RESOLVED', 4);
  });

  it('counts open alerts one way everywhere: acknowledged ones are not open', async () => {
    // The auditor reads with an audit open over all time (their pages are scoped to it).
    await openAuditFor(t.db().prisma, auditor);
    const overview = await getInventoryOverview({ actor: auditor, input: {} });
    const sidebar = await countOpenAlerts({ actor: auditor, input: {} });
    const inbox = await listAlerts({ actor: auditor, input: {} });
    expect(overview.openAlerts).toBe(2);
    expect(sidebar).toBe(2);
    expect(inbox.total).toBe(2);
  });

  it('lists open critical alerts and production tools that fail the production policy', async () => {
    // Judged the day after the factory's verification, so freshness holds and only the tier decides.
    const verified = await t
      .db()
      .prisma.toolVersion.findFirstOrThrow({ where: { toolId: goldId }, select: { lastVerifiedAt: true } });
    const now = new Date(verified.lastVerifiedAt!.getTime() + 86_400_000);
    // Today's work queue: hidden for an auditor (ADR 0010), read by the compliance officer.
    expect(await getNeedsAttention({ actor: auditor, input: {} }, { now })).toBeNull();
    const n = (await getNeedsAttention({ actor: officer, input: {} }, { now }))!;
    expect(n.criticalAlerts.total).toBe(1);
    expect(n.criticalAlerts.items.map((a) => a.title)).toEqual(['alert 1']);
    expect(n.failingProduction.items.map((f) => f.toolId)).toEqual([weakId]);
    expect(n.failingProduction.items[0]!.reason).not.toBe('');
    expect(n.failingProduction.items.map((f) => f.toolId)).not.toContain(goldId);
    expect(n.pendingReviews).toBe(0);
  });

  it('refuses API keys (no dashboard permission)', async () => {
    const key: Actor = { type: 'API_KEY', id: 'k', label: 'k', scopes: ['READ'], agentId: null };
    await expect(getNeedsAttention({ actor: key, input: {} })).rejects.toMatchObject({ status: 403 });
    await expect(countOpenAlerts({ actor: SYSTEM_ACTOR, input: {} })).resolves.toBe(2);
  });
});
