/**
 * Issue 14 points 1, 3, 4: audits scoped to their auditors and time-boxed, populations of the
 * period, seeded samples, PBC requests, through the real operations (PGlite and PostgreSQL).
 * Change requests and installations come from the real workflow (create → review → deploy).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@prisma/client';
import { withTestDatabase } from '@/lib/testing/test-database';
import { getPrisma } from '@/lib/db/client';
import { createAgent, createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import { snapshotTables } from '@/lib/testing/db-snapshot';
import type { Actor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import { drawSample } from '@/lib/domain/audits/sampling';
import { createChangeRequest } from '@/lib/server/change-requests/create-change-request';
import { decideChangeRequest } from '@/lib/server/change-requests/decide-change-request';
import { deployChangeRequest } from '@/lib/server/change-requests/deploy-change-request';
import { createEngagement } from './create-engagement';
import { listEngagements } from './list-engagements';
import { getEngagement } from './get-engagement';
import { listPopulation } from './list-population';
import { exportPopulationCsv } from './export-population-csv';
import { drawEngagementSample } from './draw-sample';
import { getEngagementSample } from './get-sample';
import { openEngagementRequest } from './open-engagement-request';
import { answerEngagementRequest } from './answer-engagement-request';
import { acceptEngagementRequest } from './accept-engagement-request';
import { followUpEngagementRequest } from './follow-up-engagement-request';
import { downloadReplyFile, getEngagementRequest } from './get-engagement-request';
import { getCriterionWorkspace } from './get-criterion-workspace';
import { listApiKeys } from '@/lib/server/api-keys/list-api-keys';
import { listUsers } from '@/lib/server/users/list-users';
import { listRegistries } from '@/lib/server/registries/list-registries';
import { getComplianceMatrix } from '@/lib/server/policies/get-compliance-matrix';
import { getComplianceReport } from '@/lib/server/reports/get-compliance-report';
import { downloadComplianceReportPdf } from '@/lib/server/reports/download-compliance-report-pdf';
import { getGovernancePolicy } from '@/lib/server/reports/get-governance-policy';
import { createRegistry as saveRegistry } from '@/lib/server/registries/save-registry';

const t = withTestDatabase();
let db: PrismaClient;
type Person = Actor & { type: 'USER' };
const people = {} as Record<'ada' | 'carla' | 'chris' | 'sam' | 'audrey' | 'otto', Person>;
let q1 = '';
let other = '';
let stagingRequest = '';
const inWindow = new Date('2026-04-10T12:00:00Z');
const afterWindow = new Date('2026-05-01T00:00:00Z');
const beforeWindow = new Date('2026-03-31T23:59:59Z');
const at = (day: string) => ({ now: new Date(`${day}T10:00:00Z`) });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeAll(async () => {
  db = await getPrisma();
  const roles = {
    ada: 'ADMIN',
    carla: 'COMPLIANCE_OFFICER',
    chris: 'COMPLIANCE_OFFICER',
    sam: 'SECURITY_REVIEWER',
    audrey: 'AUDITOR',
    otto: 'AUDITOR',
  } as const;
  for (const [key, role] of Object.entries(roles)) {
    const u = await db.user.create({ data: { email: `${key}@audits.test`, name: key, role } });
    people[key as keyof typeof people] = { type: 'USER', id: u.id, label: u.email, role };
  }
  const registry = await createRegistry(db);
  const publisher = await createPublisher(db, { registryId: registry.id, trustLevel: 'VERIFIED' });
  // Twelve requests in Q1 through the real workflow, deployed; one in staging; one in April.
  const prodAgent = await createAgent(db, { environment: 'PRODUCTION' });
  for (let i = 0; i < 12; i++) {
    const { versions } = await createTool(db, {
      registryId: registry.id,
      publisherId: publisher.id,
      versions: [{ version: '1.0.0', score: 95 }],
    });
    const day = `2026-0${1 + (i % 3)}-${String(10 + i).padStart(2, '0')}`;
    const r = await createChangeRequest(
      {
        actor: people.carla,
        input: {
          kind: 'NEW_TOOL',
          toolVersionId: versions[0]!.id,
          agentId: prodAgent.id,
          environment: 'PRODUCTION',
          justification: 'Needed for the support desk.',
        },
      },
      { db, ...at(day) },
    );
    if (r.state === 'COMPLIANCE_REVIEW')
      await decideChangeRequest(
        { actor: people.chris, input: { id: r.id, decision: 'APPROVED', comment: 'ok' } },
        { db, ...at(day) },
      );
    const again = await db.changeRequest.findUniqueOrThrow({ where: { id: r.id } });
    if (again.state === 'SECURITY_REVIEW')
      await decideChangeRequest(
        { actor: people.sam, input: { id: r.id, decision: 'APPROVED', comment: 'ok' } },
        { db, ...at(day) },
      );
    await deployChangeRequest({ actor: people.ada, input: { id: r.id } }, { db, ...at(day) });
  }
  const stagingAgent = await createAgent(db, { environment: 'STAGING' });
  const { versions } = await createTool(db, {
    registryId: registry.id,
    publisherId: publisher.id,
    versions: [{ version: '1.0.0', score: 95 }],
  });
  stagingRequest = (
    await createChangeRequest(
      {
        actor: people.carla,
        input: {
          kind: 'NEW_TOOL',
          toolVersionId: versions[0]!.id,
          agentId: stagingAgent.id,
          environment: 'STAGING',
          justification: 'Staging trial before the quarterly release.',
        },
      },
      { db, ...at('2026-02-02') },
    )
  ).id;
  // An installation written without any request: the population must flag it.
  const unapproved = await createTool(db, { registryId: registry.id, publisherId: publisher.id });
  await db.installation.create({
    data: {
      agentId: prodAgent.id,
      toolId: unapproved.tool.id,
      toolVersionId: unapproved.versions[0]!.id,
      environment: 'PRODUCTION',
      state: 'ACTIVE',
      approvedAt: new Date('2026-02-20T00:00:00Z'),
      activatedAt: new Date('2026-02-20T00:00:00Z'),
      createdAt: new Date('2026-02-20T00:00:00Z'),
    },
  });

  const base = {
    firm: 'Example LLP',
    periodFrom: '2026-01-01',
    periodTo: '2026-03-31',
    criteria: ['CC8.1'],
    accessOpens: '2026-04-01',
    accessCloses: '2026-05-01',
  };
  q1 = (
    await createEngagement(
      { actor: people.carla, input: { ...base, name: 'Q1', environments: ['PRODUCTION'], auditorIds: [people.audrey.id] } },
      { db },
    )
  ).id;
  other = (
    await createEngagement(
      { actor: people.ada, input: { ...base, name: 'Other', environments: ['STAGING'], auditorIds: [people.otto.id] } },
      { db },
    )
  ).id;
}, 240_000);

describe('audits: creation and scope', () => {
  it.each([
    ['sam', 'SECURITY_REVIEWER'],
    ['audrey', 'AUDITOR'],
  ] as const)('refuses %s (%s) creating an audit', async (who, _role) => {
    const err = await refusal(createEngagement({ actor: people[who], input: {} as never }, { db: db }));
    expect(err.status).toBe(403);
  });

  it('refuses bad input field by field, and an auditor id that is not an auditor', async () => {
    const err = await refusal(
      createEngagement(
        {
          actor: people.carla,
          input: {
            name: '',
            firm: 'F',
            periodFrom: '2026-03-01',
            periodTo: '2026-02-01',
            environments: [],
            criteria: ['XX'],
            accessOpens: '2026-04-01',
            accessCloses: '2026-04-01',
            auditorIds: [],
          },
        },
        { db },
      ),
    );
    expect(err.issues.map((i) => i.path).sort()).toEqual(['auditorIds', 'criteria.0', 'environments', 'name']);
    const crossed = await refusal(
      createEngagement(
        {
          actor: people.carla,
          input: {
            name: 'X',
            firm: 'F',
            periodFrom: '2026-03-01',
            periodTo: '2026-02-01',
            environments: ['PRODUCTION'],
            criteria: ['CC8.1'],
            accessOpens: '2026-04-01',
            accessCloses: '2026-04-01',
            auditorIds: [people.audrey.id],
          },
        },
        { db },
      ),
    );
    expect(crossed.issues.map((i) => i.path).sort()).toEqual(['accessCloses', 'periodTo']);
    const notAuditor = await refusal(
      createEngagement(
        {
          actor: people.carla,
          input: {
            name: 'X',
            firm: 'F',
            periodFrom: '2026-01-01',
            periodTo: '2026-01-31',
            environments: ['PRODUCTION'],
            criteria: ['CC8.1'],
            accessOpens: '2026-04-01',
            accessCloses: '2026-05-01',
            auditorIds: [people.sam.id],
          },
        },
        { db },
      ),
    );
    expect(notAuditor.issues[0]?.path).toBe('auditorIds');
  });

  it('lists to an auditor only the audits assigned to them, with their window state', async () => {
    const mine = await listEngagements({ actor: people.audrey, input: {} }, { db, now: inWindow });
    expect(mine.map((e) => [e.name, e.access])).toEqual([['Q1', 'open']]);
    expect((await listEngagements({ actor: people.audrey, input: {} }, { db, now: afterWindow })).map((e) => e.access)).toEqual([
      'closed',
    ]);
    expect((await listEngagements({ actor: people.carla, input: {} }, { db })).length).toBe(2);
  });

  it.each([
    ['before the window', beforeWindow, 'not opened yet'],
    ['after the window', afterWindow, 'closed'],
  ])('refuses the auditor %s and logs the attempt', async (_label, now, message) => {
    const before = await db.auditEvent.count({ where: { action: 'engagement.accessRefused' } });
    const err = await refusal(getEngagement({ actor: people.audrey, input: { engagementId: q1 } }, { db, now }));
    expect(err.status).toBe(403);
    expect(err.message).toContain(message);
    expect(await db.auditEvent.count({ where: { action: 'engagement.accessRefused' } })).toBe(before + 1);
  });

  it("refuses an auditor another audit's data, whatever the operation", async () => {
    const ctx = { db, now: inWindow };
    const calls = [
      () => getEngagement({ actor: people.audrey, input: { engagementId: other } }, ctx),
      () => listPopulation({ actor: people.audrey, input: { engagementId: other, population: 'changeRequests' } }, ctx),
      () => exportPopulationCsv({ actor: people.audrey, input: { engagementId: other, population: 'changeRequests' } }, ctx),
      () =>
        drawEngagementSample(
          { actor: people.audrey, input: { engagementId: other, population: 'changeRequests', seed: 's', sizeRule: 'aicpa' } },
          ctx,
        ),
      () =>
        openEngagementRequest(
          {
            actor: people.audrey,
            input: { engagementId: other, population: 'changeRequests', recordId: stagingRequest, kind: 'FLAG', body: 'x' },
          },
          ctx,
        ),
    ];
    for (const call of calls) expect((await refusal(call())).status).toBe(403);
  });
});

describe('criterion workspace', () => {
  it('shows the control, how it is evidenced, its live state and the populations behind it in the period', async () => {
    const w = await getCriterionWorkspace(
      { actor: people.audrey, input: { engagementId: q1, criterionId: 'CC8.1' } },
      { db, now: inWindow },
    );
    expect(w.control?.summary).toMatch(/Changes are authorized/);
    expect(w.control?.evidencedBy).toMatch(/change request/);
    expect(w.live?.evidence.map((e) => e.kind)).toEqual(['change-requests', 'approvals', 'policy-history', 'audit-trail']);
    // The period's change requests are counted as evidence of the period (the April one is not).
    expect(w.live?.evidence.find((e) => e.kind === 'change-requests')?.count).toBe(13);
    // The installation nothing approved keeps CC8.1 from ok.
    expect(w.live?.state).toBe('gap');
    expect(w.live?.findings.map((f) => f.reason)).toContain('1 installation without an approved change or allowlist entry.');
    expect(w.populations.map((p) => [p.population, p.total])).toEqual([
      ['changeRequests', 12],
      ['approvals', expect.any(Number)],
      ['installations', 13],
    ]);
  });

  it('refuses a criterion outside the audit, an unknown one, another audit and a closed window', async () => {
    const ctx = { db, now: inWindow };
    const call = (actor: Actor, engagementId: string, criterionId: string, c = ctx) =>
      refusal(getCriterionWorkspace({ actor, input: { engagementId, criterionId: criterionId as 'CC8.1' } }, c));
    expect((await call(people.audrey, q1, 'CC6.2')).status).toBe(404);
    expect((await call(people.audrey, q1, 'CC1.1')).issues[0]?.path).toBe('criterionId');
    expect((await call(people.audrey, other, 'CC8.1')).status).toBe(403);
    expect((await call(people.audrey, q1, 'CC8.1', { db, now: afterWindow })).status).toBe(403);
  });
});

describe('what an auditor can never reach (route×role, at the operations)', () => {
  it("refuses another audit's environment on the current-state pages (matrix, compliance report) and the live governance policy", async () => {
    const ctx = { db, now: inWindow };
    // Audrey's audit is production; the other audit's is staging (ADR 0010, last update).
    const calls = [
      () => getComplianceMatrix({ actor: people.audrey, input: { environment: 'STAGING' } }, ctx),
      () => getComplianceReport({ actor: people.audrey, input: { environment: 'STAGING' } }, ctx),
      () => downloadComplianceReportPdf({ actor: people.audrey, input: { environment: 'STAGING' } }, ctx),
      () => getGovernancePolicy({ actor: people.audrey, input: {} }, ctx),
    ];
    for (const call of calls) expect((await refusal(call())).status).toBe(403);
    // The other audit's auditor reads their own environment.
    expect((await getComplianceReport({ actor: people.otto, input: { environment: 'STAGING' } }, ctx)).scopedTo).toEqual([
      'STAGING',
    ]);
  });

  it("refuses another audit's samples, requests and files, and moving another auditor's request", async () => {
    const ctx = { db, now: inWindow };
    const sample = await drawEngagementSample(
      {
        actor: people.otto,
        input: { engagementId: other, population: 'changeRequests', seed: 'other', sizeRule: 'chosen', size: 1 },
      },
      ctx,
    );
    const request = await openEngagementRequest(
      {
        actor: people.otto,
        input: { engagementId: other, population: 'changeRequests', recordId: stagingRequest, kind: 'REQUEST', body: 'Show me' },
      },
      ctx,
    );
    const answered = await answerEngagementRequest(
      {
        actor: people.carla,
        input: { requestId: request.id, note: 'Here.', file: { name: 'a.txt', type: 'text/plain', bytes: new Uint8Array([1]) } },
      },
      ctx,
    );
    expect(answered.state).toBe('ANSWERED');
    const reply = await db.engagementReply.findFirstOrThrow({ where: { requestId: request.id } });
    const before = await snapshotTables(t.db());
    const calls = [
      () => getEngagementSample({ actor: people.audrey, input: { engagementId: other, sampleId: sample.id } }, ctx),
      () => getEngagementSample({ actor: people.audrey, input: { engagementId: q1, sampleId: sample.id } }, ctx),
      () => getEngagementRequest({ actor: people.audrey, input: { requestId: request.id } }, ctx),
      () => downloadReplyFile({ actor: people.audrey, input: { requestId: request.id, replyId: reply.id } }, ctx),
      () => acceptEngagementRequest({ actor: people.audrey, input: { requestId: request.id } }, ctx),
      () => followUpEngagementRequest({ actor: people.audrey, input: { requestId: request.id, note: 'x' } }, ctx),
    ];
    for (const call of calls) expect([403, 404]).toContain((await refusal(call())).status);
    // Refusals write only their own record to the audit trail (and its chain head); nothing else changes.
    const after = await snapshotTables(t.db());
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed.filter((k) => !/^(AuditEvent|AuditChain)/.test(k))).toEqual([]);
    expect(changed).toContain('AuditEvent');
  });

  it('refuses every mutation outside the audit portal, nothing written', async () => {
    const ctx = { db, now: inWindow };
    const before = await snapshotTables(t.db());
    const calls = [
      () => createEngagement({ actor: people.audrey, input: {} as never }, ctx),
      () =>
        createChangeRequest(
          {
            actor: people.audrey,
            input: {
              kind: 'NEW_TOOL',
              toolVersionId: 'x',
              agentId: 'y',
              environment: 'PRODUCTION',
              justification: 'Needed for audit.',
            },
          },
          ctx,
        ),
      () =>
        decideChangeRequest({ actor: people.audrey, input: { id: stagingRequest, decision: 'APPROVED', comment: 'ok' } }, ctx),
      () => deployChangeRequest({ actor: people.audrey, input: { id: stagingRequest } }, ctx),
      () => answerEngagementRequest({ actor: people.audrey, input: { requestId: 'r', note: 'x' } }, ctx),
      () => saveRegistry({ actor: people.audrey, input: {} as never }, ctx),
    ];
    for (const call of calls) expect((await refusal(call())).status).toBe(403);
    expect(await snapshotTables(t.db())).toEqual(before);
  });

  it('never shows an auditor API keys, password metadata or registry secrets', async () => {
    const ctx = { db, now: inWindow };
    expect((await refusal(listApiKeys({ actor: people.audrey, input: {} }, ctx))).status).toBe(403);
    const users = await listUsers({ actor: people.audrey, input: {} }, ctx);
    expect(users.rows.length).toBeGreaterThan(0);
    for (const u of users.rows) {
      expect(u).toMatchObject({ hasPassword: null, ssoBound: null, ssoLinkApprovedAt: null });
      expect(Object.keys(u).filter((k) => /password|hash|oidc/i.test(k) && k !== 'hasPassword')).toEqual([]);
    }
    // An administrator does see whether an account has a password (to reset it or link SSO).
    expect((await listUsers({ actor: people.ada, input: {} }, ctx)).rows.every((u) => typeof u.hasPassword === 'boolean')).toBe(
      true,
    );
    await db.registry.updateMany({ data: { apiKeySealed: 'v1:sealed-registry-secret' } });
    const registries = await listRegistries({ actor: people.audrey, input: {} }, ctx);
    expect(registries.length).toBeGreaterThan(0);
    for (const r of registries) expect(JSON.stringify(r)).not.toMatch(/apiKeySealed|sealed-registry-secret/);
  });
});

describe('populations and samples', () => {
  it('holds the period and environments of the audit only, with requester, approvers and times', async () => {
    const page = await listPopulation(
      { actor: people.audrey, input: { engagementId: q1, population: 'changeRequests' } },
      { db: db, now: inWindow },
    );
    expect(page.total).toBe(12);
    expect(page.rows.map((r) => r.id)).not.toContain(stagingRequest);
    const deployed = page.rows[0]!.cells;
    expect(deployed.requester).toContain('carla');
    expect(deployed.approvers).toMatch(/COMPLIANCE: APPROVED by chris|fast-track/);
    expect(deployed.deployedAt).not.toBe('');
    const february = await listPopulation(
      { actor: people.audrey, input: { engagementId: q1, population: 'changeRequests', from: '2026-02-01', to: '2026-02-28' } },
      { db: db, now: inWindow },
    );
    expect(february.total).toBe(4);
  });

  it('links every deployed installation to its change request and flags the one nothing approved', async () => {
    const page = await listPopulation(
      { actor: people.carla, input: { engagementId: q1, population: 'installations' } },
      { db: db },
    );
    expect(page.total).toBe(13);
    const flagged = page.rows.filter((r) => r.flag);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.cells.changeRequest).toBe('none (unapproved)');
    expect(
      page.rows.filter((r) => !r.flag).every((r) => r.cells.state === 'ACTIVE' && (r.cells.changeRequest ?? '').length > 10),
    ).toBe(true);
  });

  it('draws 10 with a seed, the same 10 again with the same seed, as the documented method says; refuses bad sizes and seeds', async () => {
    const ctx = { db, now: inWindow };
    const input = {
      engagementId: q1,
      population: 'changeRequests' as const,
      seed: 'q1-2026',
      sizeRule: 'chosen' as const,
      size: 10,
    };
    const first = await drawEngagementSample({ actor: people.audrey, input }, ctx);
    const second = await drawEngagementSample({ actor: people.audrey, input }, ctx);
    expect(first.itemIds).toHaveLength(10);
    expect(second.itemIds).toEqual(first.itemIds);
    const ids = (await db.changeRequest.findMany({ where: { environment: 'PRODUCTION' }, select: { id: true } })).map(
      (r) => r.id,
    );
    expect(first.itemIds).toEqual(drawSample('q1-2026', ids, 10));
    const third = await drawEngagementSample({ actor: people.audrey, input: { ...input, seed: 'another' } }, ctx);
    expect(third.itemIds).not.toEqual(first.itemIds);
    expect(
      (await drawEngagementSample({ actor: people.audrey, input: { ...input, sizeRule: 'aicpa', size: undefined } }, ctx)).size,
    ).toBe(2);

    const before = await snapshotTables(t.db());
    expect(
      (await refusal(drawEngagementSample({ actor: people.audrey, input: { ...input, size: 13 } }, ctx))).issues[0]?.path,
    ).toBe('size');
    expect(
      (await refusal(drawEngagementSample({ actor: people.audrey, input: { ...input, seed: 'two words' } }, ctx))).issues[0]
        ?.path,
    ).toBe('seed');
    expect(
      (await refusal(drawEngagementSample({ actor: people.audrey, input: { ...input, population: 'exceptions' } }, ctx)))
        .issues[0]?.path,
    ).toBe('population');
    expect(await snapshotTables(t.db())).toEqual(before);

    const shown = await getEngagementSample({ actor: people.audrey, input: { engagementId: q1, sampleId: first.id } }, ctx);
    expect(shown.items.map((i) => i.id)).toEqual(first.itemIds);
    for (const item of shown.items)
      expect(item.trail.map((e) => e.action)).toEqual(expect.arrayContaining(['changeRequest.deployed']));
  });

  it('streams the CSV and records the download, for every role', async () => {
    for (const who of ['audrey', 'carla'] as const) {
      const before = await db.auditEvent.count({ where: { action: 'engagement.downloaded', actorLabel: people[who].label } });
      const stream = await exportPopulationCsv(
        { actor: people[who], input: { engagementId: q1, population: 'installations' } },
        { db, now: inWindow },
      );
      const text = await new Response(stream).text();
      expect(text.trim().split('\n')).toHaveLength(14);
      expect(text).toContain('none (unapproved)');
      expect(await db.auditEvent.count({ where: { action: 'engagement.downloaded', actorLabel: people[who].label } })).toBe(
        before + 1,
      );
    }
  });
});

describe('requests and comments (PBC)', () => {
  it('flag → answer with a file → follow up → answer → accept; only the right people move it', async () => {
    const ctx = { db, now: inWindow };
    const recordId = (
      await listPopulation({ actor: people.audrey, input: { engagementId: q1, population: 'changeRequests' } }, ctx)
    ).rows[0]!.id;
    const flag = await openEngagementRequest(
      {
        actor: people.audrey,
        input: {
          engagementId: q1,
          population: 'changeRequests',
          recordId,
          kind: 'FLAG',
          body: 'Who approved the security stage?',
        },
      },
      ctx,
    );
    expect(flag.state).toBe('OPEN');
    expect((await refusal(acceptEngagementRequest({ actor: people.audrey, input: { requestId: flag.id } }, ctx))).status).toBe(
      409,
    );
    expect(
      (await refusal(answerEngagementRequest({ actor: people.audrey, input: { requestId: flag.id, note: 'x' } }, ctx))).status,
    ).toBe(403);
    const bytes = new TextEncoder().encode('ticket export');
    const answered = await answerEngagementRequest(
      {
        actor: people.carla,
        input: { requestId: flag.id, note: 'See the attached ticket.', file: { name: 'ticket.txt', type: 'text/plain', bytes } },
      },
      ctx,
    );
    expect(answered.state).toBe('ANSWERED');
    const tooBig = await refusal(
      answerEngagementRequest(
        {
          actor: people.carla,
          input: { requestId: flag.id, note: 'n', file: { name: 'big.bin', type: '', bytes: new Uint8Array(600 * 1024) } },
        },
        ctx,
      ),
    );
    expect(tooBig.issues[0]?.path).toBe('file.bytes');
    expect((await refusal(acceptEngagementRequest({ actor: people.otto, input: { requestId: flag.id } }, ctx))).status).toBe(403);
    expect(
      (await followUpEngagementRequest({ actor: people.audrey, input: { requestId: flag.id, note: 'And the date?' } }, ctx))
        .state,
    ).toBe('OPEN');
    await answerEngagementRequest({ actor: people.chris, input: { requestId: flag.id, note: 'Approved on the same day.' } }, ctx);
    expect((await acceptEngagementRequest({ actor: people.audrey, input: { requestId: flag.id } }, ctx)).state).toBe('ACCEPTED');

    const shown = await getEngagementRequest({ actor: people.audrey, input: { requestId: flag.id } }, ctx);
    expect(shown.request.replies.map((r) => r.note)).toEqual([
      'See the attached ticket.',
      'And the date?',
      'Approved on the same day.',
    ]);
    const withFile = shown.request.replies[0]!;
    expect(withFile.fileSha256).toBe('1bded1eb6fa75ad34907ad95be3d5682efbf743c2f31ade04c398a9babb54f92');
    const file = await downloadReplyFile({ actor: people.audrey, input: { requestId: flag.id, replyId: withFile.id } }, ctx);
    expect(new TextDecoder().decode(file.data)).toBe('ticket export');
    // Replies are evidence: the database refuses to change them.
    await expect(db.engagementReply.update({ where: { id: withFile.id }, data: { note: 'changed' } })).rejects.toThrow(
      /append-only/,
    );
  });

  it('refuses a request on a record outside the audit scope, and marks overdue requests', async () => {
    const err = await refusal(
      openEngagementRequest(
        {
          actor: people.audrey,
          input: { engagementId: q1, population: 'changeRequests', recordId: stagingRequest, kind: 'REQUEST', body: 'Show me' },
        },
        { db, now: inWindow },
      ),
    );
    expect(err.status).toBe(403);
    expect(err.message).toContain('outside');
    const recordId = (await listPopulation({ actor: people.carla, input: { engagementId: q1, population: 'alerts' } }, { db }))
      .total;
    expect(recordId).toBe(0);
    const cr = (await listPopulation({ actor: people.carla, input: { engagementId: q1, population: 'changeRequests' } }, { db }))
      .rows[1]!.id;
    await openEngagementRequest(
      {
        actor: people.audrey,
        input: {
          engagementId: q1,
          population: 'changeRequests',
          recordId: cr,
          kind: 'REQUEST',
          body: 'Evidence please',
          dueDay: '2026-04-12',
        },
      },
      { db, now: inWindow },
    );
    const later = await getEngagement(
      { actor: people.carla, input: { engagementId: q1 } },
      { db, now: new Date('2026-04-20T00:00:00Z') },
    );
    expect(later.requests.find((r) => r.recordId === cr)?.overdue).toBe(true);
  });
});
