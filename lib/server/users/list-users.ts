import 'server-only';
import { getPrisma } from '@/lib/db/client';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: 'ADMIN' | 'COMPLIANCE_OFFICER' | 'SECURITY_REVIEWER' | 'AUDITOR';
  active: boolean;
  hasPassword: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
}

/** Everyone with an account, active first, then by name. Never returns password hashes. */
export async function listUsers(): Promise<UserRow[]> {
  const prisma = await getPrisma();
  const users = await prisma.user.findMany({
    orderBy: [{ active: 'desc' }, { name: 'asc' }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      passwordHash: true,
      lastSignInAt: true,
      createdAt: true,
    },
  });
  return users.map(({ passwordHash, ...u }) => ({ ...u, hasPassword: passwordHash !== null }));
}
