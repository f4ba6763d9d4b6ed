import 'server-only';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { notFound } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZUpdateToolOwnershipInput, type TUpdateToolOwnershipInput } from '@/lib/validation/inventory';

/** Sets the tool's internal owner and data classification; the change and its audit record commit together. */
export async function updateToolOwnership(
  { actor, input }: OperationCall<TUpdateToolOwnershipInput>,
  ctx?: OperationContextInput,
) {
  const { db } = await operationContext(ctx);
  const data = authorize(actor, 'inventory:update', ZUpdateToolOwnershipInput, input);
  return db.$transaction(async (tx) => {
    const before = await tx.tool.findUnique({
      where: { id: data.toolId },
      select: { id: true, owner: true, dataClassification: true },
    });
    if (!before) throw notFound('Tool');
    const owner = data.owner === '' ? null : data.owner;
    if (before.owner === owner && before.dataClassification === data.dataClassification) return before;
    const after = await tx.tool.update({
      where: { id: data.toolId },
      data: { owner, dataClassification: data.dataClassification },
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
