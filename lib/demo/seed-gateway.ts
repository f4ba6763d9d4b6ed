import type { PrismaClient } from '@prisma/client';
import type { Actor } from '@/lib/server/actor';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { createApiKey } from '@/lib/server/api-keys/create-api-key';
import { createChangeRequest } from '@/lib/server/change-requests/create-change-request';
import { decideChangeRequest } from '@/lib/server/change-requests/decide-change-request';
import { deployChangeRequest } from '@/lib/server/change-requests/deploy-change-request';
import { runRegistrySync } from '@/lib/server/registries/run-registry-sync';
import { sampleRegistryUrl } from '@/lib/server/registries/sample-registry-server';
import { demoCatalog } from '@/sample-registry/demo-catalog';
import { NPM_MIRROR_PACKAGES } from '@/sample-registry/npm-mirror';
import { startSampleRegistry } from '@/sample-registry/server';
import { reportToolDefinitions } from '@/lib/server/tool-definitions/report-tool-definitions';
import { DEMO_GATEWAY } from './demo-api-keys';
// What the server's tools/list answered (@modelcontextprotocol/server-filesystem 2026.8.31, captured
// with the MCP SDK's client; the gateway test checks that the running server still hashes the same).
import filesystemTools from './fixtures/server-filesystem-2026.8.31-tools.json';

export const NPM_MIRROR_NAME = 'npm mirror (bundled sample)';
const NPM_PATH = '/npm';

/**
 * The gateway quickstart's ToolLedger side, built the way a team would: the reference filesystem
 * MCP server comes in through a real npm sync (the sample registry mirrors its packument), a
 * developer's agent is registered, a compliance officer requests the tool for it, reviewers
 * approve, an admin deploys, and the admin creates the agent's gateway key, whose first report of the
server's tool definitions pins them. Runs after the main
 * workflow seed, so its history reads as recent.
 */
export async function seedGateway(prisma: PrismaClient): Promise<void> {
  if (await prisma.agent.findUnique({ where: { name: DEMO_GATEWAY.agent }, select: { id: true } })) return;
  const people = await demoPeople(prisma);
  if (!people) return;
  const version = await syncNpmMirror(prisma);
  const agent = await prisma.$transaction(async (tx) => {
    const row = await tx.agent.create({
      data: {
        name: DEMO_GATEWAY.agent,
        environment: 'DEVELOPMENT',
        owner: 'Developer tools team',
        description: 'A developer’s desktop agent; its filesystem server runs behind toolledger-gateway.',
      },
    });
    await recordAuditEvent(tx, SYSTEM_ACTOR, {
      action: 'agent.created',
      entityType: 'Agent',
      entityId: row.id,
      after: { name: row.name, environment: row.environment },
    });
    return row;
  });
  const { carla, chris, sam, ada } = people;
  const ctx = { db: prisma };
  let request = await createChangeRequest(
    {
      actor: carla,
      input: {
        kind: 'NEW_TOOL',
        toolVersionId: version.id,
        agentId: agent.id,
        environment: 'DEVELOPMENT',
        justification:
          'Developers let their desktop agent read and edit the project checkout through the reference filesystem server.',
      },
    },
    ctx,
  );
  if (request.state === 'COMPLIANCE_REVIEW')
    request = await decideChangeRequest(
      { actor: chris, input: { id: request.id, decision: 'APPROVED', comment: 'Limited to the project directory.' } },
      ctx,
    );
  if (request.state === 'SECURITY_REVIEW')
    request = await decideChangeRequest(
      { actor: sam, input: { id: request.id, decision: 'APPROVED', comment: 'Runs behind the gateway; every call is logged.' } },
      ctx,
    );
  if (request.state !== 'APPROVED') throw new Error(`Demo gateway request ended ${request.state}, not APPROVED`);
  await deployChangeRequest({ actor: ada, input: { id: request.id } }, ctx);
  const key = await createApiKey(
    { actor: ada, input: { name: `Gateway of ${agent.name}`, scopes: ['ENFORCE', 'INGEST', 'READ'], agentId: agent.id } },
    { db: prisma, secret: DEMO_GATEWAY.apiKey },
  );
  // The gateway's first start: it reports the server's definitions, which pins them (and scans them).
  await reportToolDefinitions(
    {
      actor: {
        type: 'API_KEY',
        id: key.id,
        label: `api-key:${key.prefix}`,
        scopes: ['ENFORCE', 'INGEST', 'READ'],
        agentId: agent.id,
      },
      input: { agent: agent.name, tool: DEMO_GATEWAY.package, version: DEMO_GATEWAY.version, definitions: filesystemTools },
    },
    { db: prisma, keyAgentName: agent.name },
  );
}

/** The npm mirror registry, synced once from a throw-away sample server, then pointed at the app's own. */
async function syncNpmMirror(prisma: PrismaClient) {
  const server = await startSampleRegistry({ catalog: demoCatalog(2) });
  try {
    const registry = await prisma.$transaction(async (tx) => {
      const row = await tx.registry.create({
        data: {
          kind: 'NPM',
          name: NPM_MIRROR_NAME,
          baseUrl: server.url + NPM_PATH,
          config: { sample: true, samplePath: NPM_PATH, packages: NPM_MIRROR_PACKAGES },
        },
      });
      await recordAuditEvent(tx, SYSTEM_ACTOR, {
        action: 'registry.created',
        entityType: 'Registry',
        entityId: row.id,
        after: { name: row.name, kind: row.kind, baseUrl: row.baseUrl },
      });
      return row;
    });
    const run = await runRegistrySync(
      { actor: SYSTEM_ACTOR, input: { registryId: registry.id, trigger: 'STARTUP' } },
      { db: prisma },
    );
    if (run.status !== 'SUCCEEDED') throw new Error(`Demo npm mirror sync ended ${run.status}: ${run.error}`);
    await prisma.$transaction(async (tx) => {
      const baseUrl = sampleRegistryUrl() + NPM_PATH;
      await tx.registry.update({ where: { id: registry.id }, data: { baseUrl } });
      await recordAuditEvent(tx, SYSTEM_ACTOR, {
        action: 'registry.updated',
        entityType: 'Registry',
        entityId: registry.id,
        before: { baseUrl: registry.baseUrl },
        after: { baseUrl },
      });
    });
    const version = await prisma.toolVersion.findFirst({
      where: { version: DEMO_GATEWAY.version, tool: { registryId: registry.id, name: DEMO_GATEWAY.package } },
      select: { id: true },
    });
    if (!version) throw new Error(`Demo npm mirror did not bring ${DEMO_GATEWAY.package}@${DEMO_GATEWAY.version}`);
    return version;
  } finally {
    await server.close();
  }
}

async function demoPeople(prisma: PrismaClient) {
  const emails = {
    carla: 'compliance@toolledger.local',
    chris: 'compliance2@toolledger.local',
    sam: 'security@toolledger.local',
    ada: 'admin@toolledger.local',
  } as const;
  const users = await prisma.user.findMany({ where: { email: { in: Object.values(emails) } } });
  const actor = (email: string): Actor | null => {
    const u = users.find((x) => x.email === email);
    return u ? { type: 'USER', id: u.id, label: u.email, role: u.role } : null;
  };
  const [carla, chris, sam, ada] = [emails.carla, emails.chris, emails.sam, emails.ada].map(actor);
  return carla && chris && sam && ada ? { carla, chris, sam, ada } : null;
}
