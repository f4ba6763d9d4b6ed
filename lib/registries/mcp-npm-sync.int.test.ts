import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { runRegistrySync } from '@/lib/server/registries/run-registry-sync';
import { withTestDatabase } from '@/lib/testing/test-database';
import { startFixtureServer, type FixtureServer } from './testing/fixture-server';

// The MCP and npm connectors through the real sync engine: what lands in the database.
withTestDatabase();
let srv: FixtureServer;

const mcp = (name: string) => fileURLToPath(new URL(`./__fixtures__/mcp-registry/${name}`, import.meta.url));
const npm = (name: string) => fileURLToPath(new URL(`./__fixtures__/npm/${name}`, import.meta.url));
const CURSOR_2 = 'io.github.evil-corp/free-gpu:0.3.0';
const isPage2 = (u: URL) => u.pathname === '/v0.1/servers' && u.searchParams.get('cursor') === CURSOR_2;
const fast = { timeoutMs: 2_000, maxRetryDelayMs: 50 };

beforeAll(async () => {
  srv = await startFixtureServer();
  srv.route('/v0.1/servers', { file: mcp('servers-page-1.json') });
  srv.route(isPage2, { file: mcp('servers-page-2.json') });
  srv.route('/v0.1/servers/io.github.acme%2Fweather/versions', { file: mcp('weather-versions.json') });
  srv.route('/@acme%2fweather-mcp', { file: npm('acme-weather-mcp.json') });
  srv.route('/quick-shell-tool', { file: npm('quick-shell-tool.json') });
  srv.route('/old-mcp-helper', { file: npm('old-mcp-helper.json') });
});
afterAll(() => srv.close());

async function registry(kind: 'MCP_REGISTRY' | 'NPM', name: string, config: Record<string, unknown>) {
  const prisma = await getPrisma();
  return prisma.registry.create({ data: { kind, name, baseUrl: srv.url, config: { ...fast, ...config } } });
}
const sync = (registryId: string) => runRegistrySync({ actor: SYSTEM_ACTOR, input: { registryId, trigger: 'MANUAL' } });

describe('MCP registry → database', () => {
  it('stores tools, versions and records; a moderated entry is FAILED; a second run changes nothing', async () => {
    const row = await registry('MCP_REGISTRY', 'MCP official (fixture)', {});
    const run = await sync(row.id);
    expect(run).toMatchObject({
      status: 'SUCCEEDED',
      error: null,
      pagesDone: 2,
      toolsSeen: 5,
      versionsCreated: 6,
      recordsCreated: 6,
    });
    const prisma = await getPrisma();
    const weather = await prisma.tool.findFirstOrThrow({
      where: { registryId: row.id, externalId: 'io.github.acme/weather' },
      include: { publisher: true },
    });
    expect(weather).toMatchObject({
      network: 'EXTERNAL',
      filesystem: 'READ',
      codeExecution: 'UNRESTRICTED',
      dataAccess: 'READ',
      latestVersionName: '1.0.2',
      registryStatus: 'active',
    });
    expect(weather.publisher).toMatchObject({ externalId: 'io.github.acme', trustLevel: 'VERIFIED' });
    const evil = await prisma.toolVersion.findFirstOrThrow({
      where: { tool: { registryId: row.id, externalId: 'io.github.evil-corp/free-gpu' } },
      include: { verifications: true },
    });
    expect(evil.tier).toBe('FAILED');
    expect(evil.riskSignals).toContainEqual(expect.objectContaining({ key: 'registry-deleted', severity: 'critical' }));
    expect(evil.verifications[0]).toMatchObject({
      trustScore: null,
      tier: 'FAILED',
      payloadSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const again = await sync(row.id);
    expect(again).toMatchObject({ status: 'SUCCEEDED', versionsCreated: 0, recordsCreated: 0 });
  });

  it('a 500 on page 2: PARTIAL, page 1 kept, cursor stored; the next run resumes at page 2', async () => {
    const row = await registry('MCP_REGISTRY', 'MCP flaky (fixture)', {});
    srv.route(isPage2, { fault: 'status', status: 500 });
    const run = await sync(row.id);
    expect(run).toMatchObject({ status: 'PARTIAL', pagesDone: 1, toolsSeen: 3 });
    expect(run.error).toMatch(/HTTP 500.*the next run resumes there/);
    const prisma = await getPrisma();
    const stored = await prisma.registry.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.syncCursor).toContain('c=io.github.evil-corp');

    srv.route(isPage2, { file: mcp('servers-page-2.json') });
    const before = srv.requests.length;
    const resumed = await sync(row.id);
    expect(resumed).toMatchObject({ status: 'SUCCEEDED', pagesDone: 1, toolsSeen: 2 });
    expect(srv.requests[before]).toMatch(/cursor=io\.github\.evil-corp/);
    expect(await prisma.tool.count({ where: { registryId: row.id } })).toBe(5);
  });
});

describe('npm → database', () => {
  it('stores the followed packages with risk signals and provenance; an unknown package makes the run PARTIAL', async () => {
    const row = await registry('NPM', 'npm (fixture)', {
      packages: ['@acme/weather-mcp', 'quick-shell-tool', 'old-mcp-helper', 'no-such-pkg'],
    });
    const run = await sync(row.id);
    expect(run).toMatchObject({ status: 'PARTIAL', toolsSeen: 3 });
    expect(run.error).toMatch(/1 item could not be read/);
    const prisma = await getPrisma();
    const shell = await prisma.tool.findFirstOrThrow({
      where: { registryId: row.id, externalId: 'quick-shell-tool' },
      include: { latestVersion: true },
    });
    expect(shell).toMatchObject({ codeExecution: 'UNRESTRICTED', latestVersionName: '2.0.0', tier: 'FAILED' });
    expect(shell.latestVersion?.riskSignals).toContainEqual(
      expect.objectContaining({ key: 'provenance-dropped', severity: 'high' }),
    );
    const acme = await prisma.toolVersion.findFirstOrThrow({
      where: { tool: { registryId: row.id, externalId: '@acme/weather-mcp' }, version: '1.0.2' },
    });
    expect(acme.provenance).toMatchObject({ provenancePresent: true, signaturePresent: true });
    expect(acme.artifactDigest).toMatch(/^sha512-/);
  });
});
