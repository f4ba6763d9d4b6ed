/**
 * The session guard's CSRF wall, through a real route handler: signed in (stubbed session, as
 * the cookie would say), the request still has to come from this site and be JSON.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= 'test-secret-for-the-session-guard';
  process.env.NEXTAUTH_URL = 'https://toolledger.example';
});
const session = vi.hoisted(() => ({ userId: '' }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId }, expires: '2999-01-01T00:00:00Z' } : null),
}));

import { NextRequest } from 'next/server';
import { getPrisma } from '@/lib/db/client';
import { withTestDatabase } from '@/lib/testing/test-database';
import * as syncRoute from '@/app/api/v1/registries/[id]/sync/route';
import * as runRoute from '@/app/api/registries/runs/[runId]/route';

withTestDatabase();
let registryId = '';

beforeAll(async () => {
  const prisma = await getPrisma();
  session.userId = (await prisma.user.create({ data: { email: 'admin@guard.test', name: 'Admin', role: 'ADMIN' } })).id;
  // Disabled: a request that passes the guard is answered 409 by the operation, and no sync starts.
  registryId = (
    await prisma.registry.create({
      data: { kind: 'AGENTNODE', name: 'Guarded', baseUrl: 'https://registry.example', enabled: false },
    })
  ).id;
});

const post = (headers: Record<string, string>, body = '{}') =>
  syncRoute.POST(
    new NextRequest(`http://127.0.0.1:3000/api/v1/registries/${registryId}/sync`, {
      method: 'POST',
      body,
      headers: { host: '127.0.0.1:3000', ...headers },
    }),
    {
      params: Promise.resolve({ id: registryId }),
    },
  );

describe('withSession on a route that changes data', () => {
  it.each([
    [
      'another site’s Origin',
      { origin: 'https://evil.example', 'content-type': 'application/json' },
      403,
      /Cross-site request refused: Origin https:\/\/evil\.example is not this site/,
    ],
    [
      'an opaque Origin (sandboxed page)',
      { origin: 'null', 'content-type': 'application/json' },
      403,
      /Cross-site request refused/,
    ],
    [
      'Sec-Fetch-Site cross-site without Origin',
      { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      403,
      /Sec-Fetch-Site: cross-site/,
    ],
    [
      'a same-site sibling',
      { 'sec-fetch-site': 'same-site', 'content-type': 'application/json' },
      403,
      /Cross-site request refused/,
    ],
    [
      'a form post from this site',
      { origin: 'http://127.0.0.1:3000', 'content-type': 'application/x-www-form-urlencoded' },
      415,
      /Content-Type: application\/json/,
    ],
    [
      'text/plain (the no-preflight CSRF trick)',
      { origin: 'http://127.0.0.1:3000', 'content-type': 'text/plain' },
      415,
      /as JSON/,
    ],
    ['no content type', { origin: 'http://127.0.0.1:3000' }, 415, /as JSON/],
  ])('refuses %s', async (_name, headers, status, message) => {
    const prisma = await getPrisma();
    const res = await post(headers);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({
      error: expect.stringMatching(message),
      code: status === 403 ? 'forbidden' : 'unsupported_media_type',
    });
    expect(await prisma.syncRun.count()).toBe(0);
  });

  it.each([
    [
      'same Origin as the Host',
      { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
    ],
    [
      'the configured public URL behind a proxy',
      { origin: 'https://toolledger.example', 'content-type': 'application/json; charset=utf-8' },
    ],
    [
      'the forwarded host',
      { origin: 'https://tl.internal.example', 'x-forwarded-host': 'tl.internal.example', 'content-type': 'application/json' },
    ],
    ['a non-browser client (no Origin, no Sec-Fetch-Site)', { 'content-type': 'application/json' }],
  ])('lets through %s', async (_name, headers) => {
    const res = await post(headers);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: 'Registry Guarded is disabled' });
  });

  it('checks the session and role before anything else, and leaves reads alone', async () => {
    const signedIn = session.userId;
    session.userId = '';
    expect((await post({ origin: 'https://evil.example' })).status).toBe(401);
    session.userId = signedIn;
    const read = await runRoute.GET(
      new NextRequest('http://127.0.0.1:3000/api/registries/runs/none', { headers: { origin: 'https://evil.example' } }),
      { params: Promise.resolve({ runId: 'none' }) },
    );
    expect(read.status).toBe(404);
  });
});
