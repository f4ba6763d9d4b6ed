/**
 * The 5×5 risk grid: likelihood and impact from 1 (rare, negligible) to 5 (almost certain,
 * severe); a score is their product (1–25). Bands follow the usual 5×5 matrix so a heat map
 * cell's colour and a register's rating agree.
 */
export const RISK_LEVELS = [1, 2, 3, 4, 5] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_BANDS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

export const RISK_BAND_LABELS: Record<RiskBand, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
  CRITICAL: 'Critical',
};

/** Lowest score of each band (the band runs up to the next one's floor). */
export const RISK_BAND_FLOORS: Record<RiskBand, number> = { LOW: 1, MEDIUM: 5, HIGH: 10, CRITICAL: 16 };

export const TREATMENTS = ['ACCEPT', 'MITIGATE', 'TRANSFER', 'AVOID'] as const;
export type Treatment = (typeof TREATMENTS)[number];
export const TREATMENT_LABELS: Record<Treatment, string> = {
  ACCEPT: 'Accept',
  MITIGATE: 'Mitigate',
  TRANSFER: 'Transfer',
  AVOID: 'Avoid',
};

export const LIKELIHOOD_LABELS: Record<RiskLevel, string> = {
  1: 'Rare',
  2: 'Unlikely',
  3: 'Possible',
  4: 'Likely',
  5: 'Almost certain',
};
export const IMPACT_LABELS: Record<RiskLevel, string> = {
  1: 'Negligible',
  2: 'Minor',
  3: 'Moderate',
  4: 'Major',
  5: 'Severe',
};

/**
 * Days until the next review by residual band: the worse the risk kept, the sooner it is looked
 * at again. The assessor may choose an earlier day, never a later one than a year.
 */
export const REVIEW_INTERVAL_DAYS: Record<RiskBand, number> = { LOW: 365, MEDIUM: 180, HIGH: 90, CRITICAL: 30 };
export const MAX_REVIEW_INTERVAL_DAYS = 365;

export function riskScore(likelihood: RiskLevel, impact: RiskLevel): number {
  return likelihood * impact;
}

export function riskBand(score: number): RiskBand {
  if (score >= RISK_BAND_FLOORS.CRITICAL) return 'CRITICAL';
  if (score >= RISK_BAND_FLOORS.HIGH) return 'HIGH';
  if (score >= RISK_BAND_FLOORS.MEDIUM) return 'MEDIUM';
  return 'LOW';
}

export function isRiskLevel(n: number): n is RiskLevel {
  return Number.isInteger(n) && n >= 1 && n <= 5;
}

/** The day the next review falls due by default: `REVIEW_INTERVAL_DAYS` after the assessment. */
export function defaultNextReview(assessedAt: Date, residualScore: number): Date {
  return new Date(assessedAt.getTime() + REVIEW_INTERVAL_DAYS[riskBand(residualScore)] * 86_400_000);
}

/** A review is overdue once its day has passed. */
export function isReviewOverdue(nextReviewAt: Date, now: Date): boolean {
  return nextReviewAt.getTime() < now.getTime();
}

/**
 * Controls reduce a risk, never raise it: a residual likelihood or impact above the inherent
 * one is a mistake in the form, named by field.
 */
export function residualProblems(a: {
  likelihood: number;
  impact: number;
  residualLikelihood: number;
  residualImpact: number;
}): { path: 'residualLikelihood' | 'residualImpact'; message: string }[] {
  const out: { path: 'residualLikelihood' | 'residualImpact'; message: string }[] = [];
  if (a.residualLikelihood > a.likelihood)
    out.push({
      path: 'residualLikelihood',
      message: `Residual likelihood (${a.residualLikelihood}) cannot exceed the inherent likelihood (${a.likelihood})`,
    });
  if (a.residualImpact > a.impact)
    out.push({
      path: 'residualImpact',
      message: `Residual impact (${a.residualImpact}) cannot exceed the inherent impact (${a.impact})`,
    });
  return out;
}
