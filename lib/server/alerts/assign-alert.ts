import 'server-only';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { badRequest, conflict, notFound } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { queueAlertChangeDeliveries } from '@/lib/server/webhooks/queue-alert-change-deliveries';
import { ZAssignAlertInput, type TAssignAlertInput } from '@/lib/validation/alert';
import { alertWorkerWhere } from './alert-workers';

const INELIGIBLE = 'Choose an active security reviewer, compliance officer or admin';

/**
 * Give an alert to the person who works it, or take it back (no assignee). Whoever may
 * acknowledge or resolve an alert may assign it, to themself or to a colleague; a resolved alert
 * is finished and keeps its last assignee. Audited with the assignee before and after, and sent
 * to the webhook endpoints that want `alert.assigned` / `alert.unassigned`.
 */
export async function assignAlert({ actor, input }: OperationCall<TAssignAlertInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  const { id, assigneeId } = authorize(actor, 'alert:manage', ZAssignAlertInput, input);
  return db.$transaction(async (tx) => {
    const alert = await tx.alert.findUnique({ where: { id }, select: { id: true, state: true, title: true, assigneeId: true } });
    if (!alert) throw notFound('Alert');
    if (alert.state === 'RESOLVED') throw conflict('This alert is resolved; its assignment is final');
    if (alert.assigneeId === assigneeId)
      throw conflict(assigneeId ? 'This alert is already assigned to that person' : 'This alert is not assigned to anybody');
    const assignee = assigneeId
      ? await tx.user.findFirst({ where: { id: assigneeId, ...alertWorkerWhere() }, select: { id: true, name: true } })
      : null;
    if (assigneeId && !assignee) throw badRequest(`assigneeId: ${INELIGIBLE}`, [{ path: 'assigneeId', message: INELIGIBLE }]);
    const updated = await tx.alert.update({
      where: { id },
      data: { assigneeId: assignee?.id ?? null, assignedAt: assignee ? now : null },
    });
    const action = assignee ? 'alert.assigned' : 'alert.unassigned';
    await recordAuditEvent(tx, actor, {
      action,
      entityType: 'Alert',
      entityId: id,
      before: { assigneeId: alert.assigneeId },
      after: { assigneeId: updated.assigneeId, assigneeName: assignee?.name ?? null, title: alert.title },
    });
    await queueAlertChangeDeliveries(tx, id, action, now);
    return updated;
  });
}
