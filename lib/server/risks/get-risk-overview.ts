import 'server-only';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { RISK_BAND_FLOORS } from '@/lib/domain/risk/score';

/** The overview's risk figures: tools in use nobody assessed, high or critical residual risks, overdue reviews. */
export async function getRiskOverview({ actor }: OperationCall<Record<string, never>>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'risk:read');
  const current = { next: { is: null } };
  const [unassessedInUse, highOrCritical, overdue] = await Promise.all([
    db.tool.count({ where: { installations: { some: { state: { not: 'REVOKED' } } }, riskAssessments: { none: {} } } }),
    db.riskAssessment.count({ where: { ...current, residualScore: { gte: RISK_BAND_FLOORS.HIGH } } }),
    db.riskAssessment.count({ where: { ...current, nextReviewAt: { lt: now } } }),
  ]);
  return { unassessedInUse, highOrCritical, overdue };
}
