import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { authOptions } from '@/lib/auth/options';
import { can, type Permission } from '@/lib/auth/permissions';
import { getSessionUser } from '@/lib/server/users/get-session-user';
import { SIGN_IN_SERVICE } from '@/lib/server/users/sign-in-service';
import { forbidden, unauthorized } from './errors';
import type { Actor } from './actor';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: 'ADMIN' | 'COMPLIANCE_OFFICER' | 'SECURITY_REVIEWER' | 'AUDITOR';
}

/**
 * The signed-in, active user, read fresh from the database on every request: a session whose
 * version is older than the user's (password change or reset, role change, deactivation) is no
 * session. These guards produce the actor, so they take none; the read itself is the operation
 * getSessionUser. Cached per request (React cache), so a page and its guards read once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  return getSessionUser({ actor: SIGN_IN_SERVICE, input: { userId: id, sessionVersion: session.user.sessionVersion } });
});

export function actorOf(user: CurrentUser): Actor {
  return { type: 'USER', id: user.id, label: user.email, role: user.role };
}

/** For pages: redirect to sign-in when signed out; show the forbidden page when the role lacks the permission. */
export async function requirePageUser(permission?: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  if (permission && !can(user.role, permission)) redirect(`/forbidden?need=${encodeURIComponent(permission)}`);
  return user;
}

/** For server actions and route handlers: throws 401/403 errors that the guards map. */
export async function requireUser(permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw unauthorized();
  if (!can(user.role, permission)) throw forbidden(`Your role may not ${permission.replace(':', ' → ')}`);
  return user;
}
