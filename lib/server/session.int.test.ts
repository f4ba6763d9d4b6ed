import { beforeAll, describe, expect, it, vi } from 'vitest';

// Before anything reads the environment (env() caches it on first use).
vi.hoisted(() => {
  process.env.TOOLLEDGER_SESSION_MAX_AGE = '900';
  process.env.NEXTAUTH_SECRET = 'test-secret-for-session-lifetime';
});

// getServerSession reads the request's cookie; here it returns the session a browser would hold.
const sessionUserId = vi.hoisted(() => ({ current: '' }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () =>
    sessionUserId.current ? { user: { id: sessionUserId.current }, expires: '2999-01-01T00:00:00Z' } : null,
}));

import { withTestDatabase } from '@/lib/testing/test-database';
import { getPrisma } from '@/lib/db/client';
import { authOptions } from '@/lib/auth/options';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { createUser } from '@/lib/server/users/create-user';
import { setUserActive } from '@/lib/server/users/set-user-active';
import { updateUserRole } from '@/lib/server/users/update-user-role';
import { getCurrentUser, requireUser } from './session';

withTestDatabase();

let admin: Actor;

beforeAll(async () => {
  const a = await createUser({
    actor: SYSTEM_ACTOR,
    input: { name: 'Admin', email: 'admin@session.test', role: 'ADMIN', password: 'session passphrase' },
  });
  admin = { type: 'USER', id: a.id, label: a.email, role: 'ADMIN' };
});

describe('sessions', () => {
  it('expire after TOOLLEDGER_SESSION_MAX_AGE seconds', () => {
    expect(authOptions().session).toMatchObject({ strategy: 'jwt', maxAge: 900 });
  });

  it('are refused on the next request once the user is deactivated', async () => {
    const u = await createUser({
      actor: admin,
      input: { name: 'Sam', email: 'sam@session.test', role: 'SECURITY_REVIEWER', password: 'session passphrase' },
    });
    sessionUserId.current = u.id;
    expect(await getCurrentUser()).toMatchObject({ id: u.id, role: 'SECURITY_REVIEWER' });
    await setUserActive({ actor: admin, input: { userId: u.id, active: false } });
    expect(await getCurrentUser()).toBeNull();
    await expect(requireUser('inventory:read')).rejects.toMatchObject({ status: 401 });
  });

  it('carry the role from the database, so a demotion applies at once', async () => {
    const u = await createUser({
      actor: admin,
      input: { name: 'Cora', email: 'cora@session.test', role: 'COMPLIANCE_OFFICER', password: 'session passphrase' },
    });
    sessionUserId.current = u.id;
    await expect(requireUser('changeRequest:create')).resolves.toMatchObject({ id: u.id });
    await updateUserRole({ actor: admin, input: { userId: u.id, role: 'AUDITOR' } });
    await expect(requireUser('changeRequest:create')).rejects.toMatchObject({ status: 403 });
    const prisma = await getPrisma();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).role).toBe('AUDITOR');
  });

  it('are refused for a user that no longer exists', async () => {
    sessionUserId.current = 'no-such-user';
    expect(await getCurrentUser()).toBeNull();
  });
});
