// Test-only: a small world for enforcement tests (registry, tools, versions, agents, installations, keys).
import type { Prisma, PrismaClient, Tier } from '@prisma/client';
import { seedPolicies } from '@/lib/demo/seed-policies';
import { createApiKey } from '@/lib/server/api-keys/create-api-key';

export interface EnforceWorld {
  keys: { enforce: string; read: string; revoked: string; expired: string; agentBound: string };
  agents: { prod: string; dev: string };
  tools: { gold: string; verified: string; unverified: string };
}

export async function buildEnforceWorld(prisma: PrismaClient): Promise<EnforceWorld> {
  await seedPolicies(prisma);
  const admin = await prisma.user.create({ data: { email: 'admin@test.local', name: 'Admin', role: 'ADMIN' } });
  const actor = { type: 'USER' as const, id: admin.id, label: admin.email, role: admin.role };
  const registry = await prisma.registry.create({
    data: { kind: 'AGENTNODE', name: 'agentnode', baseUrl: 'https://example.test' },
  });
  const publisher = await prisma.publisher.create({ data: { registryId: registry.id, externalId: 'acme', name: 'Acme' } });
  const prod = await prisma.agent.create({
    data: { name: 'support-agent-prod-01', environment: 'PRODUCTION', owner: 'support' },
  });
  const dev = await prisma.agent.create({ data: { name: 'dev-agent-01', environment: 'DEVELOPMENT', owner: 'eng' } });

  async function tool(
    name: string,
    tier: Tier,
    score: number | null,
    extra: Partial<Prisma.ToolVersionUncheckedCreateInput> = {},
  ) {
    const t = await prisma.tool.create({
      data: { registryId: registry.id, publisherId: publisher.id, externalId: `acme/${name}`, name, tier },
    });
    const v = await prisma.toolVersion.create({
      data: {
        toolId: t.id,
        version: '1.0.0',
        tier,
        trustScore: score,
        verificationState: score === null ? 'UNVERIFIED' : 'PASSED',
        lastVerifiedAt: score === null ? null : new Date(),
        artifactDigest: `sha256:${'1'.repeat(64)}`,
        ...extra,
      },
    });
    await prisma.tool.update({ where: { id: t.id }, data: { latestVersionId: v.id, latestVersionName: v.version } });
    return { tool: t, version: v };
  }
  const gold = await tool('email-parser', 'GOLD', 95);
  const verified = await tool('web-fetcher', 'VERIFIED', 78, { network: 'EXTERNAL' });
  const unverified = await tool('scratch-pad', 'UNVERIFIED', null);
  for (const [agent, t] of [
    [prod, gold],
    [prod, verified],
    [dev, unverified],
  ] as const) {
    await prisma.installation.create({
      data: {
        agentId: agent.id,
        toolVersionId: t.version.id,
        toolId: t.tool.id,
        environment: agent.environment,
        state: 'ACTIVE',
        approvedDigest: t.version.artifactDigest,
      },
    });
  }
  const mk = (name: string, scopes: ('ENFORCE' | 'READ')[], agentId?: string) =>
    createApiKey({ actor, input: { name, scopes, agentId } }, { db: prisma });
  const enforce = await mk('enforce', ['ENFORCE']);
  const read = await mk('read', ['READ']);
  const revoked = await mk('revoked', ['ENFORCE']);
  await prisma.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
  const expired = await mk('expired', ['ENFORCE']);
  await prisma.apiKey.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
  const agentBound = await mk('bound', ['ENFORCE'], dev.id);
  return {
    keys: {
      enforce: enforce.secret,
      read: read.secret,
      revoked: revoked.secret,
      expired: expired.secret,
      agentBound: agentBound.secret,
    },
    agents: { prod: prod.name, dev: dev.name },
    tools: { gold: gold.tool.id, verified: verified.tool.id, unverified: unverified.tool.id },
  };
}

export function enforceRequest(key: string | null, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request('http://localhost/api/v1/enforce', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
