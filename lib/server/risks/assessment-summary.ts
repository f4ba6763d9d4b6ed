import type { RiskAssessment } from '@prisma/client';

/**
 * The fields a reader compares between two assessments (the history's diff and the audit
 * record's before/after): scores, controls, treatment, owner, review day, overrides.
 */
export function assessmentSummary(a: RiskAssessment) {
  return {
    likelihood: a.likelihood,
    impact: a.impact,
    inherentScore: a.inherentScore,
    controls: a.controls,
    residualLikelihood: a.residualLikelihood,
    residualImpact: a.residualImpact,
    residualScore: a.residualScore,
    treatment: a.treatment,
    owner: a.owner,
    toolVersionId: a.toolVersionId,
    nextReviewOn: a.nextReviewAt.toISOString().slice(0, 10),
    overrides: a.overrides,
  };
}
