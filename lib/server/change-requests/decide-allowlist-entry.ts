import 'server-only';
import type { AllowlistEntry } from '@prisma/client';
import { conflict, notFound } from '@/lib/server/errors';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { checkAllowlistReview } from '@/lib/domain/change-requests/state-machine';
import { ZDecideAllowlistEntryInput, type TDecideAllowlistEntryInput } from '@/lib/validation/change-request';
import { refusalError, requirePerson } from './acting-user';

/**
 * The second person on an allowlist entry: a security reviewer (or an admin) other than its
 * creator approves it, and only then does it waive review triggers; or rejects it, with a reason.
 */
export async function decideAllowlistEntry(
  { actor, input }: OperationCall<TDecideAllowlistEntryInput>,
  ctx?: OperationContextInput,
): Promise<AllowlistEntry> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'allowlist:approve');
  const person = requirePerson(actor);
  const data = parseInput(ZDecideAllowlistEntryInput, input);
  return db.$transaction(async (tx) => {
    const entry = await tx.allowlistEntry.findUnique({ where: { id: data.id }, include: { tool: { select: { name: true } } } });
    if (!entry) throw notFound('Allowlist entry');
    const check = checkAllowlistReview({ status: entry.status, userId: person.id, createdById: entry.createdById });
    if (!check.ok) throw refusalError(check);
    const approved = data.decision === 'APPROVED';
    const moved = await tx.allowlistEntry.updateMany({
      where: { id: entry.id, status: 'PENDING' },
      data: approved
        ? { status: 'APPROVED', approvedById: person.id, approvedAt: now, reviewComment: data.comment }
        : { status: 'REJECTED', rejectedById: person.id, rejectedAt: now, reviewComment: data.comment },
    });
    if (moved.count !== 1) throw conflict('Another reviewer decided this entry first');
    await recordAuditEvent(tx, actor, {
      action: approved ? 'allowlist.approved' : 'allowlist.rejected',
      entityType: 'AllowlistEntry',
      entityId: entry.id,
      before: { status: entry.status, createdById: entry.createdById },
      after: {
        status: approved ? 'APPROVED' : 'REJECTED',
        tool: entry.tool.name,
        environment: entry.environment,
        comment: data.comment,
      },
    });
    return tx.allowlistEntry.findUniqueOrThrow({ where: { id: entry.id } });
  });
}
