import { afterAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { runRegistrySync } from '@/lib/server/registries/run-registry-sync';
import { ensureSampleRegistryServer, SAMPLE_REGISTRY_NAME } from '@/lib/server/registries/sample-registry-server';
import { runDueSyncs } from '@/lib/server/registries/sync-scheduler';
import { withTestDatabase } from '@/lib/testing/test-database';
import { DEMO_AGENTS } from './demo-agents';
import { DEMO_USERS } from './demo-users';
import { seedCatalog } from './seed-catalog';

// The app's own sample registry takes any free port here (others may run tests at once).
process.env.TOOLLEDGER_SAMPLE_REGISTRY_PORT = '0';
withTestDatabase();
let closeServer: (() => Promise<void>) | undefined;
afterAll(() => closeServer?.());

describe('demo catalogue', () => {
  it('comes in through a real sync of the sample registry, with agents and alerts', async () => {
    const prisma = await getPrisma();
    // The installations come in through change requests: the demo people raise, review and deploy them.
    await prisma.user.createMany({ data: DEMO_USERS });
    await seedCatalog(prisma);
    expect(await prisma.tool.count()).toBeGreaterThanOrEqual(40);
    expect(await prisma.toolVersion.count()).toBeGreaterThanOrEqual(100);
    expect(new Set((await prisma.publisher.findMany()).map((p) => p.externalId)).size).toBeGreaterThanOrEqual(6);
    expect(await prisma.agent.count()).toBe(12);
    expect((await prisma.agent.groupBy({ by: ['environment'], _count: true })).length).toBe(3);
    expect(await prisma.installation.count({ where: { state: 'ACTIVE', approvedDigest: null } })).toBe(0);
    expect(await prisma.verificationRecord.count({ where: { tier: 'FAILED' } })).toBeGreaterThan(0);
    const kinds = new Set((await prisma.alert.findMany()).map((a) => a.kind));
    for (const k of [
      'failed-verification',
      'permission-escalation',
      'production-new-version',
      'digest-changed',
      'definitions-changed',
      'provenance-missing',
      'signer-changed',
      'publisher-identity-withdrawn',
      'stale-verification',
    ]) {
      expect(kinds, k).toContain(k);
    }
    expect(await prisma.registry.count()).toBe(3);
  }, 240_000);

  it('links every installation to the change request that approved it, but the designed finding', async () => {
    const prisma = await getPrisma();
    const installs = await prisma.installation.findMany({
      include: { agent: true, tool: true, changeRequest: { include: { approvals: true } } },
    });
    const planned = DEMO_AGENTS.flatMap((a) => a.installs.map(([slug, , state, finding]) => ({ a, slug, state, finding })));
    expect(installs).toHaveLength(planned.length);
    for (const p of planned) {
      const i = installs.find((x) => x.agent.name === p.a.name && x.tool.externalId === p.slug)!;
      expect(i.state, `${p.a.name} ${p.slug}`).toBe(p.state);
      if (p.finding === 'unapproved' || p.state === 'REQUESTED') {
        expect(i.changeRequestId, `${p.a.name} ${p.slug}`).toBeNull();
        continue;
      }
      const cr = i.changeRequest!;
      expect(cr, `${p.a.name} ${p.slug}`).toMatchObject({ toolVersionId: i.toolVersionId, agentId: i.agentId, kind: 'NEW_TOOL' });
      // Segregation of duties: the requester decided nothing; a second person deployed.
      expect(cr.approvals.filter((x) => x.decision === 'APPROVED').length).toBeGreaterThan(0);
      expect(cr.approvals.map((x) => x.reviewerId)).not.toContain(cr.requestedById);
      if (['ACTIVE', 'REVOKED', 'BLOCKED'].includes(p.state)) {
        expect(cr.state).toBe('DEPLOYED');
        const deploy = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: cr.id, action: 'changeRequest.deployed' } });
        expect(deploy.actorId).not.toBe(cr.requestedById);
      } else expect(cr.state).toBe('APPROVED');
    }
    // Only the designed finding is out of band, and it runs in production where an auditor looks.
    const unapproved = installs.filter((i) => i.state !== 'REQUESTED' && !i.changeRequestId);
    expect(unapproved.map((i) => i.environment)).toEqual(['PRODUCTION']);
    // Revoked installations were removed by a deployed removal request.
    const removals = await prisma.changeRequest.count({ where: { kind: 'REMOVAL', state: 'DEPLOYED' } });
    expect(removals).toBe(planned.filter((p) => p.state === 'REVOKED').length);
  });

  it('a second sync from the app-served sample registry changes nothing', async () => {
    const prisma = await getPrisma();
    const server = await ensureSampleRegistryServer(prisma);
    closeServer = () => server.close();
    const registry = await prisma.registry.findUniqueOrThrow({ where: { name: SAMPLE_REGISTRY_NAME } });
    expect(registry.baseUrl).toBe(server.url);
    const run = await runRegistrySync({ actor: SYSTEM_ACTOR, input: { registryId: registry.id, trigger: 'MANUAL' } });
    expect(run).toMatchObject({ status: 'SUCCEEDED', versionsCreated: 0, recordsCreated: 0, alertsRaised: 0 });
  });

  it('the scheduler syncs only what is due and skips disabled registries', async () => {
    const prisma = await getPrisma();
    expect(await runDueSyncs({ intervalMinutes: 60 })).toEqual([]);
    const later = new Date(Date.now() + 61 * 60_000);
    const runs = await runDueSyncs({ intervalMinutes: 60, now: later });
    expect(runs.map((r) => r.trigger)).toEqual(['SCHEDULE']);
    expect(runs[0]!.registryId).toBe((await prisma.registry.findUniqueOrThrow({ where: { name: SAMPLE_REGISTRY_NAME } })).id);
  });
});
