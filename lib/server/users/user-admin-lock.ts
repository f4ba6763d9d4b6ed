import 'server-only';
import type { Prisma } from '@prisma/client';

// Any constant works; it only has to be the same for every writer of user roles/activation.
const USER_ADMIN_LOCK = 4_242_101;

/**
 * Serializes role and activation changes: without it two admins demoting each other at
 * the same moment could both pass the "one active admin remains" check.
 */
export async function lockUserAdministration(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${USER_ADMIN_LOCK})`);
}

/** Active admins other than `exceptId`: must stay ≥ 1 after any demotion or deactivation. */
export function countOtherActiveAdmins(tx: Prisma.TransactionClient, exceptId: string): Promise<number> {
  return tx.user.count({ where: { role: 'ADMIN', active: true, id: { not: exceptId } } });
}

/** What the audit trail keeps of a user: never the password hash. */
export function userAuditView(u: { email: string; name: string; role: string; active: boolean }) {
  return { email: u.email, name: u.name, role: u.role, active: u.active };
}
