import { describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { getPrisma } from '@/lib/db/client';
import { createAgent, createInstallation, createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { DEMO_USERS } from './demo-users';
import { seedRisks } from './seed-risks';

withTestDatabase();

describe('seedRisks', () => {
  it('assesses the tools agents use through assessRisk: an override, a reassessment, an overdue review alerted', async () => {
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
        versions: [{ version: '1.0.0', score: 60, permissions: { network: 'EXTERNAL' } }],
      });
      await createInstallation(prisma, { agentId: agent.id, toolVersionId: versions[0]!.id, state: 'ACTIVE' });
    }
    await createTool(prisma, { registryId: registry.id, publisherId: publisher.id, name: 'unused' });

    await seedRisks(prisma);
    const rows = await prisma.riskAssessment.findMany({ include: { tool: { select: { name: true } } } });
    expect(new Set(rows.map((r) => r.tool.name))).toEqual(new Set(['tool-0', 'tool-1', 'tool-2', 'tool-3']));
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.previousId)).toHaveLength(1);
    expect(rows.filter((r) => (r.overrides as unknown[]).length > 0)).toHaveLength(1);
    expect(await prisma.alert.count({ where: { kind: 'risk-review-overdue', state: 'OPEN' } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: 'riskAssessment.recorded' } })).toBe(5);
    expect(await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} })).toMatchObject({ ok: true });

    await seedRisks(prisma); // idempotent
    expect(await prisma.riskAssessment.count()).toBe(5);
  });
});
