import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/v1/enforce/route';
import { getPrisma } from '@/lib/db/client';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { enforceRequest } from '@/lib/testing/enforce-world';
import { FS_VERSION } from '@/lib/testing/filesystem-server-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import { DEMO_GATEWAY } from './demo-api-keys';
import { DEMO_USERS } from './demo-users';
import { seedReferenceData } from './seed';
import { NPM_MIRROR_NAME, seedGateway } from './seed-gateway';

withTestDatabase();

describe('seedGateway (the gateway quickstart of the README)', () => {
  it('brings the filesystem server in by an npm sync, installs it through a deployed request, and binds a key to the agent', async () => {
    const prisma = await getPrisma();
    await seedReferenceData(prisma);
    await prisma.user.createMany({ data: DEMO_USERS });
    // The version the quickstart runs is the one installed as a dev dependency (and benched).
    expect(DEMO_GATEWAY.version).toBe(FS_VERSION);

    await seedGateway(prisma);

    const registry = await prisma.registry.findFirstOrThrow({ where: { name: NPM_MIRROR_NAME } });
    expect(registry.kind).toBe('NPM');
    const versions = await prisma.toolVersion.findMany({
      where: { tool: { registryId: registry.id } },
      select: { version: true },
    });
    expect(versions.map((v) => v.version)).toContain(DEMO_GATEWAY.version);
    const installation = await prisma.installation.findFirstOrThrow({
      where: { agent: { name: DEMO_GATEWAY.agent } },
      include: { changeRequest: true, toolVersion: true },
    });
    expect(installation).toMatchObject({ state: 'ACTIVE', toolVersion: { version: DEMO_GATEWAY.version } });
    expect(installation.changeRequest?.state).toBe('DEPLOYED');
    // The gateway's first report pinned the server's definitions; nothing in them is poisoned.
    expect(
      await prisma.toolDefinitionReport.findFirstOrThrow({ where: { toolVersionId: installation.toolVersionId } }),
    ).toMatchObject({
      verdict: 'FIRST_SEEN',
      worstSeverity: null,
    });

    for (const action of ['install', 'invoke'] as const) {
      const res = await POST(
        enforceRequest(DEMO_GATEWAY.apiKey, {
          agent: DEMO_GATEWAY.agent,
          tool: DEMO_GATEWAY.package,
          version: DEMO_GATEWAY.version,
          action,
        }),
      );
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ decision: 'allow' });
    }
    // The key is bound to the agent: it cannot speak for another.
    const other = await POST(
      enforceRequest(DEMO_GATEWAY.apiKey, {
        agent: 'someone-else',
        tool: DEMO_GATEWAY.package,
        version: DEMO_GATEWAY.version,
        action: 'invoke',
      }),
    );
    expect(other.status).toBe(403);
    expect(await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} })).toMatchObject({ ok: true });

    await seedGateway(prisma); // idempotent
    expect(await prisma.installation.count({ where: { agent: { name: DEMO_GATEWAY.agent } } })).toBe(1);
  });
});
