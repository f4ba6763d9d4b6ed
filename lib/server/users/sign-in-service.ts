import 'server-only';
import type { Role } from '@prisma/client';
import type { Actor } from '@/lib/server/actor';
import { forbidden } from '@/lib/server/errors';

/**
 * Who verifies credentials: nobody is signed in yet, so the sign-in endpoint acts as the system,
 * labelled so the audit trail tells its records apart from jobs'.
 */
export const SIGN_IN_SERVICE: Actor = { type: 'SYSTEM', label: 'sign-in' };

/** The permission check of the sign-in operations: only the sign-in endpoint (a system actor) runs them. */
export function assertSignInService(actor: Actor): void {
  if (actor.type !== 'SYSTEM') throw forbidden('Only the sign-in endpoint verifies credentials');
}

export function personActor(u: { id: string; email: string; role: Role }): Actor {
  return { type: 'USER', id: u.id, label: u.email, role: u.role };
}

/** What a session is issued for: the token carries the id and the session version. */
export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
}

/** Bumping the version ends every session issued before (lib/server/session.ts compares it). */
export const END_SESSIONS = { sessionVersion: { increment: 1 } } as const;
