import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { authOptions } from '@/lib/auth/options';
import { can, type Permission } from '@/lib/auth/permissions';
import { getSessionUser } from '@/lib/server/users/get-session-user';
import { SIGN_IN_SERVICE } from '@/lib/server/users/sign-in-service';
import { forbidden, unauthorized } from './errors';
import { listOpenEngagementIds, recordAuditorPageView } from './engagements/auditor-gate';
import { PATH_HEADER } from '@/lib/domain/request-path';
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
  if (user.role === 'AUDITOR') {
    // Auditor portal (ADR 0010): pages outside the portal only while an audit is open to them;
    // every page they open is recorded once per request.
    const refused = permission && !auditorMayOpen(permission) && !(await auditorHasOpenEngagement());
    await recordAuditorView(refused ? 'no audit open' : '');
    if (refused) redirect('/audits');
  }
  return user;
}

/** For server actions and route handlers: throws 401/403 errors that the guards map. */
export async function requireUser(permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw unauthorized();
  if (!can(user.role, permission)) throw forbidden(`Your role may not ${permission.replace(':', ' → ')}`);
  if (user.role === 'AUDITOR' && !auditorMayOpen(permission) && !(await auditorHasOpenEngagement())) {
    await recordAuditorView('no audit open');
    throw forbidden('No audit is open to you now');
  }
  return user;
}

// Auditor portal (issue 14, ADR 0010): what an auditor may open with no audit open (the portal,
// which scopes itself per audit, and their own account).
const auditorMayOpen = (permission: Permission) => permission.startsWith('engagement:') || permission === 'user:read';

const auditorHasOpenEngagement = cache(async (): Promise<boolean> => {
  const user = await getCurrentUser();
  return user ? (await listOpenEngagementIds({ actor: actorOf(user), input: {} })).length > 0 : false;
});

/** Once per request: the path comes from proxy.ts; pages inside one audit name it. */
const recordAuditorView = cache(async (refused: string): Promise<void> => {
  const user = await getCurrentUser();
  if (!user) return;
  // Outside a request (tests calling an action directly) there are no headers.
  const path = await headers()
    .then((h) => h.get(PATH_HEADER) ?? '(unknown)')
    .catch(() => '(unknown)');
  const engagementId = /^\/audits\/(?!no-access\b)([A-Za-z0-9_-]{1,64})(?:[/?]|$)/.exec(path)?.[1];
  await recordAuditorPageView({
    actor: actorOf(user),
    input: { path, ...(engagementId ? { engagementId } : {}), ...(refused ? { refused } : {}) },
  });
});
