import 'server-only';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { conflict, notFound } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZUpdateAlertStateInput, type TUpdateAlertStateInput } from '@/lib/validation/alert';

/**
 * Acknowledge (someone is on it) or resolve (handled) an alert. Resolved is final; an
 * acknowledged alert can still be resolved. Audited with who and when.
 */
export async function updateAlertState({ actor, input }: OperationCall<TUpdateAlertStateInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  const { id, action } = authorize(actor, 'alert:manage', ZUpdateAlertStateInput, input);
  return db.$transaction(async (tx) => {
    const alert = await tx.alert.findUnique({ where: { id } });
    if (!alert) throw notFound('Alert');
    if (alert.state === 'RESOLVED') throw conflict('This alert is already resolved');
    if (action === 'acknowledge' && alert.state === 'ACKNOWLEDGED') throw conflict('This alert is already acknowledged');
    const updated = await tx.alert.update({
      where: { id },
      data:
        action === 'acknowledge'
          ? { state: 'ACKNOWLEDGED', acknowledgedAt: now, acknowledgedBy: actor.label }
          : {
              state: 'RESOLVED',
              resolvedAt: now,
              resolvedBy: actor.label,
              ...(alert.acknowledgedAt ? {} : { acknowledgedAt: now, acknowledgedBy: actor.label }),
            },
    });
    await recordAuditEvent(tx, actor, {
      action: `alert.${action === 'acknowledge' ? 'acknowledged' : 'resolved'}`,
      entityType: 'Alert',
      entityId: id,
      before: { state: alert.state },
      after: { state: updated.state, kind: alert.kind, title: alert.title },
    });
    return updated;
  });
}
