import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { withTestDatabase } from '@/lib/testing/test-database';
import { demoCatalog } from '@/sample-registry/demo-catalog';
import { startSampleRegistry, type SampleRegistry } from '@/sample-registry/server';
import { runRegistrySync, startRegistrySync } from './run-registry-sync';

withTestDatabase();
let registry: SampleRegistry;
let registryId = '';

beforeAll(async () => {
  registry = await startSampleRegistry({ catalog: demoCatalog(1) });
  const prisma = await getPrisma();
  const row = await prisma.registry.create({
    data: { kind: 'AGENTNODE', name: 'AgentNode sample', baseUrl: registry.url, config: { perPage: 20 } },
  });
  registryId = row.id;
});
afterAll(() => registry.close());

const sync = () => runRegistrySync({ actor: SYSTEM_ACTOR, input: { registryId, trigger: 'MANUAL' } });

async function snapshot() {
  const prisma = await getPrisma();
  const [tools, versions, records, alerts, publishers] = await Promise.all([
    prisma.tool.findMany({ orderBy: { externalId: 'asc' } }),
    prisma.toolVersion.findMany({ orderBy: { id: 'asc' } }),
    prisma.verificationRecord.count(),
    prisma.alert.count(),
    prisma.publisher.findMany({ orderBy: { externalId: 'asc' } }),
  ]);
  return { tools, versions, records, alerts, publishers };
}

describe('registry sync from the sample AgentNode registry', () => {
  it('imports the catalogue with verification records and alerts', async () => {
    const run = await sync();
    expect(run).toMatchObject({ status: 'SUCCEEDED', error: null, pagesDone: 3, toolsSeen: 46 });
    expect(run.versionsCreated).toBeGreaterThanOrEqual(100);
    expect(run.recordsCreated).toBeGreaterThanOrEqual(100);
    const prisma = await getPrisma();
    const kinds = (await prisma.alert.groupBy({ by: ['kind'], _count: true })).map((g) => g.kind).sort();
    expect(kinds).toEqual(expect.arrayContaining(['failed-verification', 'permission-escalation']));
    const shell = await prisma.tool.findFirstOrThrow({ where: { externalId: 'shell-exec-runner' } });
    expect(shell).toMatchObject({ codeExecution: 'UNRESTRICTED', filesystem: 'WRITE', latestVersionName: expect.any(String) });
    const ocr = await prisma.toolVersion.findFirstOrThrow({
      where: { tool: { externalId: 'screenshot-ocr' } },
      orderBy: { publishedAt: 'asc' },
    });
    expect(ocr).toMatchObject({ tier: 'FAILED', verificationState: 'FAILED' });
    const email = await prisma.toolVersion.count({ where: { tool: { externalId: 'email-parser' } } });
    expect(email).toBe(3);
    expect((await prisma.registry.findUniqueOrThrow({ where: { id: registryId } })).syncCursor).toBeNull();
  });

  it('changes nothing when run again over the same data', async () => {
    const before = await snapshot();
    const prisma = await getPrisma();
    const auditsBefore = await prisma.auditEvent.count();
    const asked = { conditional: registry.conditionalRequests, notModified: registry.notModified };
    const run = await sync();
    expect(run).toMatchObject({ status: 'SUCCEEDED', versionsCreated: 0, recordsCreated: 0, alertsRaised: 0, toolsSeen: 46 });
    expect(await snapshot()).toEqual(before);
    // Only the run's own start and finish are audited.
    expect(await prisma.auditEvent.count()).toBe(auditsBefore + 2);
    // Issue 9.3: the registry was asked with the remembered ETags and answered 304; every tool
    // was set aside unchanged (by its 304s, or by its content hash where an answer had no ETag).
    const conditional = registry.conditionalRequests - asked.conditional;
    expect(conditional).toBeGreaterThan(100);
    expect(registry.notModified - asked.notModified).toBe(conditional);
    expect(run.toolsUnchanged).toBe(46);
  });

  it('skips unchanged tools by content hash where the registry sends no validators', async () => {
    registry.faults = { noValidators: true };
    try {
      const prisma = await getPrisma();
      const before = await snapshot();
      const auditsBefore = await prisma.auditEvent.count();
      const asked = registry.conditionalRequests;
      // The first run without ETags reads everything and stores that the validators are gone
      // (bookkeeping only); from then on the hash alone tells the same input apart.
      await sync();
      const run = await sync();
      expect(run).toMatchObject({
        status: 'SUCCEEDED',
        toolsSeen: 46,
        toolsUnchanged: 46,
        versionsCreated: 0,
        recordsCreated: 0,
      });
      expect(registry.conditionalRequests - asked).toBeGreaterThan(0); // the first of the two still asked
      const after = await snapshot();
      expect(after.tools.map((t) => ({ ...t, syncValidators: null }))).toEqual(
        before.tools.map((t) => ({ ...t, syncValidators: null })),
      );
      expect({ ...after, tools: [] }).toEqual({ ...before, tools: [] });
      expect(await prisma.auditEvent.count()).toBe(auditsBefore + 4);
    } finally {
      registry.faults = {};
    }
    // Validators come back with the next full read.
    await sync();
    expect((await sync()).toolsUnchanged).toBe(46);
  }, 120_000);

  it('still checks the freshness rule for tools it skips as unchanged', async () => {
    const prisma = await getPrisma();
    // Staging's policy now allows one day; every demo verification is older than that.
    await prisma.policy.create({ data: { environment: 'STAGING', version: 1_000, maxVerificationAgeDays: 1 } });
    const tool = await prisma.tool.findFirstOrThrow({
      where: { lastVerifiedAt: { lt: new Date(Date.now() - 2 * 86_400_000) }, installations: { none: {} } },
    });
    const agent = await prisma.agent.create({ data: { name: 'freshness-agent', environment: 'STAGING', owner: 'ops' } });
    await prisma.installation.create({
      data: { agentId: agent.id, toolId: tool.id, toolVersionId: tool.latestVersionId!, environment: 'STAGING', state: 'ACTIVE' },
    });
    expect(await prisma.alert.count({ where: { toolId: tool.id, kind: 'stale-verification' } })).toBe(0);
    const run = await sync();
    expect(run).toMatchObject({ toolsUnchanged: 46, versionsCreated: 0 });
    const stale = await prisma.alert.findMany({ where: { toolId: tool.id, kind: 'stale-verification' } });
    expect(stale).toHaveLength(1);
    await prisma.installation.deleteMany({ where: { agentId: agent.id } });
    await prisma.agent.delete({ where: { id: agent.id } });
  }, 60_000);

  it('appends its per-tool audit records to a hash chain that still verifies', async () => {
    const prisma = await getPrisma();
    const imported = await prisma.auditEvent.count({ where: { action: 'tool.imported' } });
    expect(imported).toBe(46);
    const report = await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} });
    expect(report).toMatchObject({ ok: true });
  });

  it('keeps verification records immutable in the database', async () => {
    const prisma = await getPrisma();
    const record = await prisma.verificationRecord.findFirstOrThrow();
    await expect(prisma.verificationRecord.update({ where: { id: record.id }, data: { trustScore: 1 } })).rejects.toThrow();
    await expect(prisma.verificationRecord.delete({ where: { id: record.id } })).rejects.toThrow();
  });

  it('raises what changed at the registry: re-verification, rug pull, new production version, withdrawn publisher', async () => {
    const prisma = await getPrisma();
    const pg = await prisma.tool.findFirstOrThrow({ where: { externalId: 'postgres-query-tool' } });
    const agent = await prisma.agent.create({
      data: { name: 'billing-agent-prod-02', environment: 'PRODUCTION', owner: 'billing' },
    });
    await prisma.installation.create({
      data: { agentId: agent.id, toolId: pg.id, toolVersionId: pg.latestVersionId!, environment: 'PRODUCTION', state: 'ACTIVE' },
    });
    const pdf = await prisma.tool.findFirstOrThrow({ where: { externalId: 'pdf-reader-pack' } });
    const slackBefore = await prisma.tool.findFirstOrThrow({
      where: { externalId: 'slack-notifier' },
      include: { latestVersion: true },
    });

    registry.catalog = demoCatalog(2);
    const run = await sync();
    expect(run.status).toBe('SUCCEEDED');
    expect(run.versionsCreated).toBe(3);
    const kinds = new Set((await prisma.alert.findMany({ where: { createdAt: { gte: run.startedAt } } })).map((a) => a.kind));
    for (const k of [
      'digest-changed',
      'definitions-changed',
      'publisher-identity-withdrawn',
      'signer-changed',
      'provenance-missing',
      'production-new-version',
    ]) {
      expect(kinds, k).toContain(k);
    }
    expect(await prisma.verificationRecord.count({ where: { toolVersionId: pdf.latestVersionId! } })).toBe(2);
    expect((await prisma.tool.findUniqueOrThrow({ where: { id: pdf.id } })).tier).toBe('VERIFIED');
    // The pinned digest stays what was verified; the alert carries the new one.
    const slackAfter = await prisma.toolVersion.findUniqueOrThrow({ where: { id: slackBefore.latestVersionId! } });
    expect(slackAfter.artifactDigest).toBe(slackBefore.latestVersion!.artifactDigest);
    const quick = await prisma.publisher.findFirstOrThrow({ where: { externalId: 'quickbuild-labs' } });
    expect(quick.identityWithdrawnAt).not.toBeNull();

    // Only the packages that changed (and those of the publisher that changed) were read again.
    expect(run.toolsUnchanged).toBeGreaterThan(0);
    expect(run.toolsUnchanged).toBeLessThan(run.toolsSeen);

    const again = await sync();
    expect(again).toMatchObject({ versionsCreated: 0, recordsCreated: 0, alertsRaised: 0 });
  });

  it('stops on a 500 mid-pagination, keeps stored pages, and resumes there next run', async () => {
    const prisma = await getPrisma();
    const before = await snapshot();
    registry.faults = { failSearchPage: 2 };
    const failed = await sync();
    expect(failed).toMatchObject({ status: 'PARTIAL', pagesDone: 1, cursorAfter: 'page:2' });
    expect(failed.error).toMatch(/HTTP 500 .*after 1 page; the next run resumes there/);
    expect(await snapshot()).toEqual(before);
    expect((await prisma.registry.findUniqueOrThrow({ where: { id: registryId } })).lastSyncStatus).toBe('PARTIAL');

    registry.faults = {};
    const resumed = await sync();
    // Pages 2 and 3 of search, then every known package this run's search did not list, by its own
    // endpoint: the deprecated one, and page 1's (stored by the failed run) in two pages of 20.
    expect(resumed).toMatchObject({ status: 'SUCCEEDED', cursorBefore: 'page:2', pagesDone: 4 });
  });

  it.each([
    ['malformed JSON', { malformedJson: ['web-scraper'] }, /web-scraper: .*valid JSON/],
    ['missing fields', { missingFields: ['web-scraper'] }, /web-scraper: .*blocks/],
    ['unknown enum value', { unknownEnum: ['web-scraper'] }, /web-scraper: .*network_level/],
    ['endless body', { endlessBody: ['web-scraper'] }, /web-scraper: .*byte limit/],
    ['timeout', { slow: ['web-scraper'], slowMs: 1_500 }, /web-scraper: .*did not answer within/],
  ])('%s: the run is partial with a readable reason and stored data stays intact', async (_name, faults, message) => {
    const prisma = await getPrisma();
    await prisma.registry.update({
      where: { id: registryId },
      data: { config: { perPage: 20, timeoutMs: 500, maxBytes: 512 * 1024 } },
    });
    const before = await snapshot();
    registry.faults = faults;
    try {
      const run = await sync();
      expect(run.status).toBe('PARTIAL');
      expect(run.error).toMatch(/1 item could not be read/);
      expect((run.errors as { message: string }[]).map((e) => e.message).join('\n')).toMatch(message);
      expect(await snapshot()).toEqual(before);
    } finally {
      registry.faults = {};
    }
  });

  it('fails with a readable reason when the registry cannot be reached', async () => {
    const prisma = await getPrisma();
    const down = await prisma.registry.create({
      data: { kind: 'AGENTNODE', name: 'Unreachable', baseUrl: 'http://127.0.0.1:9' },
    });
    const run = await runRegistrySync({ actor: SYSTEM_ACTOR, input: { registryId: down.id, trigger: 'API' } });
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatch(/Could not reach http:\/\/127\.0\.0\.1:9/);
  });

  it('refuses a second run of the same registry while one is going', async () => {
    registry.faults = { slow: ['auto-deployer'], slowMs: 300 };
    const first = await startRegistrySync({ actor: SYSTEM_ACTOR, input: { registryId, trigger: 'MANUAL' } });
    await expect(startRegistrySync({ actor: SYSTEM_ACTOR, input: { registryId, trigger: 'MANUAL' } })).rejects.toThrow(
      /already running/,
    );
    await first.done;
    registry.faults = {};
  });

  it('hands incremental connectors the start of the last successful run as `since`', async () => {
    const prisma = await getPrisma();
    const seen: (string | null)[] = [];
    const connector = {
      kind: 'AGENTNODE' as const,
      testConnection: async () => ({ ok: true as const, detail: 'ok' }),
      async *pages(ctx: { since: string | null }) {
        seen.push(ctx.since);
        yield { tools: [], nextCursor: null };
      },
    };
    const lastGood = await prisma.syncRun.findFirstOrThrow({
      where: { registryId, status: 'SUCCEEDED' },
      orderBy: { startedAt: 'desc' },
    });
    const run = await runRegistrySync({ actor: SYSTEM_ACTOR, input: { registryId, trigger: 'SCHEDULE' } }, { connector });
    expect(run.status).toBe('SUCCEEDED');
    expect(seen).toEqual([lastGood.startedAt.toISOString()]);
  });
});

describe('the run deadline', () => {
  it('stops a registry that keeps a run going past its deadline, keeping what was stored', async () => {
    // A connector that answers page after page, slowly and forever, ignoring any signal.
    const connector = {
      kind: 'AGENTNODE' as const,
      testConnection: async () => ({ ok: true as const, detail: 'ok' }),
      async *pages() {
        for (let n = 1; ; n++) {
          await new Promise((r) => setTimeout(r, 100));
          yield { tools: [], nextCursor: `page:${n + 1}` };
        }
      },
    };
    const run = await runRegistrySync(
      { actor: SYSTEM_ACTOR, input: { registryId, trigger: 'MANUAL' } },
      { connector, deadlineMs: 1_000 },
    );
    expect(run.status).toBe('PARTIAL');
    expect(run.error).toMatch(/^Stopped at the run's deadline \(1 s\) \(after \d+ pages?; the next run resumes there\)/);
    expect(run.finishedAt!.getTime() - run.startedAt.getTime()).toBeLessThan(10_000);
  });
});
