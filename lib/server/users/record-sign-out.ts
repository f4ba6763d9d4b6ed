import 'server-only';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZSignOutInput, type TSignOutInput } from '@/lib/validation/auth';
import { assertSignInService, personActor } from './sign-in-service';

/** The sign-out endpoint tells the audit trail who ended their session (SOC 2 CC6 evidence). */
export async function recordSignOut({ actor, input }: OperationCall<TSignOutInput>, ctx?: OperationContextInput) {
  const { db } = await operationContext(ctx);
  assertSignInService(actor);
  const { userId } = parseInput(ZSignOutInput, input);
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true } });
  if (!user) return;
  await db.$transaction((tx) =>
    recordAuditEvent(tx, personActor(user), {
      action: 'user.signedOut',
      entityType: 'User',
      entityId: user.id,
      after: { email: user.email },
    }),
  );
}
