import { describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { getPrisma } from '@/lib/db/client';
import { createAgent, createInstallation, createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { DEMO_USERS } from './demo-users';
import { seedDataFlows } from './seed-data-flows';

withTestDatabase();

describe('seedDataFlows', () => {
  it('derives a map for each tool agents use, confirms two, corrects one, leaves the rest derived', async () => {
    const prisma = await getPrisma();
    await prisma.user.createMany({ data: DEMO_USERS });
    const registry = await createRegistry(prisma);
    const publisher = await createPublisher(prisma, { registryId: registry.id });
    const agent = await createAgent(prisma, { environment: 'PRODUCTION' });
    for (let i = 0; i < 5; i++) {
      const { versions } = await createTool(prisma, {
        registryId: registry.id,
        publisherId: publisher.id,
        name: `tool-${i}`,
        versions: [{ version: '1.0.0', permissions: { network: 'EXTERNAL' }, allowedDomains: [`api${i}.example.com`] }],
      });
      await createInstallation(prisma, { agentId: agent.id, toolVersionId: versions[0]!.id, state: 'ACTIVE' });
    }
    await createTool(prisma, { registryId: registry.id, publisherId: publisher.id, name: 'unused' });

    await seedDataFlows(prisma);
    const current = await prisma.dataFlowMap.findMany({
      where: { next: { is: null } },
      include: { tool: { select: { name: true } } },
    });
    expect(current.map((m) => m.tool.name).sort()).toEqual(['tool-0', 'tool-1', 'tool-2', 'tool-3', 'tool-4']);
    expect(
      current
        .filter((m) => m.status === 'CONFIRMED')
        .map((m) => m.tool.name)
        .sort(),
    ).toEqual(['tool-0', 'tool-1', 'tool-2']);
    expect(current.every((m) => m.subprocessor)).toBe(true);
    const edited = current.find((m) => m.tool.name === 'tool-2')!;
    expect(edited.excessInputs).toBe(1);
    expect(edited.retention).toContain('30 days');
    expect(await prisma.auditEvent.count({ where: { action: { startsWith: 'dataFlow.' } } })).toBe(8);
    expect(await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} })).toMatchObject({ ok: true });

    await seedDataFlows(prisma); // idempotent
    expect(await prisma.dataFlowMap.count()).toBe(8);
  });
});
