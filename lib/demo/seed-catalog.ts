import type { Prisma, PrismaClient } from '@prisma/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { runRegistrySync } from '@/lib/server/registries/run-registry-sync';
import { SAMPLE_REGISTRY_NAME, sampleRegistryUrl } from '@/lib/server/registries/sample-registry-server';
import { demoCatalog } from '@/sample-registry/demo-catalog';
import { startSampleRegistry } from '@/sample-registry/server';
import { DEMO_AGENTS } from './demo-agents';
import { seedInstallations, type PlannedInstall } from './seed-installations';

const DAY = 86_400_000;

/**
 * The demo catalogue comes in the way production data does: a real sync from the bundled
 * sample AgentNode registry. First the registry as it was weeks ago (revision 1), then the
 * agents start using tools, then the registry as it is now (revision 2): the second sync
 * raises the alerts a real team would see (re-publish, withdrawn publisher, new versions of
 * production tools…). Afterwards the Registry row points at the sample registry the app
 * serves itself (lib/server/registries/sample-registry-server.ts), so "Sync now" works.
 */
export async function seedCatalog(prisma: PrismaClient): Promise<void> {
  let server = await startSampleRegistry({ catalog: demoCatalog(1) });
  try {
    const registry = await prisma.$transaction(async (tx) => {
      const row = await tx.registry.create({
        data: { kind: 'AGENTNODE', name: SAMPLE_REGISTRY_NAME, baseUrl: server.url, config: { sample: true, perPage: 50 } },
      });
      await recordAuditEvent(tx, SYSTEM_ACTOR, {
        action: 'registry.created',
        entityType: 'Registry',
        entityId: row.id,
        after: { name: row.name, kind: row.kind, baseUrl: row.baseUrl },
      });
      return row;
    });
    await expectSuccess(
      runRegistrySync({ actor: SYSTEM_ACTOR, input: { registryId: registry.id, trigger: 'STARTUP' } }, { db: prisma }),
    );
    // The installations' change workflow takes a while: a kept-alive connection of the first sync
    // would go stale under the second one, so revision 2 is served fresh, at a new address.
    await server.close();
    await seedAgents(prisma);
    const first = server.url;
    server = await startSampleRegistry({ catalog: demoCatalog(2) });
    await prisma.$transaction(async (tx) => {
      await tx.registry.update({ where: { id: registry.id }, data: { baseUrl: server.url } });
      await recordAuditEvent(tx, SYSTEM_ACTOR, {
        action: 'registry.updated',
        entityType: 'Registry',
        entityId: registry.id,
        before: { baseUrl: first },
        after: { baseUrl: server.url },
      });
    });
    await expectSuccess(
      runRegistrySync({ actor: SYSTEM_ACTOR, input: { registryId: registry.id, trigger: 'STARTUP' } }, { db: prisma }),
    );
    await prisma.$transaction(async (tx) => {
      const updated = await tx.registry.update({ where: { id: registry.id }, data: { baseUrl: sampleRegistryUrl() } });
      await recordAuditEvent(tx, SYSTEM_ACTOR, {
        action: 'registry.updated',
        entityType: 'Registry',
        entityId: registry.id,
        before: { baseUrl: server.url },
        after: { baseUrl: updated.baseUrl },
      });
    });
  } finally {
    await server.close();
  }
  await seedOnlineRegistries(prisma);
}

async function expectSuccess(run: Promise<{ status: string; error: string | null }>) {
  const r = await run;
  if (r.status !== 'SUCCEEDED') throw new Error(`Demo catalogue sync ended ${r.status}: ${r.error}`);
}

async function seedAgents(prisma: PrismaClient) {
  const tools = await prisma.tool.findMany({
    include: { versions: { orderBy: { publishedAt: 'desc' }, where: { yankedAt: null } } },
  });
  const bySlug = new Map(tools.map((t) => [t.externalId, t]));
  const now = Date.now();
  const plan: PlannedInstall[] = [];
  const outOfBand: Prisma.InstallationCreateManyInput[] = [];
  await prisma.$transaction(async (tx) => {
    for (const [i, a] of DEMO_AGENTS.entries()) {
      const agent = await tx.agent.create({
        data: {
          name: a.name,
          environment: a.environment,
          owner: a.owner,
          description: a.description,
          lastSeenAt: new Date(now - (i + 1) * 3_600_000),
        },
      });
      for (const [j, [slug, pick, state, finding]] of a.installs.entries()) {
        const tool = bySlug.get(slug);
        const version = tool && (pick === 'latest' ? tool.versions.find((v) => v.id === tool.latestVersionId) : tool.versions[1]);
        if (!tool || !version) throw new Error(`Demo agent ${a.name}: no ${pick} version of ${slug}`);
        const approvedAt = new Date(now - (40 - i - j) * DAY);
        if (finding === 'unapproved') {
          // The designed finding: installed out of band, no change request behind it (the
          // auditor's installations population flags it as unapproved).
          outOfBand.push({
            agentId: agent.id,
            toolId: tool.id,
            toolVersionId: version.id,
            environment: a.environment,
            state,
            approvedDigest: version.artifactDigest,
            approvedAt,
            activatedAt: approvedAt,
          });
        } else plan.push({ agent, toolId: tool.id, toolVersionId: version.id, toolName: tool.name, state, approvedAt });
      }
      await recordAuditEvent(tx, SYSTEM_ACTOR, {
        action: 'agent.created',
        entityType: 'Agent',
        entityId: agent.id,
        after: { name: a.name, environment: a.environment, owner: a.owner },
      });
    }
    if (outOfBand.length > 0) await tx.installation.createMany({ data: outOfBand });
  });
  await seedInstallations(prisma, plan, now);
}

/** Online registries exist in the demo but stay disabled: they need internet access. */
async function seedOnlineRegistries(prisma: PrismaClient) {
  const rows = [
    {
      kind: 'MCP_REGISTRY' as const,
      name: 'Official MCP Registry',
      baseUrl: 'https://registry.modelcontextprotocol.io',
      enabled: false,
      config: { note: 'Needs internet access; enable to sync the public MCP registry.' },
    },
    {
      kind: 'NPM' as const,
      name: 'npm registry',
      baseUrl: 'https://registry.npmjs.org',
      enabled: false,
      config: {
        note: 'Needs internet access; lists the npm packages named in config.packages.',
        packages: ['@modelcontextprotocol/server-filesystem', '@modelcontextprotocol/server-github'],
      },
    },
  ];
  await prisma.$transaction(async (tx) => {
    for (const data of rows) {
      const row = await tx.registry.create({ data });
      await recordAuditEvent(tx, SYSTEM_ACTOR, {
        action: 'registry.created',
        entityType: 'Registry',
        entityId: row.id,
        after: { name: row.name, kind: row.kind, baseUrl: row.baseUrl, enabled: row.enabled },
      });
    }
  });
}
