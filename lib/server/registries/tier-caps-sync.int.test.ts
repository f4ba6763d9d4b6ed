import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { canonicalJson } from '@/lib/domain/canonical-json';
import { agentNodeConnector } from '@/lib/registries/agentnode';
import { sha256Hex } from '@/lib/registries/agentnode-normalize';
import type { NormalizedVerification, RegistryConnector } from '@/lib/registries/types';
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
  registryId = (
    await prisma.registry.create({
      data: { kind: 'AGENTNODE', name: 'AgentNode sample', baseUrl: registry.url, config: { perPage: 50 } },
    })
  ).id;
}, 60_000);
afterAll(() => registry.close());

const sync = () => runRegistrySync({ actor: SYSTEM_ACTOR, input: { registryId, trigger: 'MANUAL' } });

/** The connector as it graded before the caps: the score's tier, no cap in the evidence. */
function uncapped(r: NormalizedVerification): NormalizedVerification {
  if (!r.tierCap) return r;
  const { tier_cap: _cap, ...raw } = r.rawPayload as Record<string, unknown>;
  return { ...r, tier: r.tierCap.from, tierCap: null, rawPayload: raw, payloadSha256: sha256Hex(canonicalJson(raw)) };
}
const gradedBeforeCaps: RegistryConnector = {
  ...agentNodeConnector,
  async *pages(ctx, cursor) {
    for await (const page of agentNodeConnector.pages(ctx, cursor)) {
      yield {
        ...page,
        tools: page.tools.map((t) => ({
          ...t,
          versions: t.versions.map((v) => ({ ...v, verifications: v.verifications.map(uncapped) })),
          // What the build before the caps remembered: validators of an older normalization
          // revision, which the current connector must not trust (it reads the package again).
          sourceValidators: t.sourceValidators && { ...t.sourceValidators, rev: 'agentnode-before-caps' },
        })),
      };
    }
  },
};

describe('AgentNode tier caps and catalogue gaps, through a real sync', () => {
  it('a mock-mode run scoring 92 is Partial, kept with its reason, and fails the production Gold policy', async () => {
    // Stored as it was graded before the caps (Gold from the score): the next sync re-records it capped.
    expect(
      await runRegistrySync({ actor: SYSTEM_ACTOR, input: { registryId, trigger: 'MANUAL' } }, { connector: gradedBeforeCaps }),
    ).toMatchObject({ status: 'SUCCEEDED' });
    const prisma = await getPrisma();
    expect(await prisma.tool.findFirstOrThrow({ where: { externalId: 'weather-lookup' } })).toMatchObject({ tier: 'GOLD' });
    expect(await sync()).toMatchObject({ status: 'SUCCEEDED' });
    const tool = await prisma.tool.findFirstOrThrow({
      where: { externalId: 'weather-lookup' },
      include: { latestVersion: { include: { verifications: true } } },
    });
    expect(tool).toMatchObject({ tier: 'PARTIAL', trustScore: 92 });
    expect(tool.latestVersion).toMatchObject({ tier: 'PARTIAL', trustScore: 92 });
    // The old record stays (records are immutable); the capped one is added beside it.
    expect(tool.latestVersion!.verifications).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ tier: 'GOLD', tierCappedFrom: null }),
        expect.objectContaining({
          tier: 'PARTIAL',
          trustScore: 92,
          registryTier: 'partial',
          tierCappedFrom: 'GOLD',
          tierCapReason: expect.stringContaining('mock-mode run'),
        }),
      ]),
    );
    expect(tool.latestVersion!.verifications).toHaveLength(2);

    const matrix = await getComplianceMatrix({ actor: SYSTEM_ACTOR, input: { q: 'Weather Lookup' } });
    const row = matrix.rows.find((r) => r.toolId === tool.id)!;
    expect(row.tier).toBe('PARTIAL');
    const production = row.cells.find((c) => c.environment === 'PRODUCTION')!;
    expect(production.passes).toBe(false);
    expect(production.blocking.map((b) => b.rule)).toContain('min-tier');
  }, 180_000);

  it.each([
    ['confluence-search', 'PARTIAL', 'VERIFIED', 'credential boundary'],
    ['hr-policy-qa', 'VERIFIED', 'GOLD', 'limited-mode run'],
    ['sql-migration-helper', 'VERIFIED', 'GOLD', 'reliability 0.67 below 0.9'],
  ])('%s is stored %s, capped from %s (%s)', async (slug, tier, from, reason) => {
    const prisma = await getPrisma();
    // Newest record first: the one graded before the caps (first sync) comes after it.
    const tool = await prisma.tool.findFirstOrThrow({
      where: { externalId: slug },
      include: { latestVersion: { include: { verifications: { orderBy: { fetchedAt: 'desc' } } } } },
    });
    expect(tool.tier).toBe(tier);
    expect(tool.latestVersion!.verifications[0]).toMatchObject({
      tier,
      tierCappedFrom: from,
      tierCapReason: expect.stringContaining(reason),
    });
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
