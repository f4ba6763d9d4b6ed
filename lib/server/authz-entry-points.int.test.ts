/**
 * Authorization matrix for the app's entry points: every server action and every session route
 * handler × every role, signed in through a stubbed session (what the cookie would say).
 * Refused roles get "may not" / 403 and every table stays byte-for-byte the same. Allowed roles
 * must get past the permission gate: with an empty input that means a validation error (400)
 * or an unknown id (404), never a refusal and never a 500 (a crash is not "past the gate").
 * API-key routes are in authz-api-key-routes.int.test.ts; the table of all routes is
 * lib/testing/entry-points.ts. Add new actions to ACTIONS, new routes to ROUTES there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Role } from '@prisma/client';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= 'test-secret-for-authorization-matrix';
});
const session = vi.hoisted(() => ({ userId: '' }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId }, expires: '2999-01-01T00:00:00Z' } : null),
}));
// Outside a request there is no cache to revalidate.
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

import { withTestDatabase } from '@/lib/testing/test-database';
import { snapshotTables } from '@/lib/testing/db-snapshot';
import {
  jsonRequest,
  loadRouteHandlers,
  loadServerActions,
  MUTATING,
  ROUTES,
  type RouteHandler,
  type ServerAction,
} from '@/lib/testing/entry-points';
import { getPrisma } from '@/lib/db/client';
import { can, type Permission } from '@/lib/auth/permissions';

const t = withTestDatabase();
const ROLES: Role[] = ['ADMIN', 'COMPLIANCE_OFFICER', 'SECURITY_REVIEWER', 'AUDITOR'];
const userIds = {} as Record<Role, string>;

const ACTIONS: { name: string; permission: Permission }[] = [
  { name: 'settings/users/createUserAction', permission: 'user:manage' },
  { name: 'settings/users/updateUserRoleAction', permission: 'user:manage' },
  { name: 'settings/users/setUserActiveAction', permission: 'user:manage' },
  { name: 'settings/users/resetUserPasswordAction', permission: 'user:manage' },
  { name: 'settings/users/approveSsoLinkAction', permission: 'user:manage' },
  { name: 'settings/api-keys/createApiKeyAction', permission: 'apiKey:manage' },
  { name: 'settings/api-keys/revokeApiKeyAction', permission: 'apiKey:manage' },
  { name: 'changes/createChangeRequestAction', permission: 'changeRequest:create' },
  { name: 'changes/decideChangeRequestAction', permission: 'changeRequest:review' },
  { name: 'changes/deployChangeRequestAction', permission: 'changeRequest:deploy' },
  { name: 'changes/withdrawChangeRequestAction', permission: 'changeRequest:create' },
  { name: 'changes/addChangeCommentAction', permission: 'changeRequest:comment' },
  { name: 'changes/addAllowlistEntryAction', permission: 'allowlist:manage' },
  { name: 'changes/decideAllowlistEntryAction', permission: 'allowlist:approve' },
  { name: 'changes/revokeAllowlistEntryAction', permission: 'allowlist:manage' },
  { name: 'inventory/[toolId]/updateToolOwnershipAction', permission: 'inventory:update' },
  { name: 'registries/createRegistryAction', permission: 'registry:manage' },
  { name: 'registries/updateRegistryAction', permission: 'registry:manage' },
  { name: 'registries/setRegistryEnabledAction', permission: 'registry:manage' },
  { name: 'registries/testConnectionAction', permission: 'registry:manage' },
  { name: 'registries/startSyncAction', permission: 'registry:sync' },
  { name: 'monitoring/alertAction', permission: 'alert:manage' },
  { name: 'monitoring/assignAlertAction', permission: 'alert:manage' },
  { name: 'monitoring/addAlertNoteAction', permission: 'alert:manage' },
  { name: 'policies/updatePolicyAction', permission: 'policy:manage' },
  { name: 'audit/recordAuditCheckpointAction', permission: 'audit:checkpoint' },
  // Risk assessments (issue 12).
  { name: 'risks/assessRiskAction', permission: 'risk:assess' },
  // Vendor reviews of publishers and registries (issue 12.1).
  { name: 'risks/reviewPublisherAction', permission: 'risk:assess' },
  { name: 'risks/reviewRegistryAction', permission: 'risk:assess' },
  // Policy exception workflow (issue 12.3)
  { name: 'exceptions/requestExceptionAction', permission: 'exception:request' },
  { name: 'exceptions/decideExceptionAction', permission: 'exception:approve' },
  { name: 'exceptions/revokeExceptionAction', permission: 'exception:approve' },
  // Auditor portal (issue 14): engagement:request is the auditor's own samples, requests and comments.
  { name: 'audits/createEngagementAction', permission: 'engagement:manage' },
  { name: 'audits/drawSampleAction', permission: 'engagement:request' },
  { name: 'audits/openEngagementRequestAction', permission: 'engagement:request' },
  { name: 'audits/answerEngagementRequestAction', permission: 'engagement:answer' },
  { name: 'audits/followUpEngagementRequestAction', permission: 'engagement:request' },
  { name: 'audits/acceptEngagementRequestAction', permission: 'engagement:request' },
  // SIEM hand-off (issue 11.6) and event retention per environment (11.3): admins only.
  { name: 'settings/webhooks/createWebhookEndpointAction', permission: 'webhook:manage' },
  { name: 'settings/webhooks/setWebhookEndpointEnabledAction', permission: 'webhook:manage' },
  { name: 'settings/webhooks/sendTestWebhookAction', permission: 'webhook:manage' },
  { name: 'settings/event-retention/setEventRetentionAction', permission: 'eventRetention:manage' },
  // Evidence pack builds (issue 13).
  { name: 'evidence/requestEvidencePackBuildAction', permission: 'evidence:build' },
  { name: 'evidence/cancelEvidencePackBuildAction', permission: 'evidence:build' },
  // Incident response and quarantine (issue 14.6)
  { name: 'incidents/openIncidentAction', permission: 'incident:respond' },
  { name: 'incidents/quarantineToolAction', permission: 'incident:respond' },
  { name: 'incidents/liftQuarantineAction', permission: 'incident:lift' },
  { name: 'incidents/completeIncidentStepAction', permission: 'incident:respond' },
  { name: 'incidents/advanceIncidentAction', permission: 'incident:respond' },
  { name: 'incidents/addIncidentNoteAction', permission: 'incident:respond' },
  { name: 'incidents/linkIncidentRecordAction', permission: 'incident:respond' },
  // Data flow maps (issue 12.2).
  { name: 'data-flows/saveDataFlowAction', permission: 'dataFlow:map' },
  { name: 'data-flows/deriveDataFlowAction', permission: 'dataFlow:map' },
  { name: 'data-flows/confirmDataFlowAction', permission: 'dataFlow:confirm' },
];

/** The only writes an auditor may make: their own samples, requests and comments in an audit (ADR 0010). */
const AUDITOR_OWN = new Set(['engagement:request']);

/** Entry points that change nothing governed, so they are outside the matrix (with the reason). */
const EXEMPT_ACTIONS = new Set([
  'audit/verifyAuditChainAction', // recomputes the chain, writes nothing (audit:verify, auditors may)
  // Invocation events (issue 11): recomputes the chain; writes only the system's broken-chain alert (audit:verify, auditors may)
  'invocations/verifyInvocationChainAction',
  'settings/account/changeOwnPasswordAction', // one's own credential, any signed-in role (lib/server/users tests)
  // Evidence packs (issue 13): checks an uploaded archive; writes only the audit record of the check (evidence:read, auditors may)
  'evidence/verifyEvidencePackAction',
]);

const SESSION_ROUTES = ROUTES.flatMap((r) => (r.auth.kind === 'session' ? [{ ...r, permission: r.auth.permission }] : []));

let actions: Map<string, ServerAction>;
let handlers: Map<string, RouteHandler>;

beforeAll(async () => {
  [actions, handlers] = await Promise.all([loadServerActions(), loadRouteHandlers()]);
  const prisma = await getPrisma();
  for (const role of ROLES)
    userIds[role] = (await prisma.user.create({ data: { email: `${role.toLowerCase()}@entry.test`, name: role, role } })).id;
  // Pages and routes outside the portal are open to an auditor only while an audit is (ADR 0010).
  await prisma.auditEngagement.create({
    data: {
      name: 'Open audit',
      firm: 'Firm',
      periodStart: new Date('2020-01-01T00:00:00Z'),
      periodEnd: new Date('2100-01-01T00:00:00Z'),
      environments: ['PRODUCTION', 'STAGING', 'DEVELOPMENT'],
      criteria: ['CC8.1'],
      accessOpensAt: new Date('2020-01-01T00:00:00Z'),
      accessClosesAt: new Date('2100-01-01T00:00:00Z'),
      createdById: userIds.ADMIN,
      auditors: { create: [{ userId: userIds.AUDITOR }] },
    },
  });
});

const call = (route: string, params?: Record<string, string>) =>
  handlers.get(route)!(jsonRequest(route), { params: Promise.resolve(params ?? {}) });

describe('authorization matrix (server actions and session route handlers)', () => {
  it('the auditor holds no mutating permission, and changing one’s own password needs only a session', () => {
    for (const e of [...ACTIONS, ...SESSION_ROUTES.filter((r) => MUTATING(r.route))]) {
      expect(can('AUDITOR', e.permission), 'name' in e ? e.name : e.route).toBe(AUDITOR_OWN.has(e.permission));
    }
    for (const role of ROLES) expect(can(role, 'user:read')).toBe(true);
    expect(actions.get('settings/account/changeOwnPasswordAction')).toBeTypeOf('function');
  });

  for (const a of ACTIONS) {
    for (const role of ROLES) {
      const allowed = can(role, a.permission);
      it(`${a.name} as ${role} → ${allowed ? 'past the gate' : 'refused, nothing written'}`, async () => {
        session.userId = userIds[role];
        const before = await snapshotTables(t.db());
        const result = await actions.get(a.name)!(null, {});
        // With {} an allowed action refuses the input, or acts when it takes none (a checkpoint).
        // 'Internal error' is what the guard says for a crash: that is not past the gate.
        if (allowed) expect(result.ok ? '' : result.error).not.toMatch(/may not|sign in|internal error/i);
        else expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/may not/), fieldErrors: {} });
        // Refused or invalid: nothing written. (An allowed action that took no input has acted.)
        if (!result.ok) expect(await snapshotTables(t.db())).toEqual(before);
      });
    }
  }

  for (const r of SESSION_ROUTES) {
    for (const role of ROLES) {
      const allowed = can(role, r.permission) && !r.refusedFor?.roles.includes(role);
      it(`${r.route} as ${role} → ${allowed ? 'past the gate' : '403, nothing written'}`, async () => {
        session.userId = userIds[role];
        const before = MUTATING(r.route) ? await snapshotTables(t.db()) : null;
        const res = await call(r.route, r.params);
        if (allowed) {
          expect(res.status, await res.clone().text()).toBeLessThan(500);
          expect([401, 403]).not.toContain(res.status);
          if (MUTATING(r.route)) expect([400, 404, 409]).toContain(res.status);
        } else expect(res.status).toBe(403);
        if (before) expect(await snapshotTables(t.db())).toEqual(before);
      });
    }
  }

  it('refuses every session entry point without a session (an API key is no session)', async () => {
    session.userId = '';
    for (const name of ACTIONS.map((a) => a.name))
      expect(await actions.get(name)!(null, {}), name).toMatchObject({ ok: false, error: 'Sign in first' });
    for (const r of SESSION_ROUTES) {
      const req = jsonRequest(r.route, { headers: { authorization: 'Bearer tl_demo_enforce_7Hq2Lx9VbN4pR8sT3wYz' } });
      expect((await handlers.get(r.route)!(req, { params: Promise.resolve(r.params ?? {}) })).status, r.route).toBe(401);
    }
  });
});

describe('matrix coverage', () => {
  it('keeps server actions in files named actions.ts, where the matrix loads them', () => {
    // A 'use server' module under another name would be an entry point no matrix test sees.
    const files = (readdirSync('app', { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));
    const elsewhere = files.filter(
      (f) => !f.endsWith('actions.ts') && /^\s*['"]use server['"]/.test(readFileSync(`app/${f}`, 'utf8')),
    );
    expect(elsewhere).toEqual([]);
    expect(files.filter((f) => /[^/]actions\.ts$/.test(f) && !/(^|\/)actions\.ts$/.test(f))).toEqual([]);
  });

  it('lists every server action under app/', () => {
    const listed = new Set(ACTIONS.map((a) => a.name));
    expect([...actions.keys()].filter((n) => !listed.has(n) && !EXEMPT_ACTIONS.has(n))).toEqual([]);
    expect(
      [...listed].filter((n) => !actions.has(n)),
      'listed but gone',
    ).toEqual([]);
  });

  it('lists every exported method of every route handler under app/, /api/v1 and /api/auth included', () => {
    const listed = new Set(ROUTES.map((r) => r.route));
    expect([...handlers.keys()].filter((n) => !listed.has(n))).toEqual([]);
    expect(
      [...listed].filter((n) => !handlers.has(n)),
      'listed but gone',
    ).toEqual([]);
  });
});
