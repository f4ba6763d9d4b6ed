import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { getPrisma } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import type { Actor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { createUser } from './create-user';
import { updateUserRole } from './update-user-role';
import { setUserActive } from './set-user-active';
import { resetUserPassword } from './reset-user-password';
import { changeOwnPassword } from './change-own-password';
import { listUsers } from './list-users';
import { signInWithPassword } from './sign-in-with-password';
import { SIGN_IN_SERVICE } from './sign-in-service';

async function verifyCredentials(input: { email: string; password: string }) {
  const result = await signInWithPassword({ actor: SIGN_IN_SERVICE, input: { ...input, clientAddress: null } });
  return result.ok ? result.user : null;
}

withTestDatabase();

let admin: Actor;
const PASSWORD = 'correct horse battery';

async function appError(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeAll(async () => {
  const prisma = await getPrisma();
  const u = await prisma.user.create({
    data: { email: 'root@example.test', name: 'Root', role: 'ADMIN', passwordHash: await hashPassword(PASSWORD) },
  });
  admin = { type: 'USER', id: u.id, label: u.email, role: 'ADMIN' };
});

describe('user administration', () => {
  it('creates a user who can sign in, and audits it without the hash', async () => {
    const user = await createUser({
      actor: admin,
      input: { name: 'Nina', email: 'Nina@Example.test', role: 'SECURITY_REVIEWER', password: PASSWORD },
    });
    expect(user).toMatchObject({ email: 'nina@example.test', role: 'SECURITY_REVIEWER', active: true });
    expect(await verifyCredentials({ email: 'nina@example.test', password: PASSWORD })).toMatchObject({ id: user.id });
    const prisma = await getPrisma();
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: 'user.created' } });
    expect(event.actorId).toBe(admin.type === 'USER' ? admin.id : '');
    expect(JSON.stringify({ before: event.before, after: event.after })).not.toMatch(/argon2|passwordHash|correct horse/);
    expect((await listUsers({ actor: admin, input: {} })).rows.find((u) => u.id === user.id)).toMatchObject({
      hasPassword: true,
    });
  });

  it('refuses a duplicate email as a field error, whatever its case', async () => {
    const err = await appError(
      createUser({ actor: admin, input: { name: 'Again', email: 'NINA@example.test', role: 'AUDITOR', password: PASSWORD } }),
    );
    expect(err.status).toBe(409);
    expect(err.issues).toEqual([{ path: 'email', message: expect.stringMatching(/already exists/) }]);
  });

  it('refuses a short password with a field error and writes nothing', async () => {
    const prisma = await getPrisma();
    const before = await prisma.user.count();
    await expect(
      createUser({ actor: admin, input: { name: 'S', email: 's@example.test', role: 'AUDITOR', password: 'short' } }),
    ).rejects.toThrow(/12 characters/);
    expect(await prisma.user.count()).toBe(before);
  });

  it('changes a role with before/after in the audit trail', async () => {
    const prisma = await getPrisma();
    const nina = await prisma.user.findUniqueOrThrow({ where: { email: 'nina@example.test' } });
    await updateUserRole({ actor: admin, input: { userId: nina.id, role: 'COMPLIANCE_OFFICER' } });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: nina.id, action: 'user.roleChanged' } });
    expect(event.before).toMatchObject({ role: 'SECURITY_REVIEWER' });
    expect(event.after).toMatchObject({ role: 'COMPLIANCE_OFFICER' });
  });

  it('refuses self-demotion and self-deactivation, and keeps one active admin', async () => {
    const self = admin.type === 'USER' ? admin.id : '';
    expect((await appError(updateUserRole({ actor: admin, input: { userId: self, role: 'AUDITOR' } }))).status).toBe(400);
    expect((await appError(setUserActive({ actor: admin, input: { userId: self, active: false } }))).status).toBe(400);
    // Even the system may not remove the last active admin.
    const err = await appError(
      updateUserRole({ actor: { type: 'SYSTEM', label: 'system' }, input: { userId: self, role: 'AUDITOR' } }),
    );
    expect(err.message).toMatch(/one active admin/);
    const prisma = await getPrisma();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: self } })).toMatchObject({ role: 'ADMIN', active: true });
  });

  it('lets another admin be demoted while one remains', async () => {
    const second = await createUser({
      actor: admin,
      input: { name: 'Second', email: 'second@example.test', role: 'ADMIN', password: PASSWORD },
    });
    await updateUserRole({ actor: admin, input: { userId: second.id, role: 'AUDITOR' } });
    const prisma = await getPrisma();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: second.id } })).role).toBe('AUDITOR');
  });

  it('deactivated users cannot sign in; reactivation restores access', async () => {
    const prisma = await getPrisma();
    const nina = await prisma.user.findUniqueOrThrow({ where: { email: 'nina@example.test' } });
    await setUserActive({ actor: admin, input: { userId: nina.id, active: 'false' as unknown as boolean } });
    expect(await verifyCredentials({ email: nina.email, password: PASSWORD })).toBeNull();
    await setUserActive({ actor: admin, input: { userId: nina.id, active: true } });
    expect(await verifyCredentials({ email: nina.email, password: PASSWORD })).not.toBeNull();
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: nina.id }, orderBy: { seq: 'asc' } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual([
      'user.created',
      'user.signedIn',
      'user.roleChanged',
      'user.deactivated',
      'user.signInFailed',
      'user.reactivated',
      'user.signedIn',
    ]);
  });

  it('resets a password: the old one stops working', async () => {
    const prisma = await getPrisma();
    const nina = await prisma.user.findUniqueOrThrow({ where: { email: 'nina@example.test' } });
    await resetUserPassword({ actor: admin, input: { userId: nina.id, password: 'a brand new passphrase' } });
    expect(await verifyCredentials({ email: nina.email, password: PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: nina.email, password: 'a brand new passphrase' })).not.toBeNull();
    expect((await appError(resetUserPassword({ actor: admin, input: { userId: 'nope', password: PASSWORD } }))).status).toBe(404);
  });

  it('changes one’s own password only with the current one', async () => {
    const prisma = await getPrisma();
    const nina = await prisma.user.findUniqueOrThrow({ where: { email: 'nina@example.test' } });
    const actor: Actor = { type: 'USER', id: nina.id, label: nina.email, role: nina.role };
    const wrong = await appError(
      changeOwnPassword({
        actor,
        input: { currentPassword: 'not it', newPassword: 'yet another passphrase', confirmPassword: 'yet another passphrase' },
      }),
    );
    expect(wrong.issues[0]?.path).toBe('currentPassword');
    await changeOwnPassword({
      actor,
      input: {
        currentPassword: 'a brand new passphrase',
        newPassword: 'yet another passphrase',
        confirmPassword: 'yet another passphrase',
      },
    });
    expect(await verifyCredentials({ email: nina.email, password: 'yet another passphrase' })).not.toBeNull();
  });

  it('lists users filtered by name or email, role and status, one page at a time, with the total', async () => {
    const prisma = await getPrisma();
    for (const [name, role, active] of [
      ['Listed Ada', 'AUDITOR', true],
      ['Listed Bea', 'AUDITOR', false],
      ['Listed Cy', 'COMPLIANCE_OFFICER', true],
    ] as const)
      await prisma.user.create({
        data: {
          name,
          email: `${name.split(' ')[1]!.toLowerCase()}@list.test`,
          role,
          active,
        },
      });
    const names = async (input: Parameters<typeof listUsers>[0]['input']) =>
      (await listUsers({ actor: admin, input })).rows.map((u) => u.name);
    expect(await names({ q: 'listed' })).toEqual(['Listed Ada', 'Listed Cy', 'Listed Bea']);
    expect(await names({ q: 'BEA@LIST' })).toEqual(['Listed Bea']);
    expect(await names({ q: 'listed', role: 'AUDITOR', status: 'active' })).toEqual(['Listed Ada']);
    const second = await listUsers({
      actor: admin,
      input: { q: 'list', pageSize: 2, page: 2 },
    });
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.rows.map((u) => u.name)).toEqual(['Listed Bea']);
    expect((await appError(listUsers({ actor: admin, input: { role: 'ROOT' as never } }))).status).toBe(400);
  });

  it('leaves a verifiable audit chain', async () => {
    expect(await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} })).toMatchObject({ ok: true });
  });
});
