/**
 * Issue 12.3: the policy exception workflow through the real operations on a real database
 * (PGlite and PostgreSQL): request, decision by another person, coverage at the enforcement API
 * until the expiry, revocation, reopening on a material change, expiry alerts, and every bad
 * input refused with a field error and nothing stored.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '@prisma/client';
import { POST } from '@/app/api/v1/enforce/route';
import { AppError } from '@/lib/server/errors';
import type { Actor } from '@/lib/server/actor';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { snapshotTables } from '@/lib/testing/db-snapshot';
import { buildEnforceWorld, enforceRequest, type EnforceWorld } from '@/lib/testing/enforce-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import type { TRequestExceptionInput } from '@/lib/validation/exception';
import { decidePolicyException } from './decide-policy-exception';
import { getPolicyException } from './get-policy-exception';
import { listPolicyExceptions } from './list-policy-exceptions';
import { raiseExceptionExpiryAlerts } from './raise-exception-expiry-alerts';
import { unsafeReopenExceptionsOnToolChange } from './reopen-exceptions-on-tool-change';
import { requestPolicyException } from './request-policy-exception';
import { revokePolicyException } from './revoke-policy-exception';
import { openAuditFor } from '@/lib/testing/open-audit';

const t = withTestDatabase();
let w: EnforceWorld;
const people = {} as Record<'officer' | 'reviewer' | 'admin' | 'auditor', Actor & { type: 'USER' }>;
let versionId: string;
const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);
const inDays = (n: number) => day(new Date(Date.now() + n * DAY));

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const enforceWebFetcher = async () => {
  const res = await POST(
    enforceRequest(w.keys.enforce, { agent: w.agents.prod, tool: 'web-fetcher', version: '1.0.0', action: 'invoke' }),
  );
  return (await res.json()) as { decision: string; exceptionId: string | null; decisionId: string };
};

// Bad inputs go through on purpose: the operation, not the compiler, must refuse them.
function request(over: Record<string, unknown> = {}): TRequestExceptionInput {
  return {
    toolId: w.tools.verified,
    environment: 'PRODUCTION',
    toolVersionId: versionId,
    rules: ['min-tier'],
    justification: 'The support workflow needs web fetching until a Gold release ships.',
    compensatingControls: 'Egress limited to the vendor API; weekly log review.',
    remediationPlan: 'Move to the Gold-tier release when published.',
    remediationDate: inDays(20),
    expiresAt: inDays(30),
    ...over,
  } as TRequestExceptionInput;
}

beforeAll(async () => {
  const prisma = t.db().prisma;
  w = await buildEnforceWorld(prisma);
  const mk = async (key: keyof typeof people, role: Role) => {
    const u = await prisma.user.create({ data: { email: `${key}@exc.test`, name: key, role } });
    people[key] = { type: 'USER', id: u.id, label: u.email, role };
  };
  await mk('officer', 'COMPLIANCE_OFFICER');
  await mk('reviewer', 'SECURITY_REVIEWER');
  await mk('admin', 'ADMIN');
  await mk('auditor', 'AUDITOR');
  await openAuditFor(prisma, people.auditor); // the auditor's register is scoped to their open audits
  versionId = (await prisma.toolVersion.findFirstOrThrow({ where: { toolId: w.tools.verified } })).id;
});

afterEach(() => {
  vi.useRealTimers();
});

describe('bad input: a clear field error, nothing stored', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['expiry in the past', { expiresAt: inDays(-1), remediationDate: inDays(-2) }, 'expiresAt'],
    ['expiry beyond the policy maximum (90 days in production)', { expiresAt: inDays(95) }, 'expiresAt'],
    ['missing justification', { justification: '' }, 'justification'],
    ['justification too short', { justification: 'because' }, 'justification'],
    ['a rule the version does not miss', { rules: ['max-network'] }, 'rules'],
    ['a rule no exception may waive', { rules: ['not-quarantined'] }, 'rules'],
    ['no rule', { rules: [] }, 'rules'],
    ['an unknown rule', { rules: ['be-nice'] }, 'rules'],
    ['neither version nor range', { toolVersionId: undefined }, 'toolVersionId'],
    ['a range that names no version', { toolVersionId: undefined, versionRange: '>=9.0.0' }, 'versionRange'],
    ['a malformed range', { toolVersionId: undefined, versionRange: '>>>' }, 'versionRange'],
    ['remediation after the expiry', { remediationDate: inDays(40) }, 'remediationDate'],
    ['not a day', { expiresAt: '2026-13-01' }, 'expiresAt'],
    ['a version of another tool', { toolVersionId: 'c0000000000000000000000000' }, 'toolVersionId'],
  ])('%s', async (_name, over, field) => {
    const before = await snapshotTables(t.db());
    const err = await refusal(requestPolicyException({ actor: people.officer, input: request(over) }));
    expect(err.status).toBe(400);
    expect(err.issues.map((i) => i.path)).toContain(field);
    expect(await snapshotTables(t.db())).toEqual(before);
  });

  it('refuses the auditor and the security reviewer (no exception:request) before reading the input', async () => {
    const before = await snapshotTables(t.db());
    expect((await refusal(requestPolicyException({ actor: people.auditor, input: request() }))).status).toBe(403);
    expect((await refusal(requestPolicyException({ actor: people.reviewer, input: {} as TRequestExceptionInput }))).status).toBe(
      403,
    );
    expect(await snapshotTables(t.db())).toEqual(before);
  });
});

describe('request → decision → coverage at the enforcement API → expiry', () => {
  it('runs the whole journey', async () => {
    const prisma = t.db().prisma;
    expect((await enforceWebFetcher()).decision).toBe('deny');

    const requested = await requestPolicyException({ actor: people.officer, input: request() });
    expect(requested.status).toBe('REQUESTED');
    // Requested is not approved: still denied.
    expect((await enforceWebFetcher()).decision).toBe('deny');

    // The requester cannot decide (not even as admin); a compliance officer may not decide at all.
    const before = await snapshotTables(t.db());
    const own = await refusal(
      decidePolicyException({ actor: { ...people.officer, role: 'ADMIN' }, input: { id: requested.id, decision: 'APPROVED' } }),
    );
    expect(own.status).toBe(403);
    expect(own.message).toMatch(/Segregation of duties/);
    expect(
      (await refusal(decidePolicyException({ actor: people.officer, input: { id: requested.id, decision: 'APPROVED' } }))).status,
    ).toBe(403);
    expect(
      (await refusal(decidePolicyException({ actor: people.reviewer, input: { id: requested.id, decision: 'REJECTED' } })))
        .issues[0]?.path,
    ).toBe('comment');
    expect(await snapshotTables(t.db())).toEqual(before);

    const approved = await decidePolicyException({
      actor: people.reviewer,
      input: { id: requested.id, decision: 'APPROVED', comment: 'Compensating controls verified.' },
    });
    expect(approved).toMatchObject({ status: 'APPROVED', decidedById: people.reviewer.id, approvedById: people.reviewer.id });
    expect(approved.decisionContext).toMatchObject({
      policy: { environment: 'PRODUCTION', version: 1, maxExceptionDays: 90 },
      versions: [{ id: versionId, tier: 'VERIFIED', trustScore: 78, permissions: { network: 'EXTERNAL' } }],
    });
    // Deciding twice is a conflict.
    expect(
      (await refusal(decidePolicyException({ actor: people.admin, input: { id: requested.id, decision: 'APPROVED' } }))).status,
    ).toBe(409);

    const allowed = await enforceWebFetcher();
    expect(allowed).toMatchObject({ decision: 'allow', exceptionId: requested.id });
    const logged = await prisma.enforcementDecision.findUniqueOrThrow({ where: { id: allowed.decisionId } });
    expect(logged.exceptionId).toBe(requested.id);

    const detail = await getPolicyException({ actor: people.auditor, input: { id: requested.id } });
    expect(detail).toMatchObject({ standing: 'approved', requesterName: 'officer', deciderName: 'reviewer', scope: '1.0.0' });

    // Past the expiry the same exception stops covering at once, with no scheduler run.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(approved.expiresAt.getTime() + 1000));
    expect((await enforceWebFetcher()).decision).toBe('deny');
    vi.useRealTimers();

    const audit = await prisma.auditEvent.findMany({ where: { entityId: requested.id }, orderBy: { seq: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['exception.requested', 'exception.approved']);
    await prisma.policyException.update({ where: { id: requested.id }, data: { status: 'REVOKED' } });
  });
});

describe('revocation, reopening, expiry alerts, the register', () => {
  it('revocation stops coverage at once; only a security reviewer or admin revokes', async () => {
    const e = await requestPolicyException({ actor: people.officer, input: request() });
    await decidePolicyException({ actor: people.admin, input: { id: e.id, decision: 'APPROVED' } });
    expect((await enforceWebFetcher()).decision).toBe('allow');
    expect(
      (await refusal(revokePolicyException({ actor: people.officer, input: { id: e.id, reason: 'no longer needed' } }))).status,
    ).toBe(403);
    expect(
      (await refusal(revokePolicyException({ actor: people.reviewer, input: { id: e.id, reason: '' } }))).issues[0]?.path,
    ).toBe('reason');
    await revokePolicyException({ actor: people.reviewer, input: { id: e.id, reason: 'Incident on the vendor API.' } });
    expect((await enforceWebFetcher()).decision).toBe('deny');
    expect(
      (await refusal(revokePolicyException({ actor: people.reviewer, input: { id: e.id, reason: 'again, twice' } }))).status,
    ).toBe(409);
  });

  it('a material change of the tool reopens its approved exceptions; they stop covering until approved again', async () => {
    const prisma = t.db().prisma;
    const e = await requestPolicyException({ actor: people.officer, input: request() });
    await decidePolicyException({ actor: people.reviewer, input: { id: e.id, decision: 'APPROVED' } });
    expect((await enforceWebFetcher()).decision).toBe('allow');
    const state = {
      latestVersionId: versionId,
      latestVersionName: '1.0.0',
      tier: 'VERIFIED' as const,
      verificationState: 'PASSED' as const,
      network: 'EXTERNAL' as const,
      filesystem: 'NONE' as const,
      codeExecution: 'NONE' as const,
      dataAccess: 'NONE' as const,
    };
    // A score change within the tier is not material.
    const quiet = await prisma.$transaction((tx) =>
      unsafeReopenExceptionsOnToolChange(tx, [{ toolId: w.tools.verified, before: state, after: state }], new Date()),
    );
    expect(quiet).toBe(0);
    const reopened = await prisma.$transaction((tx) =>
      unsafeReopenExceptionsOnToolChange(
        tx,
        [{ toolId: w.tools.verified, before: state, after: { ...state, filesystem: 'WRITE' } }],
        new Date(),
      ),
    );
    expect(reopened).toBe(1);
    const row = await prisma.policyException.findUniqueOrThrow({ where: { id: e.id } });
    expect(row).toMatchObject({ status: 'REQUESTED', reopenReason: 'Filesystem rose from NONE to WRITE' });
    expect((await enforceWebFetcher()).decision).toBe('deny');
    const listed = await listPolicyExceptions({ actor: people.auditor, input: { standing: 'reopened' } });
    expect(listed.rows.map((r) => r.id)).toEqual([e.id]);
    await decidePolicyException({ actor: people.reviewer, input: { id: e.id, decision: 'APPROVED', comment: 'Re-reviewed.' } });
    expect((await enforceWebFetcher()).decision).toBe('allow');
    await revokePolicyException({ actor: people.reviewer, input: { id: e.id, reason: 'End of this test.' } });
  });

  it('an extension is a new request that needs approval; the old one covers meanwhile', async () => {
    const e = await requestPolicyException({
      actor: people.officer,
      input: request({ expiresAt: inDays(10), remediationDate: inDays(5) }),
    });
    await decidePolicyException({ actor: people.reviewer, input: { id: e.id, decision: 'APPROVED' } });
    const shorter = await refusal(
      requestPolicyException({
        actor: people.officer,
        input: request({ extendsId: e.id, expiresAt: inDays(5), remediationDate: inDays(5) }),
      }),
    );
    expect(shorter.issues.map((i) => i.path)).toEqual(['expiresAt']);
    const ext = await requestPolicyException({
      actor: people.officer,
      input: request({ extendsId: e.id, expiresAt: inDays(60) }),
    });
    expect(ext).toMatchObject({ status: 'REQUESTED', extendsId: e.id });
    expect((await enforceWebFetcher()).exceptionId).toBe(e.id);
    const detail = await getPolicyException({ actor: people.officer, input: { id: e.id } });
    expect(detail.extensions.map((x) => x.id)).toEqual([ext.id]);
  });

  it('expiry alerts: once per exception and expiry, expiring soon then expired', async () => {
    const prisma = t.db().prisma;
    await prisma.policyException.updateMany({ where: { status: 'APPROVED' }, data: { status: 'REVOKED' } });
    const e = await requestPolicyException({
      actor: people.officer,
      input: request({ expiresAt: inDays(20), remediationDate: inDays(10) }),
    });
    await decidePolicyException({ actor: people.reviewer, input: { id: e.id, decision: 'APPROVED' } });
    const run = (offsetDays: number) =>
      raiseExceptionExpiryAlerts({ actor: SYSTEM_ACTOR, input: {} }, { now: new Date(Date.now() + offsetDays * DAY) });
    expect(await run(0)).toBe(0);
    expect(await run(10)).toBe(1);
    expect(await run(11)).toBe(0);
    expect(await run(21)).toBe(1);
    const alerts = await prisma.alert.findMany({ where: { toolId: w.tools.verified }, orderBy: { createdAt: 'asc' } });
    expect(alerts.map((a) => a.kind)).toEqual(['exception-expiring', 'exception-expired']);
    expect(await prisma.auditEvent.count({ where: { entityId: e.id, action: 'exception.expiryAlerted' } })).toBe(2);
    expect((await refusal(raiseExceptionExpiryAlerts({ actor: people.auditor, input: {} }))).status).toBe(403);
  });
});
