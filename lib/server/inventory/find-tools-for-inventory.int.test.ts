import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { createAgent, createInstallation, createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import { ZInventoryQuery, type TInventoryQueryInput } from '@/lib/validation/inventory';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { findToolsForInventory } from './find-tools-for-inventory';

const t = withTestDatabase();
const find = (input: TInventoryQueryInput) => findToolsForInventory({ actor: SYSTEM_ACTOR, input: ZInventoryQuery.parse(input) });
const names = async (input: TInventoryQueryInput) => (await find(input)).rows.map((r) => r.name);

describe('findToolsForInventory', () => {
  let acmeId = '';
  let otherRegistryId = '';
  beforeAll(async () => {
    const prisma = t.db().prisma;
    const reg = await createRegistry(prisma, { name: 'agentnode' });
    const other = await createRegistry(prisma, { name: 'npm', kind: 'NPM' });
    otherRegistryId = other.id;
    const acme = await createPublisher(prisma, { registryId: reg.id, name: 'Acme Corp' });
    acmeId = acme.id;
    const zed = await createPublisher(prisma, { registryId: other.id, name: 'Zed Labs' });
    const prod = await createAgent(prisma, { environment: 'PRODUCTION' });
    const stg = await createAgent(prisma, { environment: 'STAGING' });
    // alpha: Gold, external network, installed in production.
    const alpha = await createTool(prisma, {
      registryId: reg.id,
      publisherId: acme.id,
      name: 'alpha-mail',
      versions: [
        { version: '1.0.0', score: 60 },
        { version: '2.0.0', score: 95, permissions: { network: 'EXTERNAL' } },
      ],
    });
    await createInstallation(prisma, { agentId: prod.id, toolVersionId: alpha.versions[1]!.id });
    // beta: Failed, revoked in production (so not "in production"), requested in staging.
    const beta = await createTool(prisma, {
      registryId: reg.id,
      publisherId: acme.id,
      name: 'beta-search',
      versions: [{ version: '0.1.0', score: 92, failedCheck: true }],
    });
    await createInstallation(prisma, { agentId: prod.id, toolVersionId: beta.versions[0]!.id, state: 'REVOKED' });
    await createInstallation(prisma, { agentId: stg.id, toolVersionId: beta.versions[0]!.id, state: 'REQUESTED' });
    // gamma: unverified, other registry and publisher; description mentions email.
    await createTool(prisma, {
      registryId: other.id,
      publisherId: zed.id,
      name: 'gamma-pdf',
      description: 'reads EMAIL attachments',
      versions: [{ version: '3.0.0', score: null }],
    });
    // delta: Verified score 75.
    await createTool(prisma, {
      registryId: other.id,
      publisherId: zed.id,
      name: 'delta-sql',
      versions: [{ version: '1.0.0', score: 75, permissions: { codeExecution: 'SANDBOXED' } }],
    });
  });

  it('lists everything by name with a stable order and the environments in use', async () => {
    const page = await find({});
    expect(page.rows.map((r) => r.name)).toEqual(['alpha-mail', 'beta-search', 'delta-sql', 'gamma-pdf']);
    expect(page.total).toBe(4);
    expect(page.rows[0]).toMatchObject({
      tier: 'GOLD',
      network: 'EXTERNAL',
      latestVersionName: '2.0.0',
      environments: ['PRODUCTION'],
    });
    expect(page.rows[1]!.environments).toEqual(['STAGING']);
  });

  it('filters on tier, permission levels, verification state, publisher and registry', async () => {
    expect(await names({ tier: ['GOLD'], network: 'EXTERNAL' })).toEqual(['alpha-mail']);
    expect(await names({ tier: ['GOLD', 'VERIFIED'] })).toEqual(['alpha-mail', 'delta-sql']);
    expect(await names({ codeExecution: 'SANDBOXED' })).toEqual(['delta-sql']);
    expect(await names({ verification: 'FAILED' })).toEqual(['beta-search']);
    expect(await names({ verification: 'UNVERIFIED' })).toEqual(['gamma-pdf']);
    expect(await names({ publisher: acmeId })).toEqual(['alpha-mail', 'beta-search']);
    expect(await names({ registry: otherRegistryId })).toEqual(['delta-sql', 'gamma-pdf']);
    expect(await names({ publisher: 'cnonexistent000000000' })).toEqual([]);
  });

  it('counts a tool in an environment only while an installation there is not revoked', async () => {
    expect(await names({ env: 'PRODUCTION' })).toEqual(['alpha-mail']);
    expect(await names({ env: 'STAGING' })).toEqual(['beta-search']);
    expect(await names({ env: 'DEVELOPMENT' })).toEqual([]);
  });

  it('searches name, description and publisher name case-insensitively', async () => {
    expect(await names({ q: 'MAIL' })).toEqual(['alpha-mail', 'gamma-pdf']);
    expect(await names({ q: 'zed labs' })).toEqual(['delta-sql', 'gamma-pdf']);
    expect(await names({ q: '%' })).toEqual([]);
  });

  it('sorts by tier rank, trust score (nulls last) and publisher', async () => {
    expect(await names({ sort: 'tier', dir: 'desc' })).toEqual(['alpha-mail', 'delta-sql', 'gamma-pdf', 'beta-search']);
    expect(await names({ sort: 'tier', dir: 'asc' })).toEqual(['beta-search', 'gamma-pdf', 'delta-sql', 'alpha-mail']);
    expect(await names({ sort: 'trustScore', dir: 'desc' })).toEqual(['alpha-mail', 'beta-search', 'delta-sql', 'gamma-pdf']);
    expect(await names({ sort: 'trustScore', dir: 'asc' })).toEqual(['delta-sql', 'beta-search', 'alpha-mail', 'gamma-pdf']);
    expect(await names({ sort: 'publisher', dir: 'desc' })).toEqual(['delta-sql', 'gamma-pdf', 'alpha-mail', 'beta-search']);
  });

  it('pages, and a page past the end is empty with the real total', async () => {
    const p2 = await find({ pageSize: 3, page: 2 });
    expect(p2.rows.map((r) => r.name)).toEqual(['gamma-pdf']);
    expect(p2.pageCount).toBe(2);
    const far = await find({ page: 999_999 });
    expect(far.rows).toEqual([]);
    expect(far.total).toBe(4);
  });
});
