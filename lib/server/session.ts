import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { authOptions } from '@/lib/auth/options';
import { can, type Permission } from '@/lib/auth/permissions';
import { getPrisma } from '@/lib/db/client';
import { forbidden, unauthorized } from './errors';
import type { Actor } from './actor';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: 'ADMIN' | 'COMPLIANCE_OFFICER' | 'SECURITY_REVIEWER' | 'AUDITOR';
}

/** The signed-in, active user, read fresh from the database (a role change or deactivation applies at once). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, active: true } });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
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
