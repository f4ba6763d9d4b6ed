import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { notFound } from '@/lib/server/errors';
import type { Actor } from '@/lib/server/actor';
import type { TUpdateToolOwnershipInput } from '@/lib/validation/inventory';

/** Sets the tool's internal owner and data classification; the change and its audit record commit together. */
export async function updateToolOwnership(actor: Actor, input: TUpdateToolOwnershipInput) {
  assertActorCan(actor, 'inventory:update');
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const before = await tx.tool.findUnique({ where: { id: input.toolId }, select: { id: true, owner: true, dataClassification: true } });
    if (!before) throw notFound('Tool');
    const owner = input.owner === '' ? null : input.owner;
    if (before.owner === owner && before.dataClassification === input.dataClassification) return before;
    const after = await tx.tool.update({
      where: { id: input.toolId },
      data: { owner, dataClassification: input.dataClassification },
      select: { id: true, owner: true, dataClassification: true },
    });
    await recordAuditEvent(tx, actor, {
      action: 'tool.ownershipUpdated',
      entityType: 'Tool',
      entityId: after.id,
      before: { owner: before.owner, dataClassification: before.dataClassification },
      after: { owner: after.owner, dataClassification: after.dataClassification },
    });
    return after;
  });
}
