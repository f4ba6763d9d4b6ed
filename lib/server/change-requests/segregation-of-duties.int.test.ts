/**
 * Issue 7 point 2: segregation of duties that one person cannot get around, through the real
 * operations on a real database (PGlite and PostgreSQL). On the code before this change, the
 * one-person path (allowlist → own request fast-tracked → own deploy) and one admin approving
 * both stages both succeeded.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { appError, createChangeRequestWorld, type ChangeRequestWorld } from '@/lib/testing/change-request-world';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { createChangeRequest } from './create-change-request';
import { decideChangeRequest } from './decide-change-request';
import { deployChangeRequest } from './deploy-change-request';
import { withdrawChangeRequest } from './withdraw-change-request';
import { addChangeComment } from './add-change-comment';
import { getInbox } from './get-inbox';
import { addAllowlistEntry } from './add-allowlist-entry';
import { decideAllowlistEntry } from './decide-allowlist-entry';
import { revokeAllowlistEntry } from './revoke-allowlist-entry';
import { listAllowlist } from './list-allowlist';
import { getRequestFormOptions } from './get-request-form-options';

const t = withTestDatabase();

let actors: ChangeRequestWorld<'carla' | 'chris' | 'sam' | 'ada' | 'alex', 'dev' | 'prod' | 'prod2' | 'stg'>['actors'];
let agents: ChangeRequestWorld<never, 'dev' | 'prod' | 'prod2' | 'stg'>['agents'];
let externalToolId: string;
let externalV1: string;
let cleanV1: string;
const JUSTIFICATION = 'The agent needs this tool to answer customer tickets.';

beforeAll(async () => {
  ({ actors, agents, externalToolId, externalV1, cleanV1 } = await createChangeRequestWorld({
    people: { carla: 'COMPLIANCE_OFFICER', chris: 'COMPLIANCE_OFFICER', sam: 'SECURITY_REVIEWER', ada: 'ADMIN', alex: 'ADMIN' },
    emailDomain: 'sod.test',
    agents: {
      dev: { name: 'sod-dev', environment: 'DEVELOPMENT' },
      prod: { name: 'sod-prod', environment: 'PRODUCTION' },
      prod2: { name: 'sod-prod2', environment: 'PRODUCTION' },
      stg: { name: 'sod-stg', environment: 'STAGING' },
    },
  }));
});

describe('the one-person path is refused', () => {
  it('a compliance officer allowlists a tool, raises a request for it and cannot get it fast-tracked or deploy it alone', async () => {
    const prisma = await getPrisma();
    const entry = await addAllowlistEntry({
      actor: actors.carla,
      input: { toolId: externalToolId, environment: 'DEVELOPMENT', note: 'mine' },
    });
    expect(entry).toMatchObject({ status: 'PENDING', createdById: actors.carla.id, approvedById: null });

    // A pending entry waives nothing, not even in the form's preview.
    const raise = () =>
      createChangeRequest({
        actor: actors.carla,
        input: {
          kind: 'NEW_TOOL',
          toolVersionId: externalV1,
          agentId: agents.dev,
          environment: 'DEVELOPMENT',
          justification: JUSTIFICATION,
        },
      });
    const first = await raise();
    expect(first).toMatchObject({ state: 'COMPLIANCE_REVIEW', source: 'USER' });
    expect((first.evaluationSnapshot as { fastTrack: { reason: string } }).fastTrack.reason).toMatch(
      /awaits a security reviewer's approval/,
    );
    const preview = await getRequestFormOptions({ actor: actors.chris, input: { toolId: externalToolId } });
    expect(preview.versions.find((v) => v.id === externalV1)?.preview.DEVELOPMENT.onAllowlist).toBe(false);
    await withdrawChangeRequest({ actor: actors.carla, input: { id: first.id } });

    // She cannot approve her own entry: her role lacks the permission, and an admin creator is refused by the rule itself.
    expect(
      (await appError(decideAllowlistEntry({ actor: actors.carla, input: { id: entry.id, decision: 'APPROVED' } }))).status,
    ).toBe(403);
    const adminsOwn = await addAllowlistEntry({
      actor: actors.ada,
      input: { toolId: externalToolId, environment: 'PRODUCTION', note: '' },
    });
    const own = await appError(decideAllowlistEntry({ actor: actors.ada, input: { id: adminsOwn.id, decision: 'APPROVED' } }));
    expect(own.status).toBe(403);
    expect(own.message).toMatch(/You added this allowlist entry: another person \(a security reviewer\) must approve it/);
    expect((await prisma.allowlistEntry.findUniqueOrThrow({ where: { id: adminsOwn.id } })).status).toBe('PENDING');

    // Approved by a security reviewer, the entry still never fast-tracks its creator's own request.
    const approved = await decideAllowlistEntry({
      actor: actors.sam,
      input: { id: entry.id, decision: 'APPROVED', comment: 'Checked egress' },
    });
    expect(approved).toMatchObject({ status: 'APPROVED', approvedById: actors.sam.id });
    const second = await raise();
    expect(second).toMatchObject({ state: 'COMPLIANCE_REVIEW', source: 'USER' });
    expect((second.evaluationSnapshot as { fastTrack: { reason: string } }).fastTrack.reason).toMatch(
      /you added its allowlist entry yourself/,
    );
    expect(
      (await getRequestFormOptions({ actor: actors.carla, input: { toolId: externalToolId } })).versions.find(
        (v) => v.id === externalV1,
      )?.preview.DEVELOPMENT.onAllowlist,
    ).toBe(false);
    expect(
      (await getRequestFormOptions({ actor: actors.chris, input: { toolId: externalToolId } })).versions.find(
        (v) => v.id === externalV1,
      )?.preview.DEVELOPMENT.onAllowlist,
    ).toBe(true);
    await withdrawChangeRequest({ actor: actors.carla, input: { id: second.id } });

    // Another person's request is fast-tracked by the approved entry.
    const chris = await createChangeRequest({
      actor: actors.chris,
      input: {
        kind: 'NEW_TOOL',
        toolVersionId: externalV1,
        agentId: agents.dev,
        environment: 'DEVELOPMENT',
        justification: JUSTIFICATION,
      },
    });
    expect(chris).toMatchObject({ state: 'APPROVED', source: 'FAST_TRACK' });
    await deployChangeRequest({ actor: actors.carla, input: { id: chris.id } });

    const events = await prisma.auditEvent.findMany({
      where: { entityType: 'AllowlistEntry', entityId: entry.id },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ['allowlist.added', actors.carla.id],
      ['allowlist.approved', actors.sam.id],
    ]);
  });

  it('the requester may not deploy their own request, even fast-tracked, even as admin; another person may', async () => {
    const prisma = await getPrisma();
    for (const [who, agent] of [
      ['carla', agents.prod],
      ['ada', agents.prod2],
    ] as const) {
      const r = await createChangeRequest({
        actor: actors[who],
        input: {
          kind: 'NEW_TOOL',
          toolVersionId: cleanV1,
          agentId: agent,
          environment: 'PRODUCTION',
          justification: JUSTIFICATION,
        },
      });
      expect(r).toMatchObject({ state: 'APPROVED', source: 'FAST_TRACK' });
      const err = await appError(deployChangeRequest({ actor: actors[who], input: { id: r.id } }));
      expect(err.status).toBe(403);
      expect(err.message).toBe('You requested this change: another person must deploy it');
      expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: r.id } })).state).toBe('APPROVED');
      expect(await prisma.installation.findFirstOrThrow({ where: { agentId: agent, toolVersionId: cleanV1 } })).toMatchObject({
        state: 'APPROVED',
      });
      expect((await deployChangeRequest({ actor: actors.sam, input: { id: r.id } })).state).toBe('DEPLOYED');
    }
  });
});

describe('two stages, two people', () => {
  it('refuses one admin approving both stages, and keeps the request out of their inbox', async () => {
    const prisma = await getPrisma();
    const r = await createChangeRequest({
      actor: actors.carla,
      input: {
        kind: 'NEW_TOOL',
        toolVersionId: externalV1,
        agentId: agents.stg,
        environment: 'STAGING',
        justification: JUSTIFICATION,
      },
    });
    expect(r.requiresSecurityReview).toBe(true);
    expect(
      (await decideChangeRequest({ actor: actors.ada, input: { id: r.id, decision: 'APPROVED', stage: 'COMPLIANCE' } })).state,
    ).toBe('SECURITY_REVIEW');
    expect((await getInbox({ actor: actors.ada, input: {} })).map((x) => x.id)).not.toContain(r.id);
    expect((await getInbox({ actor: actors.alex, input: {} })).map((x) => x.id)).toContain(r.id);
    const err = await appError(
      decideChangeRequest({ actor: actors.ada, input: { id: r.id, decision: 'APPROVED', stage: 'SECURITY' } }),
    );
    expect(err.status).toBe(403);
    expect(err.message).toMatch(/you decided the compliance review, so someone else must decide the security review/);
    expect(await prisma.approval.count({ where: { changeRequestId: r.id } })).toBe(1);
    expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: r.id } })).state).toBe('SECURITY_REVIEW');
    expect(
      (await decideChangeRequest({ actor: actors.alex, input: { id: r.id, decision: 'APPROVED', stage: 'SECURITY' } })).state,
    ).toBe('APPROVED');
  });
});

describe('allowlist entries', () => {
  it('rejects with a reason, lists by status with paging, and lets a removed entry be proposed again as pending', async () => {
    const prisma = await getPrisma();
    const entry = await addAllowlistEntry({
      actor: actors.chris,
      input: { toolId: externalToolId, environment: 'STAGING', note: 'try' },
    });
    expect(
      (await appError(decideAllowlistEntry({ actor: actors.sam, input: { id: entry.id, decision: 'REJECTED', comment: '' } })))
        .issues[0],
    ).toMatchObject({ path: 'comment' });
    const rejected = await decideAllowlistEntry({
      actor: actors.sam,
      input: { id: entry.id, decision: 'REJECTED', comment: 'No domain list for staging' },
    });
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      rejectedById: actors.sam.id,
      reviewComment: 'No domain list for staging',
      approvedById: null,
    });
    expect(
      (await appError(decideAllowlistEntry({ actor: actors.alex, input: { id: entry.id, decision: 'APPROVED' } }))).status,
    ).toBe(409);
    expect(await prisma.auditEvent.count({ where: { entityId: entry.id, action: 'allowlist.rejected' } })).toBe(1);

    const live = await listAllowlist({ actor: actors.sam, input: {} });
    expect(live.rows.every((e) => e.status === 'PENDING' || e.status === 'APPROVED')).toBe(true);
    expect(live.pending).toBe(live.rows.filter((e) => e.status === 'PENDING').length);
    const page1 = await listAllowlist({ actor: actors.sam, input: { status: 'LIVE', pageSize: 1 } });
    expect(page1).toMatchObject({ total: live.total, pageSize: 1 });
    expect(page1.rows).toHaveLength(1);
    expect(page1.rows[0]!.createdBy.name).toBeTruthy();
    expect((await listAllowlist({ actor: actors.sam, input: { status: 'REJECTED' } })).rows.map((e) => e.id)).toEqual([entry.id]);
    expect((await appError(listAllowlist({ actor: actors.sam, input: { status: 'MAYBE' as never } }))).status).toBe(400);

    const again = await addAllowlistEntry({
      actor: actors.carla,
      input: { toolId: externalToolId, environment: 'STAGING', note: 'second try' },
    });
    expect(again).toMatchObject({
      id: entry.id,
      status: 'PENDING',
      createdById: actors.carla.id,
      rejectedById: null,
      reviewComment: '',
    });
    const revoked = await revokeAllowlistEntry({ actor: actors.chris, input: { id: again.id } });
    expect(revoked).toMatchObject({ status: 'REVOKED' });
    expect((await appError(revokeAllowlistEntry({ actor: actors.chris, input: { id: again.id } }))).status).toBe(409);
  });
});

describe('append-only evidence', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on Approval and ChangeComment; an approval is a person or automatic, never neither', async () => {
    const prisma = await getPrisma();
    const r = await createChangeRequest({
      actor: actors.chris,
      input: {
        kind: 'NEW_TOOL',
        toolVersionId: externalV1,
        agentId: agents.prod,
        environment: 'PRODUCTION',
        justification: JUSTIFICATION,
      },
    });
    await decideChangeRequest({ actor: actors.carla, input: { id: r.id, decision: 'APPROVED', comment: 'ok' } });
    await addChangeComment({ actor: actors.sam, input: { id: r.id, body: 'Looking at the domains.' } });
    const db = t.db();
    for (const table of ['Approval', 'ChangeComment']) {
      await expect(db.exec(`UPDATE "${table}" SET "createdAt" = now()`)).rejects.toThrow(/append-only/);
      await expect(db.exec(`DELETE FROM "${table}"`)).rejects.toThrow(/append-only/);
      await expect(db.exec(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(/append-only/);
    }
    await expect(
      prisma.approval.create({
        data: { changeRequestId: r.id, stage: 'SECURITY', reviewerId: null, automatic: false, decision: 'APPROVED' },
      }),
    ).rejects.toThrow(/Approval_reviewer_or_automatic|check constraint/i);
    await expect(
      prisma.approval.create({
        data: { changeRequestId: r.id, stage: 'SECURITY', reviewerId: 'no-such-user', decision: 'APPROVED' },
      }),
    ).rejects.toThrow(/foreign key|Foreign key/i);
    expect(await prisma.approval.count({ where: { changeRequestId: r.id } })).toBe(1);
    expect(await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} })).toMatchObject({ ok: true });
  });
});
