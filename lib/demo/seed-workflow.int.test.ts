import { describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { getPrisma } from '@/lib/db/client';
import { createAgent, createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { DEMO_USERS } from './demo-users';
import { seedWorkflow } from './seed-workflow';

withTestDatabase();

describe('seedWorkflow', () => {
  it('does nothing without a catalogue', async () => {
    const prisma = await getPrisma();
    await prisma.user.createMany({ data: DEMO_USERS });
    await seedWorkflow(prisma);
    expect(await prisma.changeRequest.count()).toBe(0);
  });

  it('seeds overdue, security-review, rejected, allowlisted and deployed requests through the audited operations, a different person at each step', async () => {
    const prisma = await getPrisma();
    const registry = await createRegistry(prisma);
    const publisher = await createPublisher(prisma, { registryId: registry.id });
    const external = { network: 'EXTERNAL' as const };
    for (let i = 0; i < 5; i++)
      await createTool(prisma, {
        registryId: registry.id,
        publisherId: publisher.id,
        name: `gold-ext-${i}`,
        versions: [{ version: '1.0.0', publishedAt: new Date(), permissions: external, allowedDomains: ['api.example.com'] }],
      });
    await createTool(prisma, {
      registryId: registry.id,
      publisherId: publisher.id,
      name: 'partial-tool',
      versions: [{ version: '0.9.0', score: 55, publishedAt: new Date() }],
    });
    await createAgent(prisma, { environment: 'PRODUCTION', name: 'support-agent-prod-01' });
    await createAgent(prisma, { environment: 'STAGING', name: 'support-agent-stg-01' });
    await createAgent(prisma, { environment: 'DEVELOPMENT', name: 'dev-agent-01' });

    await seedWorkflow(prisma);
    const requests = await prisma.changeRequest.findMany({ include: { approvals: true, comments: true } });
    const states = requests.map((r) => r.state).sort();
    expect(states).toEqual(['APPROVED', 'COMPLIANCE_REVIEW', 'COMPLIANCE_REVIEW', 'DEPLOYED', 'REJECTED', 'SECURITY_REVIEW']);
    // Segregation of duties in the demo history: nobody decides what they raised, nobody decides two stages, nobody deploys their own request.
    for (const r of requests) {
      const people = r.approvals.filter((a) => !a.automatic).map((a) => a.reviewerId);
      expect(people).not.toContain(r.requestedById);
      expect(new Set(people).size).toBe(people.length);
    }
    const deployed = requests.find((r) => r.state === 'DEPLOYED')!;
    const deployEvent = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: deployed.id, action: 'changeRequest.deployed' },
    });
    expect(deployEvent.actorId).not.toBe(deployed.requestedById);
    // The allowlist entry: added by a compliance officer, approved by a security reviewer; it fast-tracked another person's request.
    const entry = await prisma.allowlistEntry.findFirstOrThrow({ include: { createdBy: true, approvedBy: true } });
    expect(entry).toMatchObject({
      status: 'APPROVED',
      environment: 'STAGING',
      createdBy: { role: 'COMPLIANCE_OFFICER' },
      approvedBy: { role: 'SECURITY_REVIEWER' },
    });
    const fastTracked = requests.find((r) => r.state === 'APPROVED')!;
    expect(fastTracked).toMatchObject({ source: 'FAST_TRACK', toolId: entry.toolId, environment: 'STAGING' });
    expect(fastTracked.requestedById).not.toBe(entry.createdById);
    expect(fastTracked.approvals).toMatchObject([{ automatic: true, reviewerId: null }]);
    const overdue = requests.filter((r) => r.state === 'COMPLIANCE_REVIEW' && r.dueAt < new Date());
    expect(overdue).toHaveLength(1);
    expect(requests.find((r) => r.state === 'REJECTED')?.comments).toHaveLength(1);
    expect(await prisma.installation.count({ where: { state: 'ACTIVE' } })).toBe(1);
    expect(await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} })).toMatchObject({ ok: true });

    await seedWorkflow(prisma); // idempotent
    expect(await prisma.changeRequest.count()).toBe(6);
  });
});
