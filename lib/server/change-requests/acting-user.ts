import 'server-only';
import type { Actor } from '@/lib/server/actor';
import { AppError, conflict, forbidden } from '@/lib/server/errors';
import type { Refusal, UserRole } from '@/lib/domain/change-requests/state-machine';

/**
 * Segregation of duties needs the person (role + id), never an API key or the system: the rules
 * in lib/domain/change-requests/state-machine.ts compare who raised, decided and deploys.
 */
export function requirePerson(actor: Actor): { id: string; role: UserRole; label: string } {
  if (actor.type !== 'USER') throw forbidden('Only a signed-in person can do this');
  return { id: actor.id, role: actor.role, label: actor.label };
}

/** A domain refusal as the HTTP error it is: a closed record is a conflict, anything else is forbidden. */
export function refusalError(refusal: Refusal): AppError {
  return refusal.code === 'closed' ? conflict(refusal.reason) : forbidden(refusal.reason);
}
