import type { PrismaClient } from '@prisma/client';
import type { Actor } from '@/lib/server/actor';
import { forbidden } from '@/lib/server/errors';
import type { UserRole } from '@/lib/domain/change-requests/state-machine';

/** Decisions need a person (role + id for segregation of duties), never an API key or the system. */
export function requirePerson(actor: Actor): { id: string; role: UserRole; label: string } {
  if (actor.type !== 'USER') throw forbidden('Only a signed-in person can do this');
  return { id: actor.id, role: actor.role, label: actor.label };
}

/** The reviewer id recorded on approvals the system makes itself (fast-track). */
export const SYSTEM_REVIEWER_ID = 'system';

/**
 * For callers that run before the process database is ready (the demo seed): the client to use,
 * and the time to record (demo history in the past). Everything else omits them.
 */
export interface OperationOptions {
  db?: PrismaClient;
  now?: Date;
}
