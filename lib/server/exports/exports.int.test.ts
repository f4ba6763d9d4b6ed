import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import { createAgent, createInstallation, createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import { withTestDatabase } from '@/lib/testing/test-database';
import { exportToolHiveProfile } from './export-toolhive-profile';
import { getEnvironmentExports } from './get-environment-exports';

// The issue's own report: a version that fails the production policy was approved and deployed,
// enforcement denied it, yet the production export still listed it. Now an export holds exactly
// what enforcement allows, each format pins what it can, and the rest is listed with a reason.

withTestDatabase();
const auditor: Actor = { type: 'USER', id: 'auditor', label: 'auditor@example.test', role: 'AUDITOR' };
const apiKey: Actor = { type: 'API_KEY', id: 'k', label: 'api-key:k', scopes: ['READ'], agentId: null };

beforeAll(async () => {
  const db = await getPrisma();
  const registry = await createRegistry(db);
  const publisher = await createPublisher(db, { registryId: registry.id });
  const agent = await createAgent(db, { environment: 'PRODUCTION' });
  const tool = async (
    name: string,
    state: 'ACTIVE' | 'APPROVED',
    spec: NonNullable<Parameters<typeof createTool>[1]['versions']> = [{ version: '1.0.0' }],
  ) => {
    // Verified today, so the production policy's freshness rule holds.
    const t = await createTool(db, {
      registryId: registry.id,
      publisherId: publisher.id,
      name,
      versions: spec.map((v) => ({ publishedAt: new Date(), ...v })),
    });
    await createInstallation(db, { agentId: agent.id, toolVersionId: t.versions[0]!.id, state });
    return t.tool.id;
  };
  await tool('npm-weather', 'ACTIVE', [
    {
      version: '1.2.0',
      declaredPermissions: {
        source: 'mcp-registry',
        packages: [{ registryType: 'npm', identifier: '@acme/weather', version: '1.2.0', transport: 'stdio' }],
      },
    },
  ]);
  await tool('fails-policy', 'ACTIVE', [{ version: '1.0.0', score: 55 }]);
  await tool('not-deployed', 'APPROVED');
  const covered = await tool('covered-by-exception', 'ACTIVE', [
    { version: '1.0.0', score: 55, allowedDomains: ['.github.com'], permissions: { network: 'EXTERNAL' } },
  ]);
  await tool('quarantined', 'ACTIVE', [{ version: '1.0.0', quarantineStatus: 'quarantined' }]);
  await tool('remote', 'ACTIVE', [
    {
      version: '2.0.0',
      permissions: { network: 'EXTERNAL' },
      allowedDomains: ['example.com'],
      declaredPermissions: { source: 'mcp-registry', remotes: [{ type: 'sse', url: 'https://example.com/{id}/sse' }] },
    },
  ]);
  const user = await db.user.create({ data: { email: 'c@example.test', name: 'C', role: 'COMPLIANCE_OFFICER' } });
  await db.policyException.create({
    data: {
      rules: ['min-tier', 'min-score'],
      toolId: covered,
      environment: 'PRODUCTION',
      justification: 'j',
      compensatingControls: 'c',
      remediationPlan: 'r',
      remediationDate: new Date(),
      expiresAt: new Date(Date.now() + 86_400_000),
      status: 'APPROVED',
      requestedById: user.id,
    },
  });
});

describe('environment exports', () => {
  it('hold exactly what enforcement allows: not a failing, undeployed or quarantined version', async () => {
    const ex = await getEnvironmentExports({ actor: auditor, input: { environment: 'PRODUCTION' } });
    expect(ex.allowed.map((v) => v.externalId).sort()).toEqual(['covered-by-exception', 'npm-weather', 'remote']);
    expect(ex.claudeCode.settings.allowedMcpServers).toEqual([
      { serverCommand: ['npx', '-y', '@acme/weather@1.2.0'] },
      { serverUrl: 'https://example.com/*/sse' },
    ]);
    expect(ex.claudeCode.leftOut.map((l) => l.serverName)).toEqual(['covered-by-exception']);
    expect(ex.toolHive.files.map((f) => [f.fileName, f.profile.network.outbound])).toEqual([
      ['covered-by-exception-1.0.0.json', { insecure_allow_all: false, allow_host: ['.github.com'], allow_port: [] }],
      ['npm-weather-1.2.0.json', { insecure_allow_all: false, allow_host: [], allow_port: [] }],
      ['remote-2.0.0.json', { insecure_allow_all: false, allow_host: ['example.com'], allow_port: [443] }],
    ]);
    expect((await getEnvironmentExports({ actor: auditor, input: { environment: 'STAGING' } })).allowed).toEqual([]);
  });

  it('serves one bare profile by file name; refuses unknown files, bad input and API keys', async () => {
    const one = await exportToolHiveProfile({ actor: auditor, input: { environment: 'PRODUCTION', file: 'remote-2.0.0.json' } });
    expect(JSON.parse(one.body as string)).toEqual({
      name: 'remote',
      read: [],
      write: [],
      privileged: false,
      network: { outbound: { insecure_allow_all: false, allow_host: ['example.com'], allow_port: [443] } },
    });
    const status = (p: Promise<unknown>) =>
      p.then(
        () => 200,
        (e: AppError) => e.status,
      );
    expect(
      await status(
        exportToolHiveProfile({ actor: auditor, input: { environment: 'PRODUCTION', file: 'fails-policy-1.0.0.json' } }),
      ),
    ).toBe(404);
    expect(
      await status(exportToolHiveProfile({ actor: auditor, input: { environment: 'MOON' as 'PRODUCTION', file: '../x' } })),
    ).toBe(400);
    expect(await status(getEnvironmentExports({ actor: apiKey, input: { environment: 'PRODUCTION' } }))).toBe(403);
  });
});
