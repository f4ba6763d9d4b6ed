import 'server-only';
import type { Role } from '@prisma/client';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { z } from 'zod';
import { assertSignInService } from './sign-in-service';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

const ZSessionClaims = z.object({
  userId: z.string().min(1).max(64),
  // Tokens issued before session versions existed carry none: they count as version 0, so they
  // end with the user's first password, role or activation change like any other.
  sessionVersion: z.number().int().min(0).default(0),
});

/**
 * The person behind a session token, read fresh on every request: null when the user is gone,
 * deactivated, or their session version has moved on since the token was issued (password change
 * or reset, role change, deactivation), which ends every older session at once.
 */
export async function getSessionUser(
  { actor, input }: OperationCall<z.input<typeof ZSessionClaims>>,
  ctx?: OperationContextInput,
): Promise<SessionUser | null> {
  const { db } = await operationContext(ctx);
  assertSignInService(actor);
  const { userId, sessionVersion } = parseInput(ZSessionClaims, input);
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
