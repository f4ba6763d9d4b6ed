/**
 * Authorization matrix for the public API (API-key routes) and the public routes: every route ×
 * every scope (a key holding only that scope), no key, an unknown key, a revoked key, an expired
 * key, and a signed-in session without a key. Only a live key with the route's scope gets past
 * the gate; a 500 never counts as past it. The route table is lib/testing/entry-points.ts, whose
 * coverage test (authz-entry-points.int.test.ts) fails when a route is missing from it.
 */
import type { ApiKeyScope } from '@prisma/client';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= 'test-secret-for-authorization-matrix';
});
const session = vi.hoisted(() => ({ userId: '' }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId }, expires: '2999-01-01T00:00:00Z' } : null),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

import { withTestDatabase } from '@/lib/testing/test-database';
import { jsonRequest, loadRouteHandlers, ROUTES, type RouteHandler } from '@/lib/testing/entry-points';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { createApiKey } from '@/lib/server/api-keys/create-api-key';
import { revokeApiKey } from '@/lib/server/api-keys/revoke-api-key';
import { API_KEY_SCOPES } from '@/lib/validation/api-key';

withTestDatabase();

const KEY_ROUTES = ROUTES.flatMap((r) => (r.auth.kind === 'apiKey' ? [{ ...r, scope: r.auth.scope }] : []));
const PUBLIC_ROUTES = ROUTES.filter((r) => r.auth.kind === 'public' && !r.route.includes('/api/auth/'));

let handlers: Map<string, RouteHandler>;
let adminId = '';
const keys = {} as Record<ApiKeyScope | 'revoked' | 'expired', string>;

beforeAll(async () => {
  handlers = await loadRouteHandlers();
  const prisma = await getPrisma();
  const admin = await prisma.user.create({ data: { email: 'admin@keys.test', name: 'Admin', role: 'ADMIN' } });
  adminId = admin.id;
  const actor: Actor = { type: 'USER', id: admin.id, label: admin.email, role: 'ADMIN' };
  for (const scope of API_KEY_SCOPES)
    keys[scope] = (await createApiKey({ actor, input: { name: `only ${scope}`, scopes: [scope] } })).secret;
  const revoked = await createApiKey({ actor, input: { name: 'revoked', scopes: [...API_KEY_SCOPES] } });
  await revokeApiKey({ actor, input: { id: revoked.id } });
  keys.revoked = revoked.secret;
  const expired = await createApiKey({ actor, input: { name: 'expired', scopes: [...API_KEY_SCOPES] } });
  await prisma.apiKey.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
  keys.expired = expired.secret;
});

function send(route: string, params: Record<string, string> | undefined, headers: Record<string, string> = {}) {
  return handlers.get(route)!(jsonRequest(route, { headers }), { params: Promise.resolve(params ?? {}) });
}

describe('API-key routes: every scope × route', () => {
  for (const r of KEY_ROUTES) {
    for (const scope of API_KEY_SCOPES) {
      const allowed = scope === r.scope;
      it(`${r.route} with a ${scope}-only key → ${allowed ? 'past the gate' : '403'}`, async () => {
        session.userId = '';
        const res = await send(r.route, r.params, { authorization: `Bearer ${keys[scope]}` });
        if (allowed) {
          expect(res.status, await res.clone().text()).toBeLessThan(500);
          expect([401, 403]).not.toContain(res.status);
        } else expect(res.status).toBe(403);
      });
    }

    it.each([
      ['no key', {}],
      ['an unknown key', { authorization: 'Bearer tl_enforce_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
      ['a malformed Authorization header', { authorization: 'Basic dXNlcjpwYXNz' }],
      ['a revoked key', 'revoked'],
      ['an expired key', 'expired'],
    ] as const)(`${r.route} with %s → 401`, async (_what, how: Record<string, string> | 'revoked' | 'expired') => {
      session.userId = '';
      const headers = typeof how === 'string' ? { 'x-api-key': keys[how] } : how;
      const res = await send(r.route, r.params, headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    });

    it(`${r.route} signed in as an admin but without a key → 401 (a session is no API key)`, async () => {
      session.userId = adminId;
      expect((await send(r.route, r.params)).status).toBe(401);
      session.userId = '';
    });
  }
});

describe('public routes', () => {
  for (const r of PUBLIC_ROUTES) {
    it(`${r.route} answers without a session or key`, async () => {
      session.userId = '';
      const res = await send(r.route, r.params);
      expect(res.status).toBe(200);
    });
  }
});
