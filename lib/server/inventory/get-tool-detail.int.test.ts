import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { createAgent, createInstallation, createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { getToolDetail } from './get-tool-detail';
import { getInventoryOverview } from './get-inventory-overview';

const t = withTestDatabase();

describe('getToolDetail and getInventoryOverview', () => {
  let toolId = '';
  beforeAll(async () => {
    const prisma = t.db().prisma;
    const reg = await createRegistry(prisma);
    const pub = await createPublisher(prisma, { registryId: reg.id, trustLevel: 'CURATED' });
    const { tool, versions } = await createTool(prisma, {
      registryId: reg.id,
      publisherId: pub.id,
      versions: [
        { version: '1.0.0', score: 95 },
        {
          version: '1.1.0',
          score: 80,
          permissions: { network: 'EXTERNAL', filesystem: 'READ' },
          riskSignals: [{ key: 'install-scripts', label: 'Runs install scripts', severity: 'high' }],
        },
        { version: '1.2.0', score: 91, failedCheck: true, permissions: { network: 'INTERNAL', filesystem: 'READ' } },
      ],
    });
    toolId = tool.id;
    const prod = await createAgent(prisma, { environment: 'PRODUCTION' });
    const dev = await createAgent(prisma, { environment: 'DEVELOPMENT' });
    await createInstallation(prisma, { agentId: prod.id, toolVersionId: versions[0]!.id });
    await createInstallation(prisma, { agentId: dev.id, toolVersionId: versions[2]!.id, state: 'REVOKED' });
    await prisma.alert.create({
      data: {
        kind: 'permission-escalation',
        severity: 'HIGH',
        title: 'escalation',
        detail: {},
        toolId: tool.id,
        dedupeKey: `esc-${tool.id}`,
      },
    });
    await createTool(prisma, { registryId: reg.id, publisherId: pub.id, versions: [{ version: '0.1.0', score: null }] });
  });

  it('returns versions newest first with their checks and escalations against the previous version', async () => {
    const d = await getToolDetail({ actor: SYSTEM_ACTOR, input: { toolId } });
    expect(d).not.toBeNull();
    expect(d!.tool.tier).toBe('FAILED');
    expect(d!.tool.publisher.trustLevel).toBe('CURATED');
    expect(d!.versions.map((v) => v.version)).toEqual(['1.2.0', '1.1.0', '1.0.0']);
    expect(d!.versions[1]!.escalations).toEqual([
      { dimension: 'network', from: 'NONE', to: 'EXTERNAL' },
      { dimension: 'filesystem', from: 'NONE', to: 'READ' },
    ]);
    expect(d!.versions[0]!.escalations).toEqual([]);
    expect(d!.versions[0]!.verifications[0]!.smokeCheck).toBe('FAIL');
    expect(d!.installations.map((i) => [i.environment, i.state])).toEqual([
      ['PRODUCTION', 'ACTIVE'],
      ['DEVELOPMENT', 'REVOKED'],
    ]);
    expect(d!.alerts).toHaveLength(1);
  });

  it('returns null for malformed and unknown ids', async () => {
    expect(await getToolDetail({ actor: SYSTEM_ACTOR, input: { toolId: '\'; DROP TABLE "Tool"; --' } })).toBeNull();
    expect(await getToolDetail({ actor: SYSTEM_ACTOR, input: { toolId: 'x'.repeat(500) } })).toBeNull();
    expect(await getToolDetail({ actor: SYSTEM_ACTOR, input: { toolId: 'cunknown0000000000000000' } })).toBeNull();
  });

  it('counts the overview in the database', async () => {
    const o = await getInventoryOverview({ actor: SYSTEM_ACTOR, input: {} });
    expect(o.totalTools).toBe(2);
    expect(o.byTier).toEqual({ GOLD: 0, VERIFIED: 0, PARTIAL: 0, UNVERIFIED: 1, FAILED: 1 });
    expect(o.byVerification).toEqual({ PASSED: 0, FAILED: 1, UNVERIFIED: 1 });
    expect(o.byEnvironment).toEqual({ PRODUCTION: 1, STAGING: 0, DEVELOPMENT: 0 });
    expect(o.byPermission.network).toEqual({ NONE: 1, INTERNAL: 1, EXTERNAL: 0 });
    expect(o.byPermission.filesystem).toEqual({ NONE: 1, READ: 1, WRITE: 0 });
    expect(o.openAlerts).toBe(1);
  });
});
