import { describe, expect, it } from 'vitest';
import {
  defaultNextReview,
  isReviewOverdue,
  isRiskLevel,
  residualProblems,
  riskBand,
  riskScore,
  RISK_LEVELS,
  type RiskBand,
} from './score';

describe('riskScore and riskBand', () => {
  it('is likelihood × impact on every cell of the grid', () => {
    for (const l of RISK_LEVELS) for (const i of RISK_LEVELS) expect(riskScore(l, i)).toBe(l * i);
  });

  it.each<[number, RiskBand]>([
    [1, 'LOW'],
    [4, 'LOW'],
    [5, 'MEDIUM'],
    [9, 'MEDIUM'],
    [10, 'HIGH'],
    [15, 'HIGH'],
    [16, 'CRITICAL'],
    [25, 'CRITICAL'],
  ])('score %i is %s', (score, band) => expect(riskBand(score)).toBe(band));
});

describe('isRiskLevel', () => {
  it.each([
    [1, true],
    [5, true],
    [0, false],
    [6, false],
    [2.5, false],
    [Number.NaN, false],
  ])('%s → %s', (n, ok) => expect(isRiskLevel(n)).toBe(ok));
});

describe('review dates', () => {
  const at = new Date('2026-01-01T00:00:00Z');
  it.each([
    [4, '2027-01-01'],
    [6, '2026-06-30'],
    [12, '2026-04-01'],
    [20, '2026-01-31'],
  ])('residual %i → next review %s', (score, day) => expect(defaultNextReview(at, score).toISOString().slice(0, 10)).toBe(day));

  it.each([
    ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', false],
    ['2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', true],
    ['2026-02-01T00:00:00Z', '2026-01-15T00:00:00Z', false],
  ])('due %s, now %s → overdue %s', (due, now, overdue) => expect(isReviewOverdue(new Date(due), new Date(now))).toBe(overdue));
});

describe('residualProblems', () => {
  it.each([
    [{ likelihood: 3, impact: 3, residualLikelihood: 3, residualImpact: 3 }, []],
    [{ likelihood: 3, impact: 3, residualLikelihood: 1, residualImpact: 2 }, []],
    [{ likelihood: 2, impact: 3, residualLikelihood: 3, residualImpact: 3 }, ['residualLikelihood']],
    [{ likelihood: 3, impact: 2, residualLikelihood: 3, residualImpact: 4 }, ['residualImpact']],
    [{ likelihood: 1, impact: 1, residualLikelihood: 2, residualImpact: 2 }, ['residualLikelihood', 'residualImpact']],
  ])('%o → %o', (a, paths) => expect(residualProblems(a).map((p) => p.path)).toEqual(paths));
});
