// Test and bench only: the published reference filesystem MCP server (a dev dependency) as an
// approved, installed tool of a development agent, with a gateway key bound to that agent.
import type { PrismaClient } from '@prisma/client';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createApiKey } from '@/lib/server/api-keys/create-api-key';

const require = createRequire(import.meta.url);
export const FS_PACKAGE = '@modelcontextprotocol/server-filesystem';
const FS_DIR = path.dirname(require.resolve(`${FS_PACKAGE}/package.json`));
export const FS_VERSION = (JSON.parse(readFileSync(path.join(FS_DIR, 'package.json'), 'utf8')) as { version: string }).version;
export const FS_ENTRY = path.join(FS_DIR, 'dist', 'index.js');

/** Gold, verified, installed and active on `agentName` (development); the key has enforce, ingest and read. */
export async function createFilesystemServerWorld(prisma: PrismaClient, agentName: string) {
  const registry =
    (await prisma.registry.findFirst({ where: { kind: 'NPM' } })) ??
    (await prisma.registry.create({ data: { kind: 'NPM', name: 'npm', baseUrl: 'https://registry.npmjs.org' } }));
  const publisher = await prisma.publisher.create({
    data: { registryId: registry.id, externalId: `modelcontextprotocol-${agentName}`, name: 'Model Context Protocol' },
  });
  const tool = await prisma.tool.create({
    data: { registryId: registry.id, publisherId: publisher.id, externalId: FS_PACKAGE, name: FS_PACKAGE, tier: 'GOLD' },
  });
  const version = await prisma.toolVersion.create({
    data: {
      toolId: tool.id,
      version: FS_VERSION,
      tier: 'GOLD',
      trustScore: 95,
      verificationState: 'PASSED',
      lastVerifiedAt: new Date(),
      filesystem: 'WRITE',
    },
  });
  const agent = await prisma.agent.create({ data: { name: agentName, environment: 'DEVELOPMENT', owner: 'eng' } });
  await prisma.installation.create({
    data: {
      agentId: agent.id,
      toolVersionId: version.id,
      toolId: tool.id,
      environment: 'DEVELOPMENT',
      state: 'ACTIVE',
      approvedAt: new Date(),
    },
  });
  // Keys are created by a person (an admin), as in the app.
  const admin =
    (await prisma.user.findFirst({ where: { role: 'ADMIN', active: true } })) ??
    (await prisma.user.create({ data: { email: `admin@${agentName}.test`, name: 'Admin', role: 'ADMIN' } }));
  const actor = { type: 'USER' as const, id: admin.id, label: admin.email, role: admin.role };
  const key = await createApiKey(
    { actor, input: { name: `gateway of ${agentName}`, scopes: ['ENFORCE', 'INGEST', 'READ'], agentId: agent.id } },
    { db: prisma },
  );
  return { versionId: version.id, agentName: agent.name, apiKey: key.secret };
}
