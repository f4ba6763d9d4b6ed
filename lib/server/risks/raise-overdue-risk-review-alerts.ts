import 'server-only';
import type { AlertSeverity } from '@prisma/client';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { riskBand, type RiskBand } from '@/lib/domain/risk/score';

// Any constant works; it only has to be the same for every instance (see ADR 0001).
const RISK_REVIEW_LOCK = 4_242_047;

const SEVERITY: Record<RiskBand, AlertSeverity> = { CRITICAL: 'HIGH', HIGH: 'HIGH', MEDIUM: 'MEDIUM', LOW: 'LOW' };

export const overdueAlertKey = (assessmentId: string) => `risk-review-overdue:${assessmentId}`;

/**
 * Raises one alert per current assessment whose review day has passed (the worse the residual
 * risk, the higher the severity). Keyed by the assessment, so a tick raises each once; a
 * reassessment resolves it (assessRisk) and the new assessment starts its own clock. One
 * instance checks at a time (transaction-scoped try-lock); returns how many were raised.
 */
export async function raiseOverdueRiskReviewAlerts(
  { actor }: OperationCall<Record<string, never>>,
  ctx?: OperationContextInput,
): Promise<number> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'alert:manage');
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${RISK_REVIEW_LOCK}) AS locked`;
    if (!rows[0]?.locked) return 0;
    const due = await tx.riskAssessment.findMany({
      where: { next: { is: null }, nextReviewAt: { lt: now } },
      select: { id: true, toolId: true, residualScore: true, nextReviewAt: true, owner: true, tool: { select: { name: true } } },
    });
    const keys = due.map((d) => overdueAlertKey(d.id));
    const known = new Set(
      (await tx.alert.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } })).map((a) => a.dedupeKey),
    );
    let raised = 0;
    for (const d of due) {
      if (known.has(overdueAlertKey(d.id))) continue;
      const dueOn = d.nextReviewAt.toISOString().slice(0, 10);
      const alert = await tx.alert.create({
        data: {
          dedupeKey: overdueAlertKey(d.id),
          kind: 'risk-review-overdue',
          severity: SEVERITY[riskBand(d.residualScore)],
          title: `Risk review of ${d.tool.name} overdue since ${dueOn}`,
          detail: { riskAssessmentId: d.id, nextReviewOn: dueOn, residualScore: d.residualScore, owner: d.owner },
          toolId: d.toolId,
          createdAt: now,
        },
      });
      await recordAuditEvent(tx, actor, {
        action: 'riskAssessment.reviewOverdue',
        entityType: 'RiskAssessment',
        entityId: d.id,
        after: { alertId: alert.id, nextReviewOn: dueOn },
      });
      raised += 1;
    }
    return raised;
  });
}
