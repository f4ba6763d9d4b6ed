import 'server-only';
import type { PolicyException } from '@prisma/client';
import { checkExceptionRevoke } from '@/lib/domain/exceptions/state-machine';
import { requirePerson, refusalError } from '@/lib/server/change-requests/acting-user';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { conflict, notFound } from '@/lib/server/errors';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZRevokeExceptionInput, type TRevokeExceptionInput } from '@/lib/validation/exception';

/** A security reviewer withdraws an exception; it stops covering at once (coverage reads the status). */
export async function revokePolicyException(
  { actor, input }: OperationCall<TRevokeExceptionInput>,
  ctx?: OperationContextInput,
): Promise<PolicyException> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'exception:approve');
  const person = requirePerson(actor);
  const data = parseInput(ZRevokeExceptionInput, input);
  return db.$transaction(async (tx) => {
    const found = await tx.policyException.findUnique({ where: { id: data.id } });
    if (!found) throw notFound('Exception');
    const check = checkExceptionRevoke({ status: found.status, role: person.role });
    if (!check.ok) throw refusalError(check);
    const moved = await tx.policyException.updateMany({
      where: { id: found.id, status: found.status },
      data: { status: 'REVOKED', revokedById: person.id, revokedAt: now, revocationReason: data.reason },
    });
    if (moved.count !== 1) throw conflict('The exception changed meanwhile; reload and try again');
    await recordAuditEvent(tx, actor, {
      action: 'exception.revoked',
      entityType: 'PolicyException',
      entityId: found.id,
      before: { status: found.status },
      after: { status: 'REVOKED', reason: data.reason },
    });
    return tx.policyException.findUniqueOrThrow({ where: { id: found.id } });
  });
}
