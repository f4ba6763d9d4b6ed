import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@prisma/client';
import { POST as enforceRoute } from '@/app/api/v1/enforce/route';
import { getPrisma } from '@/lib/db/client';
import { seedDemoData } from '@/lib/demo/seed';
import { DEMO_API_KEYS } from '@/lib/demo/demo-api-keys';
import { serverNameOf } from '@/lib/domain/exports/names';
import { POLICY_RULES } from '@/lib/domain/policy/types';
import { ENVIRONMENTS, type Environment } from '@/lib/domain/types';
import type { Actor } from '@/lib/server/actor';
import { createBulkCatalog } from '@/lib/testing/bulk-catalog';
import { withTestDatabase } from '@/lib/testing/test-database';
import { getEnvironmentExports } from './get-environment-exports';

// Parity (issue 8, point 0): for every tool version of the demo data and of a generated
// catalogue, "in the export" equals "POST /api/v1/enforce would allow it" for an agent of that
// environment. The enforce side goes through the real route handler with the demo ENFORCE key.

process.env.TOOLLEDGER_SAMPLE_REGISTRY_PORT = '0';
withTestDatabase();
let prisma: PrismaClient;
let auditor: Actor;

beforeAll(async () => {
  prisma = await getPrisma();
  await seedDemoData(prisma);
  const u = await prisma.user.findFirstOrThrow({ where: { role: 'AUDITOR' } });
  auditor = { type: 'USER', id: u.id, label: u.email, role: u.role };
}, 240_000);
afterAll(() => prisma?.$disconnect?.());

async function enforceAllows(agent: string, registry: string, tool: string, version: string): Promise<boolean> {
  const res = await enforceRoute(
    new Request('http://localhost/api/v1/enforce', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_API_KEYS.ENFORCE}` },
      body: JSON.stringify({ agent, registry, tool, version, action: 'invoke' }),
    }),
  );
  expect(res.status, `${agent} ${tool}@${version}`).toBe(200);
  return ((await res.json()) as { decision: string }).decision === 'allow';
}

/** Versions enforcement allows per environment, asked version by version through the API. */
async function allowedByEnforcement(): Promise<Record<Environment, Set<string>>> {
  const agents = await prisma.agent.findMany({ select: { id: true, name: true, environment: true }, orderBy: { name: 'asc' } });
  const versions = await prisma.toolVersion.findMany({
    select: {
      id: true,
      version: true,
      tool: { select: { externalId: true, registry: { select: { name: true } } } },
      installations: { select: { agentId: true } },
    },
  });
  const out = { PRODUCTION: new Set<string>(), STAGING: new Set<string>(), DEVELOPMENT: new Set<string>() };
  for (const v of versions) {
    for (const env of ENVIRONMENTS) {
      const envAgents = agents.filter((a) => a.environment === env);
      // Every agent that has an installation of the version, and always at least one that has none.
      const installed = new Set(v.installations.map((i) => i.agentId));
      const ask = [...envAgents.filter((a) => installed.has(a.id)), ...envAgents.filter((a) => !installed.has(a.id)).slice(0, 1)];
      for (const a of ask) {
        if (await enforceAllows(a.name, v.tool.registry.name, v.tool.externalId, v.version)) out[env].add(v.id);
      }
    }
  }
  return out;
}

async function expectParity() {
  const enforced = await allowedByEnforcement();
  let allowedTotal = 0;
  for (const environment of ENVIRONMENTS) {
    const ex = await getEnvironmentExports({ actor: auditor, input: { environment } });
    const exported = new Set(ex.allowed.map((v) => v.toolVersionId));
    expect([...exported].sort(), environment).toEqual([...enforced[environment]].sort());
    allowedTotal += exported.size;
    // Each format covers exactly the allowed set: a file (or entries) or a left-out line with its reason.
    const key = (serverName: string, version: string) => `${serverName}@${version}`;
    const allowedKeys = ex.allowed.map((v) => key(serverNameOf(v.externalId), v.version)).sort();
    const toolHive = [
      ...ex.toolHive.files.map((f) => key(f.serverName, f.version)),
      ...ex.toolHive.leftOut.map((l) => key(l.serverName, l.version)),
    ].sort();
    expect(toolHive, `${environment} ToolHive`).toEqual(allowedKeys);
    for (const l of [...ex.toolHive.leftOut, ...ex.claudeCode.leftOut]) {
      expect(allowedKeys).toContain(key(l.serverName, l.version));
      expect(l.reason.length).toBeGreaterThan(10);
    }
  }
  return allowedTotal;
}

describe('exports equal enforcement', () => {
  it('on the demo data', async () => {
    expect(await expectParity()).toBeGreaterThan(0);
  }, 300_000);

  it('on a generated catalogue with exceptions, quarantines, yanks and re-published artifacts', async () => {
    await createBulkCatalog(prisma, { tools: 40, versionsPerTool: 2, publishers: 5, agentsPerEnv: 2, installRatio: 0.9 });
    const installs = await prisma.installation.findMany({
      where: { agent: { name: { startsWith: 'bulk-' } } },
      include: { toolVersion: true },
      orderBy: { id: 'asc' },
    });
    const requester = await prisma.user.findFirstOrThrow({ where: { role: 'COMPLIANCE_OFFICER' } });
    const day = 86_400_000;
    for (const [i, inst] of installs.entries()) {
      if (i % 5 === 0)
        await prisma.installation.update({
          where: { id: inst.id },
          data: { state: 'ACTIVE', approvedDigest: inst.toolVersion.artifactDigest },
        });
      if (i % 7 === 1)
        await prisma.installation.update({
          where: { id: inst.id },
          data: { state: 'ACTIVE', approvedDigest: 'sha256:re-published-since-approval' },
        });
      if (i % 6 === 2)
        await prisma.toolVersion.update({ where: { id: inst.toolVersionId }, data: { quarantineStatus: 'quarantined' } });
      if (i % 9 === 3) await prisma.toolVersion.update({ where: { id: inst.toolVersionId }, data: { yankedAt: new Date() } });
      if (i % 4 === 0 || i % 4 === 1) {
        await prisma.policyException.create({
          data: {
            rules: POLICY_RULES.filter((r) => r !== 'not-quarantined'),
            toolId: inst.toolId,
            environment: inst.environment,
            justification: 'parity test',
            compensatingControls: 'c',
            remediationPlan: 'r',
            remediationDate: new Date(Date.now() + day),
            expiresAt: new Date(Date.now() + (i % 4 === 0 ? day : -day)),
            status: 'APPROVED',
            requestedById: requester.id,
          },
        });
      }
    }
    expect(await expectParity()).toBeGreaterThan(0);
  }, 300_000);

  it('with incident quarantines of whole tools and of single versions (issue 14.6)', async () => {
    const installs = await prisma.installation.findMany({
      where: { agent: { name: { startsWith: 'bulk-' } }, state: 'ACTIVE' },
      include: { toolVersion: true },
      orderBy: { id: 'asc' },
    });
    const exportedTotal = async () => {
      let n = 0;
      for (const environment of ENVIRONMENTS)
        n += (await getEnvironmentExports({ actor: auditor, input: { environment } })).allowed.length;
      return n;
    };
    const before = await exportedTotal();
    const reviewer = await prisma.user.findFirstOrThrow({ where: { role: 'SECURITY_REVIEWER' } });
    const incident = await prisma.incident.create({
      data: {
        scenario: 'SUPPLY_CHAIN_ATTACK',
        severity: 'CRITICAL',
        title: 'parity',
        summary: 'parity test',
        ownerId: reviewer.id,
        openedById: reviewer.id,
        openedAt: new Date(),
      },
    });
    const held = { quarantinedById: reviewer.id, quarantinedAt: new Date(), incidentId: incident.id, reason: 'parity test' };
    for (const [i, inst] of installs.entries()) {
      if (i % 3 === 0) await prisma.toolQuarantine.create({ data: { ...held, toolId: inst.toolId } });
      if (i % 3 === 1)
        await prisma.toolQuarantine.create({
          data: { ...held, toolId: inst.toolId, versions: { create: [{ toolVersionId: inst.toolVersionId }] } },
        });
      // A lifted quarantine holds nothing.
      if (i % 3 === 2) await prisma.toolQuarantine.create({ data: { ...held, toolId: inst.toolId, liftedAt: new Date() } });
    }
    expect(installs.length).toBeGreaterThan(2);
    // The quarantines take allowed versions out of the exports, and enforcement agrees version by version.
    expect(await exportedTotal()).toBeLessThan(before);
    await expectParity();
  }, 300_000);
});
