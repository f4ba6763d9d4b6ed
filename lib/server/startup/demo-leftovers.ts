import 'server-only';
import type { Prisma, PrismaClient } from '@prisma/client';
import { DEMO_API_KEYS } from '@/lib/demo/demo-api-keys';
import { DEMO_USERS } from '@/lib/demo/demo-users';
import { hashApiKeySecret } from '@/lib/server/api-keys/api-key-secret';

type Db = PrismaClient | Prisma.TransactionClient;

export const DEMO_EMAILS = DEMO_USERS.map((u) => u.email);

/** A demo key is one with a published secret (README) or the tl_demo_ prefix they all carry. */
export const DEMO_KEY_WHERE = {
  OR: [{ prefix: { startsWith: 'tl_demo_' } }, { secretHash: { in: Object.values(DEMO_API_KEYS).map(hashApiKeySecret) } }],
} satisfies Prisma.ApiKeyWhereInput;

/** Demo accounts that could still sign in (active, or with a password), and demo keys not revoked. */
export async function findDemoLeftovers(db: Db) {
  const [users, keys] = await Promise.all([
    db.user.findMany({
      where: { email: { in: DEMO_EMAILS }, OR: [{ active: true }, { passwordHash: { not: null } }] },
      select: { id: true, email: true, active: true, passwordHash: true },
      orderBy: { email: 'asc' },
    }),
    db.apiKey.findMany({
      where: { ...DEMO_KEY_WHERE, revokedAt: null },
      select: { id: true, name: true, prefix: true },
      orderBy: { prefix: 'asc' },
    }),
  ]);
  return { users, keys };
}

export class DemoLeftoversError extends Error {}

/**
 * Outside demo mode the documented demo password and API keys are public knowledge: the app
 * refuses to start while anything can still use them, and says how to remove them.
 */
export async function refuseDemoLeftovers(db: Db): Promise<void> {
  const { users, keys } = await findDemoLeftovers(db);
  if (users.length === 0 && keys.length === 0) return;
  const what = [
    users.length > 0 && `${users.length} demo account(s) (${users.map((u) => u.email).join(', ')})`,
    keys.length > 0 && `${keys.length} demo API key(s) (${keys.map((k) => `${k.prefix}…`).join(', ')})`,
  ].filter(Boolean);
  throw new DemoLeftoversError(
    `Demo mode is off, but the database still holds ${what.join(' and ')} whose password and secrets are published. ` +
      'ToolLedger will not start until they are removed: run `npm run demo:purge` with the same environment ' +
      '(it deactivates the demo accounts, clears their passwords and revokes the demo keys, each an audit record), ' +
      'or set TOOLLEDGER_DEMO=true if this instance is a demo.',
  );
}
