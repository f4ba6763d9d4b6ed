import 'server-only';
import type { PrismaClient } from '@prisma/client';
import { hashPassword } from '@/lib/auth/password';
import { env } from '@/lib/env';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { DEMO_EMAILS } from './demo-leftovers';

/**
 * Creates the admin named by TOOLLEDGER_ADMIN_EMAIL/_PASSWORD (validated by lib/env.ts with the
 * rules every user's password follows) when no active admin exists other than demo accounts,
 * which are purged before a real deployment. Once that admin exists the variables are ignored.
 */
export async function bootstrapFirstAdmin(ctx: { db: PrismaClient }): Promise<{ created: boolean }> {
  const { db } = ctx;
  const { TOOLLEDGER_ADMIN_EMAIL: email, TOOLLEDGER_ADMIN_PASSWORD: password } = env();
  if (!email || !password) return { created: false };
  const [existing, admins] = await Promise.all([
    db.user.findUnique({ where: { email }, select: { id: true } }),
    db.user.count({ where: { role: 'ADMIN', active: true, email: { notIn: DEMO_EMAILS } } }),
  ]);
  if (existing || admins > 0) return { created: false };
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, name: 'Administrator', role: 'ADMIN', passwordHash } });
    await recordAuditEvent(tx, SYSTEM_ACTOR, {
      action: 'user.bootstrapped',
      entityType: 'User',
      entityId: user.id,
      after: { email: user.email, role: user.role },
    });
  });
  return { created: true };
}
