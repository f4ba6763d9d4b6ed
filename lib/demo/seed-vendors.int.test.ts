import { describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { getPrisma } from '@/lib/db/client';
import { createAgent, createInstallation, createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { DEMO_USERS } from './demo-users';
import { seedVendors } from './seed-vendors';

withTestDatabase();

describe('seedVendors', () => {
  it('reviews every registry and the publishers of tools in use through the operations: one re-review, one overdue', async () => {
    const prisma = await getPrisma();
    await prisma.user.createMany({ data: DEMO_USERS });
    const registry = await createRegistry(prisma);
    const agent = await createAgent(prisma, { environment: 'PRODUCTION' });
    for (let i = 0; i < 4; i++) {
      const publisher = await createPublisher(prisma, { registryId: registry.id, name: `publisher-${i}` });
      const { versions } = await createTool(prisma, { registryId: registry.id, publisherId: publisher.id, name: `tool-${i}` });
      await createInstallation(prisma, { agentId: agent.id, toolVersionId: versions[0]!.id, state: 'ACTIVE' });
    }
    await createPublisher(prisma, { registryId: registry.id, name: 'unused-publisher' });

    await seedVendors(prisma);
    const reviews = await prisma.publisherAssessment.findMany({ include: { publisher: { select: { name: true } } } });
    expect(new Set(reviews.map((r) => r.publisher.name))).toEqual(new Set(['publisher-0', 'publisher-1', 'publisher-2']));
    expect(reviews).toHaveLength(4);
    expect(reviews.filter((r) => r.previousId)).toHaveLength(1);
    expect(reviews.filter((r) => (r.overrides as unknown[]).length > 0)).toHaveLength(1);
    expect(await prisma.registryAssessment.count()).toBe(1);
    expect(await prisma.alert.count({ where: { kind: 'publisher-review-overdue', state: 'OPEN' } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: 'publisherAssessment.recorded' } })).toBe(4);
    expect(await prisma.auditEvent.count({ where: { action: 'registryAssessment.recorded' } })).toBe(1);
    expect(await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} })).toMatchObject({ ok: true });

    await seedVendors(prisma); // idempotent
    expect(await prisma.publisherAssessment.count()).toBe(4);
  });
});
