import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { withTestDatabase } from '@/lib/testing/test-database';
import { demoCatalog } from '@/sample-registry/demo-catalog';
import { NPM_MIRROR_PACKAGES } from '@/sample-registry/npm-mirror';
import { startSampleRegistry, type SampleRegistry } from '@/sample-registry/server';
import { runRegistrySync } from './run-registry-sync';

// Issue 9.3 for npm: the packument's ETag is remembered, the next sync asks with it, and a 304
// sets the package aside unchanged, as the AgentNode connector's 304s do (run-registry-sync.int.test.ts).
withTestDatabase();
let registry: SampleRegistry;
let registryId = '';
const PACKAGE = NPM_MIRROR_PACKAGES[0]!;

beforeAll(async () => {
  registry = await startSampleRegistry({ catalog: demoCatalog(1) });
  const prisma = await getPrisma();
  const row = await prisma.registry.create({
    data: { kind: 'NPM', name: 'npm mirror (sample)', baseUrl: `${registry.url}/npm`, config: { packages: [PACKAGE] } },
  });
  registryId = row.id;
});
afterAll(() => registry.close());

const sync = () => runRegistrySync({ actor: SYSTEM_ACTOR, input: { registryId, trigger: 'MANUAL' } });

async function snapshot() {
  const prisma = await getPrisma();
  const [tools, versions, records, alerts] = await Promise.all([
    prisma.tool.findMany({ where: { registryId }, orderBy: { externalId: 'asc' } }),
    prisma.toolVersion.findMany({ where: { tool: { registryId } }, orderBy: { id: 'asc' } }),
    prisma.verificationRecord.count(),
    prisma.alert.count(),
  ]);
  return { tools, versions, records, alerts };
}

describe('npm sync with conditional requests', () => {
  it('remembers the packument ETag with the tool', async () => {
    const run = await sync();
    expect(run).toMatchObject({ status: 'SUCCEEDED', toolsSeen: 1, toolsUnchanged: 0 });
    expect(run.versionsCreated).toBeGreaterThan(0);
    const [tool] = (await snapshot()).tools;
    expect(tool?.syncValidators).toEqual({
      rev: expect.stringMatching(/^npm-1;/),
      urls: [{ url: `${registry.url}/npm/${PACKAGE.replace('/', '%2f')}`, etag: expect.stringMatching(/^".+"$/) }],
    });
  });

  it('a second sync of the unchanged package asks with it, gets 304 and writes nothing', async () => {
    const before = await snapshot();
    const prisma = await getPrisma();
    const auditsBefore = await prisma.auditEvent.count();
    const asked = { conditional: registry.conditionalRequests, notModified: registry.notModified, all: registry.requests };
    const run = await sync();
    expect(run).toMatchObject({
      status: 'SUCCEEDED',
      toolsSeen: 1,
      toolsUnchanged: 1,
      versionsCreated: 0,
      recordsCreated: 0,
      alertsRaised: 0,
    });
    expect(registry.requests - asked.all).toBe(1);
    expect(registry.conditionalRequests - asked.conditional).toBe(1);
    expect(registry.notModified - asked.notModified).toBe(1);
    expect(await snapshot()).toEqual(before);
    // Only the run's own start and finish are audited.
    expect(await prisma.auditEvent.count()).toBe(auditsBefore + 2);
  });

  it('an answer without validators is read in full (unchanged by its content hash) and the validators are dropped', async () => {
    registry.faults = { noValidators: true };
    try {
      const before = await snapshot();
      const asked = { conditional: registry.conditionalRequests, notModified: registry.notModified };
      const run = await sync();
      expect(run).toMatchObject({ status: 'SUCCEEDED', toolsUnchanged: 1, versionsCreated: 0, recordsCreated: 0 });
      expect(registry.conditionalRequests - asked.conditional).toBe(1);
      expect(registry.notModified - asked.notModified).toBe(0);
      const after = await snapshot();
      expect(after.tools[0]?.syncValidators).toBeNull();
      expect({ ...after, tools: [] }).toEqual({ ...before, tools: [] });
      // Nothing remembered: the next sync asks plainly.
      const plain = registry.conditionalRequests;
      await sync();
      expect(registry.conditionalRequests).toBe(plain);
    } finally {
      registry.faults = {};
    }
  });

  it('a changed setting (how many versions are read) ignores the remembered validators once', async () => {
    await sync(); // validators back
    const prisma = await getPrisma();
    await prisma.registry.update({ where: { id: registryId }, data: { config: { packages: [PACKAGE], maxVersions: 5 } } });
    const asked = registry.conditionalRequests;
    await sync();
    expect(registry.conditionalRequests).toBe(asked);
    const again = registry.conditionalRequests;
    expect(await sync()).toMatchObject({ toolsUnchanged: 1 });
    expect(registry.conditionalRequests - again).toBe(1);
  });
});
