import 'server-only';
import { Prisma, type RiskAssessment } from '@prisma/client';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { requirePerson } from '@/lib/server/change-requests/acting-user';
import { badRequest, conflict, notFound, type FieldIssue } from '@/lib/server/errors';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { checkOverrides } from '@/lib/domain/risk/overrides';
import { suggestRisk } from '@/lib/domain/risk/suggest';
import { defaultNextReview, MAX_REVIEW_INTERVAL_DAYS, residualProblems, riskScore } from '@/lib/domain/risk/score';
import type { RiskLevel } from '@/lib/domain/risk/score';
import { ZAssessRiskInput, type TAssessRiskInput } from '@/lib/validation/risk';
import { loadRiskFacts } from './load-risk-facts';
import { assessmentSummary } from './assessment-summary';
import { overdueAlertKey } from './raise-overdue-risk-review-alerts';
import type { Actor } from '@/lib/server/actor';

const DAY = 86_400_000;

function refuse(issues: FieldIssue[]): never {
  throw badRequest(`${issues[0]!.path}: ${issues[0]!.message}`, issues);
}

/**
 * Records a (re)assessment of a tool's risk. The suggestion is computed again here from what
 * the database says now (never taken from the form); a value departing from it needs a reason.
 * The new row points at the current one, so the history keeps both and shows what changed;
 * two people reassessing the same row at once: the unique previousId lets one through.
 */
export async function assessRisk(
  { actor, input }: OperationCall<TAssessRiskInput>,
  ctx?: OperationContextInput,
): Promise<RiskAssessment> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'risk:assess');
  const person = requirePerson(actor);
  const data = parseInput(ZAssessRiskInput, input);
  const problems: FieldIssue[] = residualProblems(data);
  if (data.residualLikelihood * data.residualImpact < data.likelihood * data.impact && data.controls === '')
    problems.push({ path: 'controls', message: 'Name the controls that lower the residual risk' });
  const nextReviewAt = data.nextReviewOn
    ? new Date(`${data.nextReviewOn}T00:00:00Z`)
    : defaultNextReview(now, data.residualLikelihood * data.residualImpact);
  if (nextReviewAt.getTime() <= now.getTime())
    problems.push({ path: 'nextReviewOn', message: 'The next review must be after today' });
  else if (nextReviewAt.getTime() > now.getTime() + MAX_REVIEW_INTERVAL_DAYS * DAY)
    problems.push({
      path: 'nextReviewOn',
      message: `Review at least once a year (by ${day(now.getTime() + MAX_REVIEW_INTERVAL_DAYS * DAY)})`,
    });
  if (problems.length) refuse(problems);

  try {
    return await db.$transaction(async (tx) => {
      const facts = await loadRiskFacts(tx, data.toolId);
      if (data.toolVersionId) {
        const version = await tx.toolVersion.findFirst({ where: { id: data.toolVersionId, toolId: data.toolId } });
        if (!version) refuse([{ path: 'toolVersionId', message: 'Not a version of this tool' }]);
      }
      const suggestion = suggestRisk(facts);
      const check = checkOverrides(
        suggestion,
        { likelihood: data.likelihood, impact: data.impact },
        { likelihood: data.likelihoodReason, impact: data.impactReason },
      );
      if (!check.ok) refuse(check.problems);
      const current = await tx.riskAssessment.findFirst({ where: { toolId: data.toolId, next: { is: null } } });
      if ((current?.id ?? undefined) !== data.previousId)
        throw conflict(
          current
            ? 'Someone reassessed this tool while you were editing: reload to start from the current assessment'
            : 'The assessment you started from is not this tool’s current one',
        );
      const created = await tx.riskAssessment.create({
        data: {
          toolId: data.toolId,
          toolVersionId: data.toolVersionId ?? null,
          likelihood: data.likelihood,
          impact: data.impact,
          inherentScore: riskScore(data.likelihood as RiskLevel, data.impact as RiskLevel),
          controls: data.controls,
          residualLikelihood: data.residualLikelihood,
          residualImpact: data.residualImpact,
          residualScore: riskScore(data.residualLikelihood as RiskLevel, data.residualImpact as RiskLevel),
          treatment: data.treatment,
          owner: data.owner,
          assessorId: person.id,
          assessedAt: now,
          nextReviewAt,
          suggestion: suggestion as unknown as Prisma.InputJsonValue,
          overrides: check.overrides as unknown as Prisma.InputJsonValue,
          previousId: current?.id ?? null,
          createdAt: now,
        },
      });
      await recordAuditEvent(tx, actor, {
        action: 'riskAssessment.recorded',
        entityType: 'RiskAssessment',
        entityId: created.id,
        before: current ? assessmentSummary(current) : null,
        after: { toolId: created.toolId, ...assessmentSummary(created) },
      });
      if (current) await resolveOverdueAlert(tx, actor, current.id, now);
      return created;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')
      throw conflict('Someone reassessed this tool while you were editing: reload to start from the current assessment');
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2003') throw notFound('Tool');
    throw err;
  }
}

/** The reassessment is the review the overdue alert asked for: it closes it, on the record. */
async function resolveOverdueAlert(tx: Prisma.TransactionClient, actor: Actor, previousId: string, now: Date) {
  const alert = await tx.alert.findUnique({ where: { dedupeKey: overdueAlertKey(previousId) } });
  if (!alert || alert.state === 'RESOLVED') return;
  const after = await tx.alert.update({
    where: { id: alert.id },
    data: { state: 'RESOLVED', resolvedAt: now, resolvedBy: actor.label },
  });
  await recordAuditEvent(tx, actor, {
    action: 'alert.resolved',
    entityType: 'Alert',
    entityId: alert.id,
    before: { state: alert.state },
    after: { state: after.state, reason: 'risk reassessed' },
  });
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
