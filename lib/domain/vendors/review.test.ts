import { describe, expect, it } from 'vitest';
import {
  checkVendorOverrides,
  conclusionNeedsNotes,
  defaultVendorNextReview,
  nextReviewProblem,
  RATING_CONCLUSION,
  ratingAt,
  VENDOR_RATINGS,
  VENDOR_REVIEW_INTERVAL_DAYS,
  vendorReviewStatus,
  type VendorSuggestion,
} from './review';

const NOW = new Date('2026-06-01T12:00:00Z');
const day = (d: Date) => d.toISOString().slice(0, 10);

describe('review days and status', () => {
  it.each(VENDOR_RATINGS.map((r) => [r, VENDOR_REVIEW_INTERVAL_DAYS[r]] as const))('%s → next review in %i days', (r, days) => {
    expect(defaultVendorNextReview(NOW, r).getTime() - NOW.getTime()).toBe(days * 86_400_000);
  });

  it.each<[string, { nextReviewAt: Date } | null, string]>([
    ['never reviewed', null, 'NOT_REVIEWED'],
    ['due tomorrow', { nextReviewAt: new Date('2026-06-02T00:00:00Z') }, 'CURRENT'],
    ['due at this very moment', { nextReviewAt: NOW }, 'CURRENT'],
    ['due a millisecond ago', { nextReviewAt: new Date(NOW.getTime() - 1) }, 'OVERDUE'],
    ['due last year', { nextReviewAt: new Date('2025-06-01T00:00:00Z') }, 'OVERDUE'],
  ])('%s → %s', (_name, current, status) => {
    expect(vendorReviewStatus(current, NOW)).toBe(status);
  });

  it.each<[string, string, string | null]>([
    ['today', '2026-06-01T00:00:00Z', 'The next review must be after today'],
    ['tomorrow', '2026-06-02T00:00:00Z', null],
    ['in a year', '2027-06-01T00:00:00Z', null],
    ['beyond a year', '2027-06-02T00:00:00Z', 'Review at least once a year (by 2027-06-01)'],
  ])('next review %s → %s', (_name, at, problem) => {
    expect(nextReviewProblem(new Date(at), NOW)).toBe(problem);
  });

  it('ratings step and cap', () => {
    expect([-1, 0, 1, 2, 3, 4, 9].map(ratingAt)).toEqual(['LOW', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL', 'CRITICAL', 'CRITICAL']);
    expect(day(defaultVendorNextReview(NOW, 'CRITICAL'))).toBe('2026-07-01');
  });
});

describe('checkVendorOverrides', () => {
  const suggestion: VendorSuggestion = {
    rating: { value: 'MEDIUM', reasons: [] },
    conclusion: { value: RATING_CONCLUSION.MEDIUM, reasons: [] },
  };
  it.each<[string, { rating: string; conclusion: string }, Record<string, string>, string[] | null, number]>([
    ['confirmed', { rating: 'MEDIUM', conclusion: 'APPROVED' }, {}, null, 0],
    ['reason on a confirmed value is dropped', { rating: 'MEDIUM', conclusion: 'APPROVED' }, { rating: 'x' }, null, 0],
    ['rating overridden with a reason', { rating: 'HIGH', conclusion: 'APPROVED' }, { rating: 'Two breaches' }, null, 1],
    ['rating overridden without', { rating: 'LOW', conclusion: 'APPROVED' }, {}, ['ratingReason'], 0],
    [
      'conclusion overridden, blank reason',
      { rating: 'MEDIUM', conclusion: 'NOT_APPROVED' },
      { conclusion: ' ' },
      ['conclusionReason'],
      0,
    ],
    ['both, one reason', { rating: 'HIGH', conclusion: 'NOT_APPROVED' }, { rating: 'r' }, ['conclusionReason'], 0],
    ['both with reasons', { rating: 'HIGH', conclusion: 'NOT_APPROVED' }, { rating: 'r', conclusion: 'c' }, null, 2],
  ])('%s', (_name, chosen, reasons, problems, count) => {
    const r = checkVendorOverrides(suggestion, chosen as never, reasons);
    if (problems) expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(problems);
    else expect(r.ok).toBe(true);
    if (r.ok) expect(r.overrides).toHaveLength(count);
  });

  it('names the suggested and the chosen value in words', () => {
    const r = checkVendorOverrides(suggestion, { rating: 'MEDIUM', conclusion: 'APPROVED_WITH_CONDITIONS' }, {});
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          path: 'conclusionReason',
          message: 'Say why you override the suggested conclusion (Approved) with Approved with conditions',
        },
      ],
    });
  });

  it.each<[string, string, boolean]>([
    ['APPROVED', '', false],
    ['APPROVED_WITH_CONDITIONS', '  ', true],
    ['APPROVED_WITH_CONDITIONS', 'Only the reviewed packages', false],
    ['NOT_APPROVED', '', true],
  ])('%s with notes %j needs notes: %s', (conclusion, notes, needs) => {
    expect(conclusionNeedsNotes(conclusion as never, notes)).toBe(needs);
  });
});
