import 'server-only';
import type { Prisma } from '@prisma/client';
import { rolesThatCan } from '@/lib/auth/permissions';

/**
 * Who may be given an alert: active people whose role may work alerts (alert:manage: security
 * reviewers, compliance officers, admins). An auditor never is: the catalogue gives them no
 * alert:manage, and this list is derived from it, so the two cannot drift apart.
 */
export function alertWorkerWhere(): Prisma.UserWhereInput {
  return { active: true, role: { in: rolesThatCan('alert:manage') } };
}
