import 'server-only';
import type { AuditEngagement } from '@prisma/client';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { badRequest } from '@/lib/server/errors';
import { authorize, operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZCreateEngagementInput, type TCreateEngagementInput } from '@/lib/validation/engagement';

const DAY_MS = 86_400_000;
const startOf = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * An admin or compliance officer opens an audit: its period (whole UTC days), scope, firm, the
 * auditor accounts assigned and the days their access opens and closes (closing day excluded).
 */
export async function createEngagement(
  { actor, input }: OperationCall<TCreateEngagementInput>,
  ctx?: OperationContextInput,
): Promise<AuditEngagement> {
  const { db } = await operationContext(ctx);
  const v = authorize(actor, 'engagement:manage', ZCreateEngagementInput, input);
  if (actor.type !== 'USER') throw badRequest('Only a person opens an audit');
  return db.$transaction(async (tx) => {
    const auditors = await tx.user.findMany({
      where: { id: { in: v.auditorIds }, role: 'AUDITOR', active: true },
      select: { id: true, email: true },
    });
    if (auditors.length !== new Set(v.auditorIds).size)
      throw badRequest('auditorIds: Assign active auditor accounts only', [
        { path: 'auditorIds', message: 'Assign active auditor accounts only' },
      ]);
    const engagement = await tx.auditEngagement.create({
      data: {
        name: v.name,
        firm: v.firm,
        periodStart: startOf(v.periodFrom),
        periodEnd: new Date(startOf(v.periodTo).getTime() + DAY_MS),
        environments: v.environments,
        criteria: v.criteria,
        accessOpensAt: startOf(v.accessOpens),
        accessClosesAt: startOf(v.accessCloses),
        createdById: actor.id,
        auditors: { create: auditors.map((a) => ({ userId: a.id })) },
      },
    });
    await recordAuditEvent(tx, actor, {
      action: 'engagement.created',
      entityType: 'AuditEngagement',
      entityId: engagement.id,
      after: {
        name: v.name,
        firm: v.firm,
        period: [v.periodFrom, v.periodTo],
        environments: v.environments,
        criteria: v.criteria,
        access: [v.accessOpens, v.accessCloses],
        auditors: auditors.map((a) => a.email),
      },
    });
    return engagement;
  });
}
