import { beforeAll, describe, expect, it, vi } from 'vitest';

// Before anything reads the environment (env() caches it on first use).
vi.hoisted(() => {
  process.env.TOOLLEDGER_SESSION_MAX_AGE = '900';
  process.env.NEXTAUTH_SECRET = 'test-secret-for-session-lifetime';
});

// getServerSession reads the request's cookie; here it returns the session a browser would hold.
const sessionUserId = vi.hoisted(() => ({ current: '', version: undefined as number | undefined }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () =>
    sessionUserId.current
      ? { user: { id: sessionUserId.current, sessionVersion: sessionUserId.version }, expires: '2999-01-01T00:00:00Z' }
      : null,
}));

/** The session a browser holds after signing in now: the user's id and current session version. */
async function signedInAs(userId: string) {
  const prisma = await getPrisma();
  sessionUserId.current = userId;
  sessionUserId.version = (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).sessionVersion;
}

import { withTestDatabase } from '@/lib/testing/test-database';
import { getPrisma } from '@/lib/db/client';
import { authOptions } from '@/lib/auth/options';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { createUser } from '@/lib/server/users/create-user';
import { setUserActive } from '@/lib/server/users/set-user-active';
import { updateUserRole } from '@/lib/server/users/update-user-role';
import { resetUserPassword } from '@/lib/server/users/reset-user-password';
import { changeOwnPassword } from '@/lib/server/users/change-own-password';
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
    await signedInAs(u.id);
    expect(await getCurrentUser()).toMatchObject({ id: u.id, role: 'SECURITY_REVIEWER' });
    await setUserActive({ actor: admin, input: { userId: u.id, active: false } });
    expect(await getCurrentUser()).toBeNull();
    await expect(requireUser('inventory:read')).rejects.toMatchObject({ status: 401 });
  });

  it('end at once on a role change; the next session carries the new role', async () => {
    const u = await createUser({
      actor: admin,
      input: { name: 'Cora', email: 'cora@session.test', role: 'COMPLIANCE_OFFICER', password: 'session passphrase' },
    });
    await signedInAs(u.id);
    await expect(requireUser('changeRequest:create')).resolves.toMatchObject({ id: u.id });
    await updateUserRole({ actor: admin, input: { userId: u.id, role: 'AUDITOR' } });
    await expect(requireUser('inventory:read')).rejects.toMatchObject({ status: 401 });
    await signedInAs(u.id);
    await expect(requireUser('changeRequest:create')).rejects.toMatchObject({ status: 403 });
    expect(await getCurrentUser()).toMatchObject({ role: 'AUDITOR' });
  });

  it('end at once when an admin resets the password', async () => {
    const u = await createUser({
      actor: admin,
      input: { name: 'Rita', email: 'rita@session.test', role: 'SECURITY_REVIEWER', password: 'session passphrase' },
    });
    await signedInAs(u.id);
    const stolen = sessionUserId.version;
    expect(await getCurrentUser()).toMatchObject({ id: u.id });
    await resetUserPassword({ actor: admin, input: { userId: u.id, password: 'another long passphrase' } });
    expect(await getCurrentUser()).toBeNull();
    // A token from before session versions existed (no version) is refused too once the version moved.
    sessionUserId.version = undefined;
    expect(await getCurrentUser()).toBeNull();
    sessionUserId.version = stolen;
    expect(await getCurrentUser()).toBeNull();
    await signedInAs(u.id);
    expect(await getCurrentUser()).toMatchObject({ id: u.id });
  });

  it('all end when the person changes their own password, this one included (they sign in again)', async () => {
    const u = await createUser({
      actor: admin,
      input: { name: 'Owen', email: 'owen@session.test', role: 'AUDITOR', password: 'session passphrase' },
    });
    await signedInAs(u.id);
    // user:read: an auditor with no audit open keeps their own account (ADR 0010).
    const me = await requireUser('user:read');
    const result = await changeOwnPassword({
      actor: { type: 'USER', id: me.id, label: me.email, role: me.role },
      input: { currentPassword: 'session passphrase', newPassword: 'a fresh passphrase', confirmPassword: 'a fresh passphrase' },
    });
    expect(result).toMatchObject({ signInAgain: true });
    expect(await getCurrentUser()).toBeNull();
  });

  it('are refused for a user that no longer exists', async () => {
    sessionUserId.current = 'no-such-user';
    expect(await getCurrentUser()).toBeNull();
  });
});
