import 'server-only';
import type { AllowlistEntry } from '@prisma/client';
import { conflict, notFound } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { checkAllowlistRevoke, LIVE_ALLOWLIST_STATUSES } from '@/lib/domain/change-requests/state-machine';
import { ZRevokeAllowlistEntryInput, type TRevokeAllowlistEntryInput } from '@/lib/validation/change-request';
import { refusalError, requirePerson } from './acting-user';

/** Takes a tool off the allowlist (pending or approved): its requests go through review again. One person may do this: it adds review, never removes it. */
export async function revokeAllowlistEntry(
  { actor, input }: OperationCall<TRevokeAllowlistEntryInput>,
  ctx?: OperationContextInput,
): Promise<AllowlistEntry> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'allowlist:manage');
  requirePerson(actor);
  const { id } = parseInput(ZRevokeAllowlistEntryInput, input);
  return db.$transaction(async (tx) => {
    const entry = await tx.allowlistEntry.findUnique({ where: { id } });
    if (!entry) throw notFound('Allowlist entry');
    const check = checkAllowlistRevoke({ status: entry.status });
    if (!check.ok) throw refusalError(check);
    const moved = await tx.allowlistEntry.updateMany({
      where: { id, status: { in: [...LIVE_ALLOWLIST_STATUSES] } },
      data: { status: 'REVOKED', revokedAt: now },
    });
    if (moved.count !== 1) throw conflict('The entry was already removed');
    await recordAuditEvent(tx, actor, {
      action: 'allowlist.removed',
      entityType: 'AllowlistEntry',
      entityId: id,
      before: { toolId: entry.toolId, environment: entry.environment, status: entry.status },
      after: { status: 'REVOKED', revokedAt: now },
    });
    return tx.allowlistEntry.findUniqueOrThrow({ where: { id } });
  });
}
