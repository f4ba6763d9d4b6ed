import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { getPrisma } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/server/errors';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { SIGN_IN_LIMITS } from '@/lib/server/rate-limit/sign-in-throttle';
import { signInWithPassword } from './sign-in-with-password';
import { recordSignOut } from './record-sign-out';
import { SIGN_IN_SERVICE } from './sign-in-service';

withTestDatabase();

const PASSWORD = 'correct horse battery';
let userId = '';

const attempt = (email: string, password: string, clientAddress: string | null = '203.0.113.10') =>
  signInWithPassword({ actor: SIGN_IN_SERVICE, input: { email, password, clientAddress } });

beforeAll(async () => {
  const prisma = await getPrisma();
  const u = await prisma.user.create({
    data: { email: 'ada@example.test', name: 'Ada', role: 'COMPLIANCE_OFFICER', passwordHash: await hashPassword(PASSWORD) },
  });
  userId = u.id;
  await prisma.user.create({
    data: { email: 'bob@example.test', name: 'Bob', role: 'AUDITOR', passwordHash: await hashPassword(PASSWORD) },
  });
});

describe('password sign-in', () => {
  it('records a success in the audit trail together with lastSignInAt', async () => {
    const prisma = await getPrisma();
    const result = await attempt('ADA@example.test', PASSWORD);
    expect(result).toMatchObject({ ok: true, user: { id: userId, email: 'ada@example.test', sessionVersion: 0 } });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.lastSignInAt).not.toBeNull();
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'user.signedIn', entityId: userId } });
    expect(event).toMatchObject({ actorType: 'USER', actorId: userId, entityType: 'User' });
    expect(event.after).toMatchObject({
      method: 'password',
      clientAddress: '203.0.113.10',
      lastSignInAt: user.lastSignInAt!.toISOString(),
    });
  });

  it('records a wrong password against the account, never the password', async () => {
    const prisma = await getPrisma();
    expect(await attempt('ada@example.test', 'Tr0ub4dor&3-guess')).toEqual({ ok: false, reason: 'invalid' });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'user.signInFailed', entityId: userId } });
    expect(event).toMatchObject({ actorType: 'SYSTEM', actorLabel: 'sign-in', entityType: 'User' });
    expect(event.after).toMatchObject({ email: 'ada@example.test', reason: 'wrong_password' });
    expect(JSON.stringify({ ...event, seq: String(event.seq) })).not.toContain('Tr0ub4dor');
  });

  it('records a failure for an unknown email without creating a user', async () => {
    const prisma = await getPrisma();
    const users = await prisma.user.count();
    expect(await attempt('Nobody@Example.test', 'whatever-secret-1')).toEqual({ ok: false, reason: 'invalid' });
    expect(await prisma.user.count()).toBe(users);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'user.signInFailed', entityType: 'SignIn' } });
    expect(event.entityId).toBe('nobody@example.test');
    expect(event.after).toMatchObject({ reason: 'unknown_email' });
    expect(JSON.stringify({ ...event, seq: String(event.seq) })).not.toContain('whatever-secret-1');
  });

  it('blocks an account after repeated failures, even with the right password, and says for how long', async () => {
    const prisma = await getPrisma();
    const email = 'bob@example.test';
    const limit = SIGN_IN_LIMITS.account.points;
    const results = [];
    for (let i = 0; i < limit; i++) results.push(await attempt(email, `wrong guess ${i}`, `198.51.100.${i}`));
    expect(results.slice(0, limit - 1).every((r) => !r.ok && r.reason === 'invalid')).toBe(true);
    expect(results.at(-1)).toMatchObject({
      ok: false,
      reason: 'throttled',
      message: 'Too many attempts: try again in 15 minutes.',
    });
    const right = await attempt(email, PASSWORD, '192.0.2.99');
    expect(right).toMatchObject({ ok: false, reason: 'throttled', message: expect.stringMatching(/try again in 1[45] minutes/) });
    // The count lives in the database, where every instance sees it.
    const row = await prisma.rateLimitCounter.findUniqueOrThrow({
      where: { key: `${SIGN_IN_LIMITS.account.keyPrefix}:${email}` },
    });
    expect(row.points).toBeGreaterThan(limit);
    expect(row.expire!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    // The other account is not affected.
    expect(await attempt('ada@example.test', PASSWORD, '192.0.2.99')).toMatchObject({ ok: true });
  });

  it('blocks a client address after many failures across accounts', async () => {
    const address = '203.0.113.77';
    const limit = SIGN_IN_LIMITS.address.points;
    let last;
    for (let i = 0; i < limit; i++) last = await attempt(`spray-${i}@example.test`, 'spray password', address);
    expect(last).toMatchObject({ reason: 'throttled' });
    expect(await attempt('ada@example.test', PASSWORD, address)).toMatchObject({ ok: false, reason: 'throttled' });
    expect(await attempt('ada@example.test', PASSWORD, '203.0.113.78')).toMatchObject({ ok: true });
  }, 120_000);

  it('clears the account count on success, so a later typo does not lock the person out', async () => {
    const prisma = await getPrisma();
    await attempt('ada@example.test', 'typo one', '192.0.2.1');
    expect(await attempt('ada@example.test', PASSWORD, '192.0.2.1')).toMatchObject({ ok: true });
    expect(
      await prisma.rateLimitCounter.findUnique({ where: { key: `${SIGN_IN_LIMITS.account.keyPrefix}:ada@example.test` } }),
    ).toBeNull();
  });

  it('records a sign-out as the person', async () => {
    const prisma = await getPrisma();
    await recordSignOut({ actor: SIGN_IN_SERVICE, input: { userId } });
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: 'user.signedOut', entityId: userId } })).toMatchObject({
      actorType: 'USER',
      actorId: userId,
    });
  });

  it('is run only by the sign-in endpoint', async () => {
    const person = { type: 'USER' as const, id: userId, label: 'ada@example.test', role: 'ADMIN' as const };
    const err = await signInWithPassword({ actor: person, input: { email: 'ada@example.test', password: PASSWORD } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(403);
  });

  it('leaves a verifiable audit chain', async () => {
    expect(await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} })).toMatchObject({ ok: true });
  });
});
