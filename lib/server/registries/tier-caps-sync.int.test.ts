import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { getComplianceMatrix } from '@/lib/server/policies/get-compliance-matrix';
import { withTestDatabase } from '@/lib/testing/test-database';
import { demoCatalog } from '@/sample-registry/demo-catalog';
import { startSampleRegistry, type SampleRegistry } from '@/sample-registry/server';
import { runRegistrySync } from './run-registry-sync';

// Issue 8 (4, 5) through a real sync of the bundled sample registry: the tier a policy sees is
// the capped one, a deprecation hidden by search is still seen, an empty search is an outage.
withTestDatabase();
let registry: SampleRegistry;
let registryId = '';

beforeAll(async () => {
  registry = await startSampleRegistry({ catalog: demoCatalog(1) });
  const prisma = await getPrisma();
  registryId = (await prisma.registry.create({ data: { kind: 'AGENTNODE', name: 'AgentNode sample', baseUrl: registry.url, config: { perPage: 50 } } })).id;
}, 60_000);
afterAll(() => registry.close());

const sync = () => runRegistrySync({ registryId, trigger: 'MANUAL', actor: SYSTEM_ACTOR });

describe('AgentNode tier caps and catalogue gaps, through a real sync', () => {
  it('a mock-mode run scoring 92 is Partial, kept with its reason, and fails the production Gold policy', async () => {
    expect(await sync()).toMatchObject({ status: 'SUCCEEDED' });
    const prisma = await getPrisma();
    const tool = await prisma.tool.findFirstOrThrow({ where: { externalId: 'weather-lookup' }, include: { latestVersion: { include: { verifications: true } } } });
    expect(tool).toMatchObject({ tier: 'PARTIAL', trustScore: 92 });
    expect(tool.latestVersion).toMatchObject({ tier: 'PARTIAL', trustScore: 92 });
    expect(tool.latestVersion!.verifications).toEqual([
      expect.objectContaining({ tier: 'PARTIAL', trustScore: 92, registryTier: 'partial', tierCappedFrom: 'GOLD', tierCapReason: expect.stringContaining('mock-mode run') }),
    ]);

    const matrix = await getComplianceMatrix({ q: 'Weather Lookup' });
    const row = matrix.rows.find((r) => r.toolId === tool.id)!;
    expect(row.tier).toBe('PARTIAL');
    const production = row.cells.find((c) => c.environment === 'PRODUCTION')!;
    expect(production.passes).toBe(false);
    expect(production.blocking.map((b) => b.rule)).toContain('min-tier');
  }, 120_000);

  it.each([
    ['confluence-search', 'PARTIAL', 'VERIFIED', 'credential boundary'],
    ['hr-policy-qa', 'VERIFIED', 'GOLD', 'limited-mode run'],
    ['sql-migration-helper', 'VERIFIED', 'GOLD', 'reliability 0.67 below 0.9'],
  ])('%s is stored %s, capped from %s (%s)', async (slug, tier, from, reason) => {
    const prisma = await getPrisma();
    const tool = await prisma.tool.findFirstOrThrow({ where: { externalId: slug }, include: { latestVersion: { include: { verifications: true } } } });
    expect(tool.tier).toBe(tier);
    expect(tool.latestVersion!.verifications[0]).toMatchObject({ tier, tierCappedFrom: from, tierCapReason: expect.stringContaining(reason) });
  });

  it('sees a package deprecated after its first sync, though search no longer lists it', async () => {
    const prisma = await getPrisma();
    const before = await prisma.tool.findFirstOrThrow({ where: { externalId: 'legacy-ftp-uploader' } });
    expect(before.deprecatedAt).toBeNull();
    registry.catalog = demoCatalog(2);
    const run = await sync();
    expect(run).toMatchObject({ status: 'SUCCEEDED', error: null });
    const after = await prisma.tool.findFirstOrThrow({ where: { externalId: 'legacy-ftp-uploader' } });
    expect(after).toMatchObject({ registryStatus: 'deprecated', deprecatedAt: expect.any(Date) });
    expect(await sync()).toMatchObject({ status: 'SUCCEEDED', versionsCreated: 0, recordsCreated: 0, alertsRaised: 0 });
  }, 120_000);

  it('a search that answers 200 with nothing while many are known fails the run with the reason, changing nothing', async () => {
    const prisma = await getPrisma();
    const tools = await prisma.tool.findMany({ orderBy: { id: 'asc' } });
    registry.faults = { emptySearch: true };
    try {
      const run = await sync();
      expect(run).toMatchObject({ status: 'FAILED', toolsSeen: 0 });
      expect(run.error).toMatch(/search answered 200 with no packages while 46 are known from earlier syncs/);
      expect((await prisma.registry.findUniqueOrThrow({ where: { id: registryId } })).lastSyncStatus).toBe('FAILED');
      expect(await prisma.tool.findMany({ orderBy: { id: 'asc' } })).toEqual(tools);
    } finally {
      registry.faults = {};
    }
  });
});
