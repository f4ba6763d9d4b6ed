import 'server-only';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: 'ADMIN' | 'COMPLIANCE_OFFICER' | 'SECURITY_REVIEWER' | 'AUDITOR';
  active: boolean;
  hasPassword: boolean;
  /** Signs in through SSO (an identity provider subject is bound to the account). */
  ssoBound: boolean;
  /** An admin allowed this local account to be signed into through SSO. */
  ssoLinkApprovedAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
}

/** Everyone with an account, active first, then by name. Never returns password hashes. */
export async function listUsers(
  { actor }: OperationCall<Record<string, never>>,
  ctx?: OperationContextInput,
): Promise<UserRow[]> {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'user:read');
  const users = await db.user.findMany({
    orderBy: [{ active: 'desc' }, { name: 'asc' }],
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
  });
  return users.map(({ passwordHash, oidcSubject, ...u }) => ({
    ...u,
    hasPassword: passwordHash !== null,
    ssoBound: oidcSubject !== null,
  }));
}
