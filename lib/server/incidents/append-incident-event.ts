import 'server-only';
import type { Prisma } from '@prisma/client';
import type { TimelineKind } from '@/lib/domain/incidents/timeline';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvent, type AuditEntry } from '@/lib/server/audit/record-audit-event';

/** Who acted, as stored on incident rows (people by user id; never anything else in practice). */
export const actorId = (actor: Actor): string => (actor.type === 'SYSTEM' ? 'system' : actor.id);

/**
 * One action on an incident: a row on its timeline (append-only) and the matching audit event,
 * in the transaction of the change they describe. Called by the incident operations after their
 * own authorization.
 */
export async function appendIncidentEvent(
  tx: Prisma.TransactionClient,
  actor: Actor,
  event: { incidentId: string; kind: TimelineKind; message: string; detail?: Record<string, unknown>; at: Date },
  audit: AuditEntry,
): Promise<void> {
  await tx.incidentEvent.create({
    data: {
      incidentId: event.incidentId,
      at: event.at,
      actorId: actor.type === 'SYSTEM' ? null : actor.id,
      actorLabel: actor.label,
      kind: event.kind,
      message: event.message,
      detail: (event.detail ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
  await recordAuditEvent(tx, actor, audit);
}
