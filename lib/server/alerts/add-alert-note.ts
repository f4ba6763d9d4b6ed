import 'server-only';
import type { AlertNote } from '@prisma/client';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { requirePerson } from '@/lib/server/change-requests/acting-user';
import { notFound } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { queueAlertChangeDeliveries } from '@/lib/server/webhooks/queue-alert-change-deliveries';
import { ZAddAlertNoteInput, type TAddAlertNoteInput } from '@/lib/validation/alert';

/**
 * A note on an alert's thread: what was found, decided or told whom. Allowed in any state (a
 * resolved alert may still need a word for the auditor). Notes are append-only, also in the
 * database (trigger), and each one is in the audit trail and sent to the webhook endpoints that
 * want `alert.noted`.
 */
export async function addAlertNote(
  { actor, input }: OperationCall<TAddAlertNoteInput>,
  ctx?: OperationContextInput,
): Promise<AlertNote> {
  const { db, now } = await operationContext(ctx);
  const data = authorize(actor, 'alert:manage', ZAddAlertNoteInput, input);
  // A note has an author: a person, never an API key or the system.
  const person = requirePerson(actor);
  return db.$transaction(async (tx) => {
    const alert = await tx.alert.findUnique({ where: { id: data.id }, select: { id: true, title: true } });
    if (!alert) throw notFound('Alert');
    const note = await tx.alertNote.create({ data: { alertId: alert.id, authorId: person.id, body: data.body, createdAt: now } });
    await recordAuditEvent(tx, actor, {
      action: 'alert.noted',
      entityType: 'Alert',
      entityId: alert.id,
      after: { noteId: note.id, body: data.body, title: alert.title },
    });
    await queueAlertChangeDeliveries(tx, alert.id, 'alert.noted', now);
    return note;
  });
}
