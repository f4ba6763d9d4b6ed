import 'server-only';
import type { Prisma } from '@prisma/client';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZListUsersQuery, type TListUsersQuery } from '@/lib/validation/user';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: 'ADMIN' | 'COMPLIANCE_OFFICER' | 'SECURITY_REVIEWER' | 'AUDITOR';
  active: boolean;
  /** Credential metadata (this and the two SSO fields) is null for an auditor: they never see it (issue 14.1). */
  hasPassword: boolean | null;
  /** Signs in through SSO (an identity provider subject is bound to the account). */
  ssoBound: boolean | null;
  /** An admin allowed this local account to be signed into through SSO. */
  ssoLinkApprovedAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
}

export interface UserPage {
  rows: UserRow[];
  /** Every user the filters match, whatever page is shown. */
  total: number;
  page: number;
  pageSize: number;
}

/** Everyone with an account matching the filters, active first, then by name, one page at a time. Never returns password hashes. */
export async function listUsers(
  { actor, input }: OperationCall<TListUsersQuery>,
  ctx?: OperationContextInput,
): Promise<UserPage> {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'user:read');
  const q = parseInput(ZListUsersQuery, input);
  const where: Prisma.UserWhereInput = {
    ...(q.q
      ? {
          OR: [{ name: { contains: q.q, mode: 'insensitive' } }, { email: { contains: q.q, mode: 'insensitive' } }],
        }
      : {}),
    ...(q.role ? { role: q.role } : {}),
    ...(q.status ? { active: q.status === 'active' } : {}),
  };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ active: 'desc' }, { name: 'asc' }, { id: 'asc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        active: true,
        passwordHash: true,
        oidcSubject: true,
        ssoLinkApprovedAt: true,
        lastSignInAt: true,
        createdAt: true,
      },
    }),
  ]);
  const auditor = actor.type === 'USER' && actor.role === 'AUDITOR';
  const rows = users.map(({ passwordHash, oidcSubject, ssoLinkApprovedAt, ...u }) =>
    auditor
      ? { ...u, hasPassword: null, ssoBound: null, ssoLinkApprovedAt: null }
      : { ...u, hasPassword: passwordHash !== null, ssoBound: oidcSubject !== null, ssoLinkApprovedAt },
  );
  return { rows, total, page: q.page, pageSize: q.pageSize };
}
