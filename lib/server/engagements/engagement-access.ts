import 'server-only';
import type { AuditEngagement, PrismaClient } from '@prisma/client';
import { accessRefusal, auditorAccess } from '@/lib/domain/audits/access';
import type { Actor } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { forbidden, notFound } from '@/lib/server/errors';

export type ScopedEngagement = AuditEngagement & { auditorIds: string[] };

/**
 * The data layer's gate for everything inside an audit (ADR 0010): the actor must hold the
 * permission, and an auditor must be assigned to this engagement and inside its access window.
 * A refused auditor learns only why, and the attempt is written to the audit trail (in its own
 * transaction: the refusal is recorded even though the read it refused writes nothing).
 */
export async function loadEngagementFor(
  db: PrismaClient,
  actor: Actor,
  engagementId: string,
  now: Date,
  permission: 'engagement:read' | 'engagement:request' | 'engagement:answer' | 'engagement:manage' = 'engagement:read',
): Promise<ScopedEngagement> {
  assertActorCan(actor, permission);
  const found = await db.auditEngagement.findUnique({
    where: { id: engagementId },
    include: { auditors: { select: { userId: true } } },
  });
  const isAuditor = actor.type === 'USER' && actor.role === 'AUDITOR';
  if (!found) {
    if (isAuditor) await recordRefusal(db, actor, engagementId, 'not found');
    throw notFound('Audit');
  }
  const { auditors, ...engagement } = found;
  const auditorIds = auditors.map((a) => a.userId);
  if (isAuditor) {
    const access = auditorAccess({
      assigned: auditorIds.includes(actor.id),
      opensAt: engagement.accessOpensAt,
      closesAt: engagement.accessClosesAt,
      now,
    });
    if (access !== 'open') {
      await recordRefusal(db, actor, engagementId, access);
      throw forbidden(accessRefusal(access));
    }
  }
  return { ...engagement, auditorIds };
}

export async function recordRefusal(db: PrismaClient, actor: Actor, engagementId: string, reason: string): Promise<void> {
  await db.$transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: 'engagement.accessRefused',
      entityType: 'AuditEngagement',
      entityId: engagementId.slice(0, 64),
      after: { reason },
    }),
  );
}
