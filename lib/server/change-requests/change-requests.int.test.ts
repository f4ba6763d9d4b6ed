import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { appError, createChangeRequestWorld, type ChangeRequestWorld } from '@/lib/testing/change-request-world';
import { getPrisma } from '@/lib/db/client';
import { AppError } from '@/lib/server/errors';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { createChangeRequest } from './create-change-request';
import { decideChangeRequest } from './decide-change-request';
import { deployChangeRequest } from './deploy-change-request';
import { withdrawChangeRequest } from './withdraw-change-request';
import { addChangeComment } from './add-change-comment';
import { getInbox } from './get-inbox';
import { listChangeRequests } from './list-change-requests';
import { getChangeRequest } from './get-change-request';
import { addAllowlistEntry } from './add-allowlist-entry';
import { decideAllowlistEntry } from './decide-allowlist-entry';
import { getEnvironmentExports } from '@/lib/server/exports/get-environment-exports';
import { openAuditFor } from '@/lib/testing/open-audit';

withTestDatabase();

let actors: ChangeRequestWorld<'requester' | 'compliance2' | 'security' | 'admin' | 'auditor', never>['actors'];
let prodAgent: string;
let stagingAgent: string;
let toolId: string;
let externalV1: string;
let cleanToolId: string;
let cleanV1: string;

const JUSTIFICATION = 'Support agents need to parse inbound email threads.';

beforeAll(async () => {
  const world = await createChangeRequestWorld({
    people: {
      requester: 'COMPLIANCE_OFFICER',
      compliance2: 'COMPLIANCE_OFFICER',
      security: 'SECURITY_REVIEWER',
      admin: 'ADMIN',
      auditor: 'AUDITOR',
    },
    emailDomain: 'example.test',
    agents: {
      prod: { name: 'support-agent-prod-01', environment: 'PRODUCTION' },
      staging: { name: 'support-agent-stg-01', environment: 'STAGING' },
    },
  });
  ({ actors, externalV1, cleanToolId, cleanV1 } = world);
  // The auditor reads with an audit open over all time (their pages are scoped to it, ADR 0010).
  await openAuditFor(await getPrisma(), actors.auditor);
  toolId = world.externalToolId;
  prodAgent = world.agents.prod;
  stagingAgent = world.agents.staging;
});

describe('change request lifecycle', () => {
  let requestId: string;

  it('raises a request with the policy snapshot, the pinned digest and a REQUESTED installation', async () => {
    const r = await createChangeRequest({
      actor: actors.requester,
      input: {
        kind: 'NEW_TOOL',
        toolVersionId: externalV1,
        agentId: prodAgent,
        environment: 'PRODUCTION',
        justification: JUSTIFICATION,
      },
    });
    requestId = r.id;
    expect(r).toMatchObject({
      state: 'COMPLIANCE_REVIEW',
      source: 'USER',
      artifactDigest: 'sha256:aaa',
      requiresSecurityReview: true,
    });
    const snap = r.evaluationSnapshot as {
      passes: boolean;
      reviewTriggers: { trigger: string }[];
      fastTrack: { eligible: boolean };
    };
    expect(snap.passes).toBe(true);
    expect(snap.reviewTriggers.map((t) => t.trigger)).toEqual(['external-network']);
    expect(snap.fastTrack.eligible).toBe(false);
    const prisma = await getPrisma();
    expect(
      await prisma.installation.findUniqueOrThrow({
        where: { agentId_toolVersionId: { agentId: prodAgent, toolVersionId: externalV1 } },
      }),
    ).toMatchObject({ state: 'REQUESTED', approvedDigest: null });
    expect(await prisma.auditEvent.count({ where: { entityId: r.id, action: 'changeRequest.created' } })).toBe(1);
  });

  it('refuses a second request for a version the agent already has, on the version field', async () => {
    const err = await appError(
      createChangeRequest({
        actor: actors.compliance2,
        input: {
          kind: 'NEW_TOOL',
          toolVersionId: externalV1,
          agentId: prodAgent,
          environment: 'PRODUCTION',
          justification: JUSTIFICATION,
        },
      }),
    );
    expect(err.status).toBe(400);
    expect(err.issues[0]).toMatchObject({ path: 'toolVersionId' });
    expect(err.message).toMatch(/already has Email parser 2\.1\.0 \(requested\)/);
  });

  it.each([
    ['requester (segregation of duties)', 'requester', 403, /you raised this request/],
    ['security reviewer at the compliance stage', 'security', 403, /decided by compliance officer or admin/],
    ['auditor (permission checked first)', 'auditor', 403, /may not changeRequest → review/],
  ] as const)('refuses the %s and changes nothing', async (_n, who, status, message) => {
    const err = await appError(
      decideChangeRequest({ actor: actors[who], input: { id: requestId, decision: 'APPROVED', comment: '' } }),
    );
    expect(err.status).toBe(status);
    expect(err.message).toMatch(message);
    const prisma = await getPrisma();
    expect(await prisma.approval.count({ where: { changeRequestId: requestId } })).toBe(0);
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: requestId } })).state).toBe('COMPLIANCE_REVIEW');
  });

  it('shows the request in the inboxes of those who may decide it, not the requester', async () => {
    expect((await getInbox({ actor: actors.compliance2, input: {} })).map((r) => r.id)).toContain(requestId);
    expect((await getInbox({ actor: actors.requester, input: {} })).map((r) => r.id)).not.toContain(requestId);
    expect(await getInbox({ actor: actors.security, input: {} })).toEqual([]);
    expect(await getInbox({ actor: actors.auditor, input: {} })).toEqual([]);
  });

  it('moves to security review after compliance approval; a stale second compliance decision gets 409', async () => {
    const r = await decideChangeRequest({
      actor: actors.compliance2,
      input: { id: requestId, decision: 'APPROVED', comment: 'Owner confirmed', stage: 'COMPLIANCE' },
    });
    expect(r.state).toBe('SECURITY_REVIEW');
    const err = await appError(
      decideChangeRequest({
        actor: actors.admin,
        input: { id: requestId, decision: 'APPROVED', comment: '', stage: 'COMPLIANCE' },
      }),
    );
    expect(err.status).toBe(409);
    expect(err.message).toMatch(/already decided by compliance2/);
    expect((await getInbox({ actor: actors.security, input: {} })).map((x) => x.id)).toEqual([requestId]);
  });

  it('lets exactly one of two concurrent security decisions win', async () => {
    const results = await Promise.allSettled([
      decideChangeRequest({
        actor: actors.security,
        input: { id: requestId, decision: 'APPROVED', comment: 'Domains reviewed', stage: 'SECURITY' },
      }),
      decideChangeRequest({
        actor: actors.admin,
        input: { id: requestId, decision: 'REJECTED', comment: 'Not needed now', stage: 'SECURITY' },
      }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0]!.reason as AppError).status).toBe(409);
    expect((lost[0]!.reason as AppError).message).toMatch(/already decided by/);
    const prisma = await getPrisma();
    expect(await prisma.approval.count({ where: { changeRequestId: requestId, stage: 'SECURITY' } })).toBe(1);
  });

  it('approval pins the digest on the installation; deploy activates it; the export lists it', async () => {
    const prisma = await getPrisma();
    const request = await prisma.changeRequest.findUniqueOrThrow({ where: { id: requestId } });
    const inst = () =>
      prisma.installation.findUniqueOrThrow({
        where: { agentId_toolVersionId: { agentId: prodAgent, toolVersionId: externalV1 } },
      });
    if (request.state === 'REJECTED') {
      expect((await inst()).state).toBe('REVOKED');
      return;
    }
    expect(request.state).toBe('APPROVED');
    expect(await inst()).toMatchObject({ state: 'APPROVED', approvedDigest: 'sha256:aaa' });
    const err = await appError(decideChangeRequest({ actor: actors.security, input: { id: requestId, decision: 'APPROVED' } }));
    expect(err.status).toBe(409);
    await deployChangeRequest({ actor: actors.compliance2, input: { id: requestId } });
    expect((await inst()).state).toBe('ACTIVE');
    expect((await appError(deployChangeRequest({ actor: actors.compliance2, input: { id: requestId } }))).status).toBe(409);
    const exported = await getEnvironmentExports({ actor: actors.auditor, input: { environment: 'PRODUCTION' } });
    expect(exported.allowed.map((v) => v.externalId)).toEqual(['email-parser']);
    expect(exported.toolHive.files[0]).toMatchObject({
      artifactDigest: 'sha256:aaa',
      profile: { network: { outbound: { allow_host: ['api.mail.test'], allow_port: [] } } },
    });
    const detail = await getChangeRequest({ actor: actors.auditor, input: { id: requestId } });
    expect(detail.approvals.map((a) => a.stage)).toEqual(['COMPLIANCE', 'SECURITY']);
  });
});

describe('digest pinning, fast-track, bad input', () => {
  it('refuses to approve when the artifact was re-published under the same version', async () => {
    const prisma = await getPrisma();
    const r = await createChangeRequest({
      actor: actors.requester,
      input: {
        kind: 'NEW_TOOL',
        toolVersionId: externalV1,
        agentId: stagingAgent,
        environment: 'STAGING',
        justification: JUSTIFICATION,
      },
    });
    await prisma.toolVersion.update({ where: { id: externalV1 }, data: { artifactDigest: 'sha256:bbb' } });
    const err = await appError(decideChangeRequest({ actor: actors.compliance2, input: { id: r.id, decision: 'APPROVED' } }));
    expect(err.status).toBe(409);
    expect(err.message).toMatch(/approved for sha256:aaa, now sha256:bbb/);
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: r.id } })).state).toBe('COMPLIANCE_REVIEW');
    const rejected = await decideChangeRequest({
      actor: actors.compliance2,
      input: { id: r.id, decision: 'REJECTED', comment: 'Artifact changed, re-request' },
    });
    expect(rejected.state).toBe('REJECTED');
    await prisma.toolVersion.update({ where: { id: externalV1 }, data: { artifactDigest: 'sha256:aaa' } });
  });

  it('fast-tracks a version that passes every rule with no review trigger, as a recorded system approval', async () => {
    const r = await createChangeRequest({
      actor: actors.requester,
      input: {
        kind: 'NEW_TOOL',
        toolVersionId: cleanV1,
        agentId: prodAgent,
        environment: 'PRODUCTION',
        justification: JUSTIFICATION,
      },
    });
    expect(r).toMatchObject({ state: 'APPROVED', source: 'FAST_TRACK' });
    const detail = await getChangeRequest({ actor: actors.auditor, input: { id: r.id } });
    expect(detail.approvals).toMatchObject([
      { stage: 'COMPLIANCE', decision: 'APPROVED', reviewerId: null, automatic: true, reviewerName: 'System (fast-track)' },
    ]);
    expect(detail.installation).toMatchObject({ state: 'APPROVED', approvedDigest: 'sha256:ccc' });
  });

  it('fast-tracks an allowlisted tool despite a review trigger, once a security reviewer approved the entry', async () => {
    const entry = await addAllowlistEntry({
      actor: actors.admin,
      input: { toolId, environment: 'STAGING', note: 'Vetted by security in Q3' },
    });
    expect(entry.status).toBe('PENDING');
    expect(
      (await appError(addAllowlistEntry({ actor: actors.admin, input: { toolId, environment: 'STAGING', note: '' } }))).status,
    ).toBe(409);
    const pending = await createChangeRequest({
      actor: actors.requester,
      input: {
        kind: 'NEW_TOOL',
        toolVersionId: externalV1,
        agentId: stagingAgent,
        environment: 'STAGING',
        justification: JUSTIFICATION,
      },
    });
    expect(pending).toMatchObject({ state: 'COMPLIANCE_REVIEW', source: 'USER' });
    await withdrawChangeRequest({ actor: actors.requester, input: { id: pending.id } });
    await decideAllowlistEntry({ actor: actors.security, input: { id: entry.id, decision: 'APPROVED' } });
    const r = await createChangeRequest({
      actor: actors.requester,
      input: {
        kind: 'NEW_TOOL',
        toolVersionId: externalV1,
        agentId: stagingAgent,
        environment: 'STAGING',
        justification: JUSTIFICATION,
      },
    });
    expect(r).toMatchObject({ state: 'APPROVED', source: 'FAST_TRACK' });
  });

  it.each([
    ['unknown agent', { agentId: 'nope' }, 'agentId', /Unknown agent: nope/],
    ['agent in another environment', { environment: 'STAGING' }, 'environment', /runs in Production, not Staging/],
    ['unknown version', { toolVersionId: 'nope' }, 'toolVersionId', /Unknown tool version/],
    [
      'version update for a tool the agent runs no version of',
      { kind: 'VERSION_UPDATE', agentId: 'AGENT2' },
      'toolVersionId',
      /runs no version of Email parser: request a new tool instead/,
    ],
    [
      'removal of a tool the agent runs no version of',
      { kind: 'REMOVAL', agentId: 'AGENT2' },
      'toolVersionId',
      /runs no version of Email parser: there is nothing to remove/,
    ],
  ] as const)('answers 400 for %s, writing nothing', async (_n, patch, path, message) => {
    const prisma = await getPrisma();
    const before = await prisma.changeRequest.count();
    const agent2 = (
      await prisma.agent.upsert({
        where: { name: 'ops-agent-prod' },
        create: { name: 'ops-agent-prod', environment: 'PRODUCTION', owner: 'ops' },
        update: {},
      })
    ).id;
    const input = {
      kind: 'NEW_TOOL' as const,
      toolVersionId: externalV1,
      agentId: prodAgent,
      environment: 'PRODUCTION' as const,
      justification: JUSTIFICATION,
      ...patch,
    };
    if (input.agentId === 'AGENT2') input.agentId = agent2;
    const err = await appError(createChangeRequest({ actor: actors.requester, input }));
    expect(err.status).toBe(400);
    expect(err.issues[0]).toMatchObject({ path });
    expect(err.message).toMatch(message);
    expect(await prisma.changeRequest.count()).toBe(before);
  });

  it('refuses a new tool the agent already runs, even a request still open; allows it once that is withdrawn', async () => {
    const prisma = await getPrisma();
    const agent = await prisma.agent.create({ data: { name: 'held-agent', environment: 'PRODUCTION', owner: 'ops' } });
    const other = await prisma.toolVersion.create({
      data: { toolId, version: '2.0.0', artifactDigest: 'sha256:a20', tier: 'GOLD', trustScore: 95 },
    });
    const input = { agentId: agent.id, environment: 'PRODUCTION' as const, justification: JUSTIFICATION };
    const first = await createChangeRequest({
      actor: actors.requester,
      input: { ...input, kind: 'NEW_TOOL', toolVersionId: externalV1 },
    });
    expect(first.state).toBe('COMPLIANCE_REVIEW');
    const err = await appError(
      createChangeRequest({ actor: actors.requester, input: { ...input, kind: 'NEW_TOOL', toolVersionId: other.id } }),
    );
    expect(err.status).toBe(400);
    expect(err.issues).toEqual([{ path: 'toolVersionId', message: err.message }]);
    expect(err.message).toMatch(/held-agent already runs Email parser \(requested\): request a version update instead/);
    await withdrawChangeRequest({ actor: actors.requester, input: { id: first.id } });
    const again = await createChangeRequest({
      actor: actors.requester,
      input: { ...input, kind: 'NEW_TOOL', toolVersionId: other.id },
    });
    expect(again.state).not.toBe('REJECTED');
  });

  it('requires a reason to reject, and a person to decide', async () => {
    await expect(
      decideChangeRequest({ actor: actors.compliance2, input: { id: 'x', decision: 'REJECTED', comment: '' } }),
    ).rejects.toThrow(/Say why/);
    const err = await appError(
      decideChangeRequest({ actor: { type: 'SYSTEM', label: 'system' }, input: { id: 'x', decision: 'APPROVED' } }),
    );
    expect(err.status).toBe(403);
  });

  it('updates a version (old one revoked on deploy) and removes a tool by name', async () => {
    const prisma = await getPrisma();
    const agent = await prisma.agent.create({ data: { name: 'update-agent', environment: 'PRODUCTION', owner: 'ops' } });
    const first = await createChangeRequest({
      actor: actors.requester,
      input: {
        kind: 'NEW_TOOL',
        toolVersionId: cleanV1,
        agentId: agent.id,
        environment: 'PRODUCTION',
        justification: JUSTIFICATION,
      },
    });
    await deployChangeRequest({ actor: actors.admin, input: { id: first.id } });
    const v2 = await prisma.toolVersion.create({
      data: {
        toolId: cleanToolId,
        version: '1.1.0',
        artifactDigest: 'sha256:ddd',
        tier: 'GOLD',
        trustScore: 96,
        verificationState: 'PASSED',
        lastVerifiedAt: new Date(),
        filesystem: 'WRITE',
      },
    });
    expect(
      (
        await appError(
          createChangeRequest({
            actor: actors.requester,
            input: {
              kind: 'NEW_TOOL',
              toolVersionId: v2.id,
              agentId: agent.id,
              environment: 'PRODUCTION',
              justification: JUSTIFICATION,
            },
          }),
        )
      ).message,
    ).toMatch(/request a version update instead/);
    const upd = await createChangeRequest({
      actor: actors.requester,
      input: {
        kind: 'VERSION_UPDATE',
        toolVersionId: v2.id,
        agentId: agent.id,
        environment: 'PRODUCTION',
        justification: JUSTIFICATION,
      },
    });
    expect(upd).toMatchObject({ state: 'COMPLIANCE_REVIEW', fromVersionId: cleanV1, requiresSecurityReview: true });
    await decideChangeRequest({ actor: actors.compliance2, input: { id: upd.id, decision: 'APPROVED' } });
    await decideChangeRequest({ actor: actors.security, input: { id: upd.id, decision: 'APPROVED' } });
    await deployChangeRequest({ actor: actors.security, input: { id: upd.id } });
    const states = await prisma.installation.findMany({
      where: { agentId: agent.id },
      select: { toolVersionId: true, state: true },
    });
    expect(Object.fromEntries(states.map((i) => [i.toolVersionId, i.state]))).toEqual({
      [cleanV1]: 'REVOKED',
      [v2.id]: 'ACTIVE',
    });

    const removal = await createChangeRequest({
      actor: actors.requester,
      input: { kind: 'REMOVAL', toolId: cleanToolId, agentId: agent.id, environment: 'PRODUCTION', justification: JUSTIFICATION },
    });
    expect(removal).toMatchObject({ state: 'COMPLIANCE_REVIEW', toolVersionId: v2.id });
    await decideChangeRequest({ actor: actors.compliance2, input: { id: removal.id, decision: 'APPROVED' } });
    await deployChangeRequest({ actor: actors.compliance2, input: { id: removal.id } });
    expect((await prisma.installation.findFirstOrThrow({ where: { agentId: agent.id, toolVersionId: v2.id } })).state).toBe(
      'REVOKED',
    );
  });

  it('never approves or activates an installation blocked meanwhile', async () => {
    const prisma = await getPrisma();
    const agent = await prisma.agent.create({ data: { name: 'blocked-agent', environment: 'PRODUCTION', owner: 'ops' } });
    const r = await createChangeRequest({
      actor: actors.requester,
      input: {
        kind: 'NEW_TOOL',
        toolVersionId: externalV1,
        agentId: agent.id,
        environment: 'PRODUCTION',
        justification: JUSTIFICATION,
      },
    });
    await decideChangeRequest({ actor: actors.compliance2, input: { id: r.id, decision: 'APPROVED' } });
    await prisma.installation.updateMany({ where: { agentId: agent.id }, data: { state: 'BLOCKED' } });
    const err = await appError(decideChangeRequest({ actor: actors.security, input: { id: r.id, decision: 'APPROVED' } }));
    expect(err.status).toBe(409);
    expect(err.message).toMatch(/installation is blocked/);
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: r.id } })).state).toBe('SECURITY_REVIEW');
    expect(await prisma.installation.findFirstOrThrow({ where: { agentId: agent.id } })).toMatchObject({
      state: 'BLOCKED',
      approvedDigest: null,
    });
  });

  it('reads and decides a request the enforcement API opened for an unknown tool', async () => {
    const prisma = await getPrisma();
    const r = await prisma.changeRequest.create({
      data: {
        kind: 'NEW_TOOL',
        source: 'ENFORCEMENT',
        requestedToolName: 'mystery-tool',
        requestedVersion: '0.1.0',
        agentId: prodAgent,
        environment: 'PRODUCTION',
        evaluationSnapshot: {
          evaluatedAt: new Date().toISOString(),
          environment: 'PRODUCTION',
          policyId: null,
          policyVersion: 0,
          passes: false,
          unknownTool: true,
          verdicts: [],
          note: 'Not in the inventory yet.',
        },
        requiresSecurityReview: true,
        dueAt: new Date(Date.now() + 86_400_000),
      },
    });
    const detail = await getChangeRequest({ actor: actors.auditor, input: { id: r.id } });
    expect(detail).toMatchObject({ toolName: 'mystery-tool', requesterName: 'Enforcement API', installation: null });
    expect(detail.snapshot).toMatchObject({
      evaluated: false,
      reviewTriggers: [],
      fastTrack: { eligible: false, reason: 'Not in the inventory yet.' },
    });
    await decideChangeRequest({ actor: actors.requester, input: { id: r.id, decision: 'APPROVED' } });
    expect((await decideChangeRequest({ actor: actors.security, input: { id: r.id, decision: 'APPROVED' } })).state).toBe(
      'APPROVED',
    );
  });

  it('withdraws, comments, lists with filters, and keeps the audit chain intact', async () => {
    const prisma = await getPrisma();
    const agent = await prisma.agent.create({ data: { name: 'dev-agent', environment: 'DEVELOPMENT', owner: 'dev' } });
    const r = await createChangeRequest({
      actor: actors.requester,
      input: {
        kind: 'NEW_TOOL',
        toolVersionId: externalV1,
        agentId: agent.id,
        environment: 'DEVELOPMENT',
        justification: JUSTIFICATION,
      },
    });
    expect((await appError(withdrawChangeRequest({ actor: actors.compliance2, input: { id: r.id } }))).status).toBe(403);
    await addChangeComment({ actor: actors.security, input: { id: r.id, body: 'Why development?' } });
    expect((await withdrawChangeRequest({ actor: actors.requester, input: { id: r.id } })).state).toBe('WITHDRAWN');
    const mine = await listChangeRequests({ actor: actors.requester, input: { mine: true, environment: 'DEVELOPMENT' } });
    expect(mine.rows.map((x) => x.id)).toEqual([r.id]);
    const open = await listChangeRequests({ actor: actors.auditor, input: { state: 'OPEN' } });
    expect(open.rows.every((x) => x.state === 'COMPLIANCE_REVIEW' || x.state === 'SECURITY_REVIEW')).toBe(true);
    expect(await prisma.installation.count({ where: { agentId: agent.id, state: 'REVOKED' } })).toBe(1);
    expect(cleanToolId).toBeTruthy();
    expect(await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} })).toMatchObject({ ok: true });
  });
});
