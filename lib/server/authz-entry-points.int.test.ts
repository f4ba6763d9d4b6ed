/**
 * Authorization matrix for the app's entry points: every mutating server action and dashboard
 * route handler × every role, signed in through a stubbed session (what the cookie would say).
 * Refused roles get "may not" / 403 and every table stays byte-for-byte the same. Allowed roles
 * must get past the permission gate: with an empty input that means a validation error (400),
 * never a refusal. Add new actions to ACTIONS and new mutating routes to ROUTES.
 */
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

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { withTestDatabase } from '@/lib/testing/test-database';
import { snapshotTables } from '@/lib/testing/db-snapshot';
import { getPrisma } from '@/lib/db/client';
import { can, type Permission } from '@/lib/auth/permissions';
import type { ActionResult } from '@/lib/server/guards/action-result';
import * as userActions from '@/app/(dashboard)/settings/users/actions';
import * as accountActions from '@/app/(dashboard)/settings/account/actions';
import * as apiKeyActions from '@/app/(dashboard)/settings/api-keys/actions';
import * as changeActions from '@/app/(dashboard)/changes/actions';
import * as policyActions from '@/app/(dashboard)/policies/actions';
import * as toolActions from '@/app/(dashboard)/inventory/[toolId]/actions';
import * as registryActions from '@/app/(dashboard)/registries/actions';
import * as monitoringActions from '@/app/(dashboard)/monitoring/actions';
import * as usersRoute from '@/app/api/users/route';
import * as apiKeysRoute from '@/app/api/api-keys/route';
import * as changesRoute from '@/app/api/changes/route';
import * as commentsRoute from '@/app/api/changes/[id]/comments/route';
import * as decisionRoute from '@/app/api/changes/[id]/decision/route';
import * as deployRoute from '@/app/api/changes/[id]/deploy/route';

const t = withTestDatabase();
const ROLES: Role[] = ['ADMIN', 'COMPLIANCE_OFFICER', 'SECURITY_REVIEWER', 'AUDITOR'];
const userIds = {} as Record<Role, string>;

type Action = (prev: null, input: unknown) => Promise<ActionResult<unknown>>;
const ACTIONS: { name: string; permission: Permission; action: Action }[] = [
  { name: 'settings/users/createUserAction', permission: 'user:manage', action: userActions.createUserAction },
  { name: 'settings/users/updateUserRoleAction', permission: 'user:manage', action: userActions.updateUserRoleAction },
  { name: 'settings/users/setUserActiveAction', permission: 'user:manage', action: userActions.setUserActiveAction },
  { name: 'settings/users/resetUserPasswordAction', permission: 'user:manage', action: userActions.resetUserPasswordAction },
  { name: 'settings/users/approveSsoLinkAction', permission: 'user:manage', action: userActions.approveSsoLinkAction },
  { name: 'settings/api-keys/createApiKeyAction', permission: 'apiKey:manage', action: apiKeyActions.createApiKeyAction },
  { name: 'settings/api-keys/revokeApiKeyAction', permission: 'apiKey:manage', action: apiKeyActions.revokeApiKeyAction },
  {
    name: 'changes/createChangeRequestAction',
    permission: 'changeRequest:create',
    action: changeActions.createChangeRequestAction,
  },
  {
    name: 'changes/decideChangeRequestAction',
    permission: 'changeRequest:review',
    action: changeActions.decideChangeRequestAction,
  },
  {
    name: 'changes/deployChangeRequestAction',
    permission: 'changeRequest:deploy',
    action: changeActions.deployChangeRequestAction,
  },
  {
    name: 'changes/withdrawChangeRequestAction',
    permission: 'changeRequest:create',
    action: changeActions.withdrawChangeRequestAction,
  },
  { name: 'changes/addChangeCommentAction', permission: 'changeRequest:comment', action: changeActions.addChangeCommentAction },
  { name: 'changes/addAllowlistEntryAction', permission: 'allowlist:manage', action: changeActions.addAllowlistEntryAction },
  { name: 'changes/decideAllowlistEntryAction', permission: 'allowlist:approve', action: changeActions.decideAllowlistEntryAction },
  {
    name: 'changes/revokeAllowlistEntryAction',
    permission: 'allowlist:manage',
    action: changeActions.revokeAllowlistEntryAction,
  },
  {
    name: 'inventory/[toolId]/updateToolOwnershipAction',
    permission: 'inventory:update',
    action: toolActions.updateToolOwnershipAction,
  },
  { name: 'registries/createRegistryAction', permission: 'registry:manage', action: registryActions.createRegistryAction },
  { name: 'registries/updateRegistryAction', permission: 'registry:manage', action: registryActions.updateRegistryAction },
  {
    name: 'registries/setRegistryEnabledAction',
    permission: 'registry:manage',
    action: registryActions.setRegistryEnabledAction,
  },
  { name: 'registries/testConnectionAction', permission: 'registry:manage', action: registryActions.testConnectionAction },
  { name: 'registries/startSyncAction', permission: 'registry:sync', action: registryActions.startSyncAction },
  { name: 'monitoring/alertAction', permission: 'alert:manage', action: monitoringActions.alertAction },
  { name: 'policies/updatePolicyAction', permission: 'policy:manage', action: policyActions.updatePolicyAction },
];

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROUTES: { name: string; permission: Permission; handler: Handler; params?: Record<string, string> }[] = [
  { name: 'POST /api/users', permission: 'user:manage', handler: usersRoute.POST as Handler },
  { name: 'POST /api/api-keys', permission: 'apiKey:manage', handler: apiKeysRoute.POST as Handler },
  { name: 'POST /api/changes', permission: 'changeRequest:create', handler: changesRoute.POST as Handler },
  {
    name: 'POST /api/changes/:id/comments',
    permission: 'changeRequest:comment',
    handler: commentsRoute.POST as Handler,
    params: { id: 'missing' },
  },
  {
    name: 'POST /api/changes/:id/decision',
    permission: 'changeRequest:review',
    handler: decisionRoute.POST as Handler,
    params: { id: 'missing' },
  },
  {
    name: 'POST /api/changes/:id/deploy',
    permission: 'changeRequest:deploy',
    handler: deployRoute.POST as Handler,
    params: { id: 'missing' },
  },
];

beforeAll(async () => {
  const prisma = await getPrisma();
  for (const role of ROLES)
    userIds[role] = (await prisma.user.create({ data: { email: `${role.toLowerCase()}@entry.test`, name: role, role } })).id;
});

describe('authorization matrix (server actions and route handlers)', () => {
  it('the auditor holds none of these permissions, and changing one’s own password needs only a session', () => {
    for (const e of [...ACTIONS, ...ROUTES]) expect(can('AUDITOR', e.permission), e.name).toBe(false);
    for (const role of ROLES) expect(can(role, 'user:read')).toBe(true);
    expect(accountActions.changeOwnPasswordAction).toBeTypeOf('function');
  });

  for (const a of ACTIONS) {
    for (const role of ROLES) {
      const allowed = can(role, a.permission);
      it(`${a.name} as ${role} → ${allowed ? 'past the gate' : 'refused, nothing written'}`, async () => {
        session.userId = userIds[role];
        const before = await snapshotTables(t.db());
        const result = await a.action(null, {});
        expect(result.ok).toBe(false);
        if (result.ok) return;
        if (allowed) expect(result.error).not.toMatch(/may not|sign in/i);
        else expect(result).toMatchObject({ error: expect.stringMatching(/may not/), fieldErrors: {} });
        expect(await snapshotTables(t.db())).toEqual(before);
      });
    }
  }

  for (const r of ROUTES) {
    for (const role of ROLES) {
      const allowed = can(role, r.permission);
      it(`${r.name} as ${role} → ${allowed ? 'past the gate' : '403, nothing written'}`, async () => {
        session.userId = userIds[role];
        const before = await snapshotTables(t.db());
        const req = new NextRequest('http://localhost/api/x', {
          method: 'POST',
          body: '{}',
          headers: { 'content-type': 'application/json' },
        });
        const res = await r.handler(req, { params: Promise.resolve(r.params ?? {}) });
        if (allowed) expect([400, 404, 409]).toContain(res.status);
        else expect(res.status).toBe(403);
        expect(await snapshotTables(t.db())).toEqual(before);
      });
    }
  }

  it('refuses every entry point without a session', async () => {
    session.userId = '';
    for (const a of ACTIONS) expect(await a.action(null, {}), a.name).toMatchObject({ ok: false, error: 'Sign in first' });
    for (const r of ROUTES) {
      const req = new NextRequest('http://localhost/api/x', { method: 'POST', body: '{}' });
      expect((await r.handler(req, { params: Promise.resolve(r.params ?? {}) })).status, r.name).toBe(401);
    }
  });
});

/** Entry points that mutate nothing governed, so they are outside the matrix (with the reason). */
const EXEMPT = new Set([
  'audit/verifyAuditChainAction', // recomputes the chain, writes nothing (audit:verify, auditors may)
  'settings/account/changeOwnPasswordAction', // one's own credential, any signed-in role (lib/server/users tests)
]);

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesNamed(path.join(dir, d.name), name) : d.name === name ? [path.join(dir, d.name)] : [],
  );
}

describe('matrix coverage', () => {
  it('lists every server action under app/(dashboard)', () => {
    const root = path.join(process.cwd(), 'app', '(dashboard)');
    const found = filesNamed(root, 'actions.ts').flatMap((file) => {
      const prefix = path.relative(root, path.dirname(file)).split(path.sep).join('/');
      return [...readFileSync(file, 'utf8').matchAll(/export const (\w+) = authAction\(/g)].map((m) => `${prefix}/${m[1]}`);
    });
    const listed = new Set(ACTIONS.map((a) => a.name));
    expect(found.filter((n) => !listed.has(n) && !EXEMPT.has(n))).toEqual([]);
  });

  it('lists every mutating dashboard route handler (API-key routes under /api/v1 have their own tests)', () => {
    const root = path.join(process.cwd(), 'app', 'api');
    const found = filesNamed(root, 'route.ts')
      .filter((f) => !/^(v1|auth)[/\\]/.test(path.relative(root, f)))
      .flatMap((file) => {
        const route =
          '/api/' +
          path
            .relative(root, path.dirname(file))
            .split(path.sep)
            .join('/')
            .replace(/\[(\w+)\]/g, ':$1');
        return [...readFileSync(file, 'utf8').matchAll(/export const (POST|PUT|PATCH|DELETE)\b/g)].map((m) => `${m[1]} ${route}`);
      });
    const listed = new Set(ROUTES.map((r) => r.name));
    expect(found.filter((n) => !listed.has(n))).toEqual([]);
  });
});
