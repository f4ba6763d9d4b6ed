import { beforeAll, describe, expect, it, vi } from 'vitest';

// Before anything reads the environment (env() caches it on first use).
vi.hoisted(() => {
  process.env.OIDC_ALLOWED_DOMAINS = 'Acme.example, subsidiary.example';
  process.env.OIDC_ALLOWED_GROUPS = 'toolledger-users';
  process.env.OIDC_DEFAULT_ROLE = 'AUDITOR';
});

import { withTestDatabase } from '@/lib/testing/test-database';
import { getPrisma } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { findOrCreateOidcUser } from './find-or-create-oidc-user';
import { approveSsoLink } from './approve-sso-link';
import { SIGN_IN_SERVICE } from './sign-in-service';

withTestDatabase();

let admin: Actor;
let localId = '';

const sso = (claims: Record<string, unknown>) =>
  findOrCreateOidcUser({ actor: SIGN_IN_SERVICE, input: { claims: claims as { sub: string }, clientAddress: '192.0.2.5' } });

beforeAll(async () => {
  const prisma = await getPrisma();
  const a = await prisma.user.create({
    data: { email: 'root@acme.example', name: 'Root', role: 'ADMIN', passwordHash: await hashPassword('root passphrase') },
  });
  admin = { type: 'USER', id: a.id, label: a.email, role: 'ADMIN' };
  const local = await prisma.user.create({
    data: {
      email: 'lena@acme.example',
      name: 'Lena',
      role: 'COMPLIANCE_OFFICER',
      passwordHash: await hashPassword('lena passphrase'),
    },
  });
  localId = local.id;
});

describe('findOrCreateOidcUser', () => {
  it('creates a verified person from an allowed domain with the default role, bound to their subject', async () => {
    const result = await sso({ sub: 'idp|new-1', email: 'New.Person@ACME.example', email_verified: true, name: 'New Person' });
    expect(result).toMatchObject({
      ok: true,
      created: true,
      user: { email: 'new.person@acme.example', role: 'AUDITOR', sessionVersion: 0 },
    });
    const prisma = await getPrisma();
    const user = await prisma.user.findUniqueOrThrow({ where: { email: 'new.person@acme.example' } });
    expect(user).toMatchObject({ oidcSubject: 'idp|new-1', passwordHash: null });
    expect(user.lastSignInAt).not.toBeNull();
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { seq: 'asc' } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['user.createdBySso', 'user.signedIn']);
  });

  it('signs the same subject in again, even after the email changed at the provider', async () => {
    const result = await sso({ sub: 'idp|new-1', email: 'renamed@acme.example', email_verified: true });
    expect(result).toMatchObject({ ok: true, created: false, user: { email: 'new.person@acme.example' } });
  });

  it('admits a group member from another domain', async () => {
    const result = await sso({
      sub: 'idp|c1',
      email: 'c@contractor.example',
      email_verified: 'true',
      groups: ['toolledger-users'],
    });
    expect(result).toMatchObject({ ok: true, created: true });
  });

  it.each([
    ['an unverified email', { sub: 'idp|u1', email: 'u1@acme.example', email_verified: false }, 'email_unverified'],
    ['no email_verified claim', { sub: 'idp|u2', email: 'u2@acme.example' }, 'email_unverified'],
    ['a domain not allowed', { sub: 'idp|e1', email: 'eve@evil.example', email_verified: true }, 'not_allowed'],
    ['no email', { sub: 'idp|e2', email_verified: true }, 'email_missing'],
  ])('refuses %s, audits it and creates nobody', async (_name, claims, reason) => {
    const prisma = await getPrisma();
    const users = await prisma.user.count();
    const result = await sso(claims);
    expect(result).toMatchObject({ ok: false, reason, message: expect.any(String) });
    expect(await prisma.user.count()).toBe(users);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'user.signInFailed' }, orderBy: { seq: 'desc' } });
    expect(event).toMatchObject({ entityType: 'SignIn' });
    expect(event.after).toMatchObject({ method: 'oidc', reason, subject: claims.sub });
  });

  it('never signs an SSO identity into a local account on a matching email alone', async () => {
    const prisma = await getPrisma();
    const result = await sso({ sub: 'idp|attacker', email: 'lena@acme.example', email_verified: true });
    expect(result).toMatchObject({ ok: false, reason: 'not_linked' });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: localId } })).toMatchObject({
      oidcSubject: null,
      lastSignInAt: null,
    });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'user.signInFailed', entityId: localId } });
    expect(event.after).toMatchObject({ reason: 'not_linked' });
  });

  it('binds the identity once an admin approved the link, audited, and then only that identity', async () => {
    const prisma = await getPrisma();
    await approveSsoLink({ actor: admin, input: { userId: localId } });
    const approved = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'user.ssoLinkApproved', entityId: localId } });
    expect(approved.actorId).toBe(admin.type === 'USER' ? admin.id : null);
    expect(await sso({ sub: 'idp|lena', email: 'lena@acme.example', email_verified: true })).toMatchObject({
      ok: true,
      created: false,
      user: { id: localId, role: 'COMPLIANCE_OFFICER' },
    });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: localId } })).toMatchObject({ oidcSubject: 'idp|lena' });
    expect(await prisma.auditEvent.count({ where: { action: 'user.ssoLinked', entityId: localId } })).toBe(1);
    // Another identity claiming the same email stays out.
    expect(await sso({ sub: 'idp|other', email: 'lena@acme.example', email_verified: true })).toMatchObject({
      ok: false,
      reason: 'subject_mismatch',
    });
    await expect(approveSsoLink({ actor: admin, input: { userId: localId } })).rejects.toMatchObject({ status: 409 });
  });

  it('lets only admins approve a link', async () => {
    const officer: Actor = { type: 'USER', id: localId, label: 'lena@acme.example', role: 'COMPLIANCE_OFFICER' };
    await expect(approveSsoLink({ actor: officer, input: { userId: localId } })).rejects.toMatchObject({ status: 403 });
    await expect(approveSsoLink({ actor: SYSTEM_ACTOR, input: { userId: 'nope' } })).rejects.toMatchObject({ status: 404 });
  });

  it('refuses a deactivated account', async () => {
    const prisma = await getPrisma();
    await prisma.user.update({ where: { email: 'c@contractor.example' }, data: { active: false } });
    expect(
      await sso({ sub: 'idp|c1', email: 'c@contractor.example', email_verified: true, groups: ['toolledger-users'] }),
    ).toMatchObject({
      ok: false,
      reason: 'account_inactive',
    });
  });

  it('leaves a verifiable audit chain', async () => {
    expect(await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} })).toMatchObject({ ok: true });
  });
});
