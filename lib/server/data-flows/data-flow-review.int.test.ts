/**
 * Issue 12.2: a confirmed data flow map reopens by itself when a version raises what it was
 * written for: through the real registry sync (ingestSyncPage) and the real change approval.
 * Runs in the pglite and postgres projects alike.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { createChangeRequest } from '@/lib/server/change-requests/create-change-request';
import { decideChangeRequest } from '@/lib/server/change-requests/decide-change-request';
import { ingestSyncPage } from '@/lib/server/registries/ingest-sync-page';
import { createChangeRequestWorld, type PersonActor } from '@/lib/testing/change-request-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import type { PermissionSet } from '@/lib/domain/types';
import type { NormalizedTool, NormalizedVersion } from '@/lib/registries/types';
import { confirmDataFlow } from './confirm-data-flow';
import { deriveDataFlow } from './derive-data-flow';
import { getToolDataFlow } from './get-tool-data-flow';
import { listDataFlowRegister } from './list-data-flow-register';
import { getDataFlowOverview } from './get-data-flow-overview';
import { dataFlowsSection } from '@/lib/server/evidence/sections/data-flows';
import type { SectionContext } from '@/lib/server/evidence/sections/types';

withTestDatabase();

const NONE: PermissionSet = { network: 'NONE', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'NONE' };
const DAY = 86_400_000;
const T0 = new Date('2026-06-01T12:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

let people: Record<'officer' | 'officer2' | 'security' | 'auditor', PersonActor>;
let registryId: string;

function version(v: string, day: number, permissions: Partial<PermissionSet>, allowedDomains: string[] = []): NormalizedVersion {
  return {
    version: v,
    publishedAt: at(day - 30),
    artifactDigest: `sha256:${v.replace(/\D/g, '').padEnd(8, '0')}`,
    permissions: { ...NONE, ...permissions },
    allowedDomains,
    verifications: [],
  };
}

function tool(externalId: string, versions: NormalizedVersion[]): NormalizedTool {
  return {
    externalId,
    name: externalId,
    kind: 'MCP_SERVER',
    publisher: { externalId: 'flows-pub', name: 'Flows Pub', trustLevel: 'VERIFIED' },
    versions,
    versionListComplete: true,
  };
}

/** One registry sync page, stored the way runRegistrySync stores it. */
async function sync(tools: NormalizedTool[], now: Date) {
  const db = await getPrisma();
  return ingestSyncPage(
    db,
    { tools, nextCursor: null },
    {
      registryId,
      actor: SYSTEM_ACTOR,
      now,
      maxAgeDays: { DEVELOPMENT: null, STAGING: null, PRODUCTION: null },
    },
  );
}

async function currentMap(toolId: string) {
  const db = await getPrisma();
  return db.dataFlowMap.findFirstOrThrow({
    where: { toolId, next: { is: null } },
    include: { reviewVersion: { select: { version: true } }, toolVersion: { select: { version: true } } },
  });
}

async function reviewAlerts(toolId: string) {
  const db = await getPrisma();
  return db.alert.findMany({ where: { toolId, kind: 'data-flow-review' } });
}

beforeAll(async () => {
  const world = await createChangeRequestWorld({
    people: { officer: 'COMPLIANCE_OFFICER', officer2: 'COMPLIANCE_OFFICER', security: 'SECURITY_REVIEWER', auditor: 'AUDITOR' },
    emailDomain: 'review.flows.test',
    agents: {},
  });
  people = world.actors;
  const db = await getPrisma();
  registryId = (await db.registry.create({ data: { kind: 'AGENTNODE', name: 'flows', baseUrl: 'https://flows.example.test' } }))
    .id;
});

describe('the registry sync reopens a confirmed map a new version outgrows', () => {
  const v1 = version('1.0.0', 0, { filesystem: 'READ' });
  const v11 = version('1.1.0', 1, { filesystem: 'READ' });
  const v2 = version('2.0.0', 2, { filesystem: 'WRITE' });
  let toolId: string;
  let confirmedId: string;

  it('starts from a map confirmed for 1.0.0 (filesystem read)', async () => {
    await sync([tool('note-keeper', [v1])], at(0));
    const db = await getPrisma();
    toolId = (await db.tool.findFirstOrThrow({ where: { externalId: 'note-keeper' } })).id;
    const derived = await deriveDataFlow({ actor: people.officer, input: { toolId } }, { now: at(0) });
    const confirmed = await confirmDataFlow({ actor: people.security, input: { toolId, mapId: derived.id } }, { now: at(0) });
    confirmedId = confirmed.id;
    expect(await currentMap(toolId)).toMatchObject({ status: 'CONFIRMED', toolVersion: { version: '1.0.0' }, reviewReasons: [] });
  });

  it('a version that raises nothing leaves the map confirmed, with no alert', async () => {
    await sync([tool('note-keeper', [v1, v11])], at(1));
    const map = await currentMap(toolId);
    expect(map.id).toBe(confirmedId);
    expect(map.status).toBe('CONFIRMED');
    expect(await reviewAlerts(toolId)).toHaveLength(0);
  });

  it('a version raising filesystem read → write: the map needs review with the reason, a fresh draft, an alert, the audit trail', async () => {
    const db = await getPrisma();
    await sync([tool('note-keeper', [v1, v11, v2])], at(2));
    const map = await currentMap(toolId);
    expect(map).toMatchObject({
      status: 'DERIVED',
      previousId: confirmedId,
      reviewReasons: ['Filesystem rose from read to write'],
      reviewVersion: { version: '2.0.0' },
      toolVersion: { version: '2.0.0' },
      authorId: null,
      confirmedById: null,
      note: 'Needs review: in version 2.0.0, filesystem rose from read to write',
    });
    // The fresh draft is derived from 2.0.0: writing to disk is now a destination.
    expect((map.destinations as { kind: string }[]).map((d) => d.kind)).toContain('LOCAL_DISK');
    const alerts = await reviewAlerts(toolId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'MEDIUM', state: 'OPEN', toolVersionId: map.reviewVersionId });
    expect(alerts[0]!.title).toContain('Filesystem rose from read to write');
    const reopened = await db.auditEvent.findFirstOrThrow({ where: { action: 'dataFlow.reopened', entityId: map.id } });
    expect(reopened).toMatchObject({ actorType: 'SYSTEM', entityType: 'DataFlowMap' });
    expect(await db.auditEvent.count({ where: { action: 'alert.raised', entityId: alerts[0]!.id, actorType: 'SYSTEM' } })).toBe(
      1,
    );
  });

  it('the same sync again changes nothing: still one draft, one alert, no new audit record', async () => {
    const db = await getPrisma();
    const before = { maps: await db.dataFlowMap.count({ where: { toolId } }), audits: await db.auditEvent.count() };
    await sync([tool('note-keeper', [v1, v11, v2])], at(3));
    await sync([tool('note-keeper', [v1, v11, v2])], at(4));
    expect(await db.dataFlowMap.count({ where: { toolId } })).toBe(before.maps);
    expect(await reviewAlerts(toolId)).toHaveLength(1);
    // Tool rows unchanged, versions known: the sync audits nothing for this tool.
    expect(await db.auditEvent.count()).toBe(before.audits);
  });

  it('shows on the page, the register, the overview and in the evidence pack', async () => {
    const flow = await getToolDataFlow({ actor: people.officer, input: { toolId } }, { now: at(4) });
    expect(flow?.current).toMatchObject({
      reviewReasons: ['Filesystem rose from read to write'],
      reviewVersion: { version: '2.0.0' },
    });
    // The earlier confirmed version stays in the history, and the diff shows the review opening.
    expect(flow?.history.map((h) => h.status)).toEqual(['DERIVED', 'CONFIRMED', 'DERIVED']);
    expect(flow?.history[0]!.changes.map((c) => c.path)).toEqual(expect.arrayContaining(['reviewReasons']));
    const register = await listDataFlowRegister({ actor: people.officer, input: { status: 'NEEDS_REVIEW' } });
    expect(register.rows.map((r) => r.toolId)).toEqual([toolId]);
    expect(register.needsReview).toBe(1);
    expect((await getDataFlowOverview({ actor: people.officer, input: {} }))?.needsReview).toBe(1);
    const rows = [];
    for await (const r of dataFlowsSection.rows({
      db: await getPrisma(),
      scope: { from: at(-1), to: at(10), environments: [], toolIds: [] },
      signal: new AbortController().signal,
    } as SectionContext))
      rows.push(r);
    expect(rows.find((r) => r.id === flow!.current!.id)).toMatchObject({ reviewReasons: ['Filesystem rose from read to write'] });
  });

  it('a person confirms again through the usual flow: the review is settled and later syncs leave it alone', async () => {
    const draft = await currentMap(toolId);
    const confirmed = await confirmDataFlow({ actor: people.security, input: { toolId, mapId: draft.id } }, { now: at(5) });
    expect(confirmed).toMatchObject({
      status: 'CONFIRMED',
      reviewReasons: [],
      reviewVersionId: null,
      toolVersionId: draft.toolVersionId,
    });
    await sync([tool('note-keeper', [v1, v11, v2])], at(6));
    expect((await currentMap(toolId)).id).toBe(confirmed.id);
    expect(await reviewAlerts(toolId)).toHaveLength(1);
  });
});

describe('what else reopens a map, and what does not', () => {
  it('a new allowed host reopens it; a re-derived draft keeps the pending review until a person confirms', async () => {
    const v1 = version('1.0.0', 0, { network: 'EXTERNAL' }, ['api.crm.example']);
    const v2 = version('1.1.0', 1, { network: 'EXTERNAL' }, ['api.crm.example', 'upload.crm.example']);
    await sync([tool('crm-sync', [v1])], at(0));
    const db = await getPrisma();
    const toolId = (await db.tool.findFirstOrThrow({ where: { externalId: 'crm-sync' } })).id;
    const first = await deriveDataFlow({ actor: people.officer, input: { toolId } }, { now: at(0) });
    await confirmDataFlow({ actor: people.security, input: { toolId, mapId: first.id } }, { now: at(0) });
    await sync([tool('crm-sync', [v1, v2])], at(1));
    const reopened = await currentMap(toolId);
    expect(reopened).toMatchObject({ status: 'DERIVED', reviewReasons: ['New allowed host upload.crm.example'] });
    expect(reopened.externalHosts).toEqual(['api.crm.example', 'upload.crm.example']);
    // "Derive again" by hand: still derived, still waiting for the review.
    const again = await deriveDataFlow({ actor: people.officer, input: { toolId, previousId: reopened.id } }, { now: at(2) });
    expect(again).toMatchObject({ status: 'DERIVED', reviewReasons: ['New allowed host upload.crm.example'] });
    expect(await reviewAlerts(toolId)).toHaveLength(1);
  });

  it('a version re-declared in place with more permissions reopens the map written for it', async () => {
    const v1 = version('3.0.0', 0, { dataAccess: 'READ' });
    await sync([tool('ledger-reader', [v1])], at(0));
    const db = await getPrisma();
    const toolId = (await db.tool.findFirstOrThrow({ where: { externalId: 'ledger-reader' } })).id;
    const first = await deriveDataFlow({ actor: people.officer, input: { toolId } }, { now: at(0) });
    await confirmDataFlow({ actor: people.security, input: { toolId, mapId: first.id } }, { now: at(0) });
    await sync([tool('ledger-reader', [{ ...v1, permissions: { ...NONE, dataAccess: 'READ_WRITE' } }])], at(1));
    expect(await currentMap(toolId)).toMatchObject({
      status: 'DERIVED',
      reviewReasons: ['Data access rose from read to read-write'],
      reviewVersion: { version: '3.0.0' },
    });
  });

  it('a tool without a map is left alone', async () => {
    await sync([tool('unmapped', [version('1.0.0', 0, {}), version('2.0.0', 1, { codeExecution: 'UNRESTRICTED' })])], at(1));
    const db = await getPrisma();
    const toolId = (await db.tool.findFirstOrThrow({ where: { externalId: 'unmapped' } })).id;
    expect(await db.dataFlowMap.count({ where: { toolId } })).toBe(0);
    expect(await reviewAlerts(toolId)).toHaveLength(0);
  });
});

describe('approving a version the map does not describe reopens it in the same transaction', () => {
  it('a change request approving a version with a new host reopens the map confirmed for the older one', async () => {
    const db = await getPrisma();
    const world = await db.tool.findFirstOrThrow({ where: { externalId: 'email-parser' }, include: { versions: true } });
    const older = world.versions[0]!;
    await db.tool.update({ where: { id: world.id }, data: { latestVersionId: older.id, latestVersionName: older.version } });
    const first = await deriveDataFlow({ actor: people.officer, input: { toolId: world.id } }, { now: at(0) });
    await confirmDataFlow({ actor: people.security, input: { toolId: world.id, mapId: first.id } }, { now: at(0) });
    const newer = await db.toolVersion.create({
      data: {
        toolId: world.id,
        version: '2.2.0',
        artifactDigest: 'sha256:bbb',
        network: 'EXTERNAL',
        allowedDomains: ['api.mail.test', 'archive.mail.test'],
        tier: 'GOLD',
        trustScore: 95,
        verificationState: 'PASSED',
        lastVerifiedAt: new Date(),
      },
    });
    const agent = await db.agent.create({ data: { name: 'mail-agent-staging', environment: 'STAGING', owner: 'ops' } });
    const request = await createChangeRequest({
      actor: people.officer,
      input: {
        kind: 'NEW_TOOL',
        toolVersionId: newer.id,
        agentId: agent.id,
        environment: 'STAGING',
        justification: 'The support agent archives the threads it parses.',
      },
    });
    // Nothing moves while the request is in review.
    expect((await currentMap(world.id)).status).toBe('CONFIRMED');
    let state = request.state;
    while (state !== 'APPROVED') {
      const reviewer = state === 'SECURITY_REVIEW' ? people.security : people.officer2;
      state = (await decideChangeRequest({ actor: reviewer, input: { id: request.id, decision: 'APPROVED', comment: 'ok' } }))
        .state;
    }
    expect(await currentMap(world.id)).toMatchObject({
      status: 'DERIVED',
      reviewReasons: ['New allowed host archive.mail.test'],
      reviewVersion: { version: '2.2.0' },
    });
    expect(await reviewAlerts(world.id)).toHaveLength(1);
    expect(await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} })).toMatchObject({ ok: true });
  });
});
