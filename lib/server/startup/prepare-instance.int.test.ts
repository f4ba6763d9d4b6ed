import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { DEMO_API_KEYS } from '@/lib/demo/demo-api-keys';
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/demo/demo-users';
import { reloadEnv } from '@/lib/env';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { apiKeyPrefix, hashApiKeySecret } from '@/lib/server/api-keys/api-key-secret';
import { withTestDatabase } from '@/lib/testing/test-database';
import { DemoLeftoversError } from './demo-leftovers';
import { prepareInstance } from './prepare-instance';
import { purgeDemoAccounts } from './purge-demo-accounts';

// Issue 7.1: a database that once ran in demo mode, now started as production.
const t = withTestDatabase();
const ADMIN_EMAIL = 'ops@example.com';

beforeAll(async () => {
  const prisma = t.db().prisma;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) await prisma.user.create({ data: { ...u, passwordHash } });
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: 'admin@toolledger.local' } });
  for (const [scope, secret] of Object.entries(DEMO_API_KEYS)) {
    await prisma.apiKey.create({
      data: {
        name: `Demo ${scope}`,
        prefix: apiKeyPrefix(secret),
        secretHash: hashApiKeySecret(secret),
        scopes: [scope as 'READ'],
        createdById: admin.id,
      },
    });
  }
  Object.assign(process.env, {
    TOOLLEDGER_DEMO: 'false',
    NEXTAUTH_SECRET: 's'.repeat(32),
    TOOLLEDGER_ADMIN_EMAIL: ADMIN_EMAIL,
    TOOLLEDGER_ADMIN_PASSWORD: 'correct horse battery staple',
    TOOLLEDGER_CHECKPOINT_KEY: 'k'.repeat(32),
  });
  reloadEnv();
});

describe('demo mode off, demo accounts left over', () => {
  it('refuses to start, naming what is left and how to remove it, and writes nothing', async () => {
    const prisma = t.db().prisma;
    const before = await prisma.auditEvent.count();
    const start = prepareInstance({ db: prisma });
    await expect(start).rejects.toThrow(DemoLeftoversError);
    await expect(prepareInstance({ db: prisma })).rejects.toThrow(
      /5 demo account\(s\).*and 3 demo API key\(s\).*npm run demo:purge/s,
    );
    expect(await prisma.user.count({ where: { email: ADMIN_EMAIL } })).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(before);
  });

  it('demo:purge deactivates the accounts, clears their passwords and revokes the keys, audited', async () => {
    const prisma = t.db().prisma;
    const result = await purgeDemoAccounts({ actor: { type: 'SYSTEM', label: 'demo:purge' }, input: {} }, { db: prisma });
    expect(result.users).toHaveLength(DEMO_USERS.length);
    expect(result.keys).toHaveLength(3);
    const users = await prisma.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } });
    // No password left: the public demo password opens nothing, whatever the mode later.
    expect(users.map((u) => [u.active, u.passwordHash])).toEqual(DEMO_USERS.map(() => [false, null]));
    expect(await prisma.apiKey.count({ where: { revokedAt: null } })).toBe(0);
    const audit = await prisma.auditEvent.findMany({ where: { actorLabel: 'demo:purge' }, orderBy: { seq: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual([
      ...DEMO_USERS.map(() => 'user.deactivated'),
      'apiKey.revoked',
      'apiKey.revoked',
      'apiKey.revoked',
    ]);
    expect((await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} })).ok).toBe(true);
    // Running it again finds nothing to do.
    expect(await purgeDemoAccounts({ actor: { type: 'SYSTEM', label: 'demo:purge' }, input: {} }, { db: prisma })).toEqual({
      users: [],
      keys: [],
    });
  });

  it('then starts, creating the first admin from the environment once', async () => {
    const prisma = t.db().prisma;
    await prepareInstance({ db: prisma });
    await prepareInstance({ db: prisma });
    const admins = await prisma.user.findMany({ where: { email: ADMIN_EMAIL } });
    expect(admins.map((a) => [a.role, a.active, a.passwordHash !== null])).toEqual([['ADMIN', true, true]]);
    expect(await prisma.auditEvent.count({ where: { action: 'user.bootstrapped' } })).toBe(1);
    expect(await prisma.policy.count()).toBeGreaterThan(0);
  });

  it('refuses an auditor running the purge', async () => {
    await expect(
      purgeDemoAccounts(
        { actor: { type: 'USER', id: 'x', label: 'a@example.com', role: 'AUDITOR' }, input: {} },
        { db: t.db().prisma },
      ),
    ).rejects.toThrow(/may not/);
  });
});
