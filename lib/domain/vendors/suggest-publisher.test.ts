import { describe, expect, it } from 'vitest';
import { suggestPublisherReview, TRUST_BASE_STEP, type PublisherFacts, type PublisherTrust } from './suggest-publisher';
import { VENDOR_RATINGS } from './review';

const base: PublisherFacts = {
  trustLevel: 'TRUSTED',
  identityVerifiedAt: new Date('2026-01-10T00:00:00Z'),
  identityWithdrawnAt: null,
  tools: 2,
  versions: 5,
  verificationRuns: 8,
  failedVerifications: 0,
  republishes: 0,
  signerChanges: 0,
  incidents: null,
};

describe('suggestPublisherReview: rating', () => {
  it.each(
    (['CURATED', 'TRUSTED', 'VERIFIED', 'UNVERIFIED'] as PublisherTrust[]).map(
      (t) => [t, VENDOR_RATINGS[TRUST_BASE_STEP[t]]] as const,
    ),
  )('trust level %s starts at %s', (trustLevel, rating) => {
    const s = suggestPublisherReview({
      ...base,
      trustLevel,
      identityVerifiedAt: trustLevel === 'UNVERIFIED' ? null : base.identityVerifiedAt,
    });
    expect(s.rating.value).toBe(rating);
    expect(s.rating.reasons).toHaveLength(1);
    expect(s.rating.reasons[0]).toMatch(/^Trust level .* \(2 tools, 5 versions\): base /);
  });

  it.each<[string, Partial<PublisherFacts>, string, RegExp | null]>([
    ['a clean record', {}, 'LOW', null],
    ['failed verifications', { failedVerifications: 2 }, 'MEDIUM', /2 of 8 verification runs failed/],
    ['a re-publish', { republishes: 1 }, 'MEDIUM', /1 re-publish:/],
    ['two re-publishes', { republishes: 2 }, 'MEDIUM', /2 re-publishes:/],
    ['a signer change', { signerChanges: 1 }, 'MEDIUM', /signer changed 1 time$/],
    ['an incident', { incidents: 1 }, 'MEDIUM', /1 incident involving/],
    ['incidents not recorded count as none', { incidents: null }, 'LOW', null],
    ['zero incidents', { incidents: 0 }, 'LOW', null],
    ['identity withdrawn', { identityWithdrawnAt: new Date('2026-03-01T00:00:00Z') }, 'MEDIUM', /withdrawn on 2026-03-01/],
    ['trusted without a verified identity', { identityVerifiedAt: null }, 'MEDIUM', /trust level trusted but no verified/],
    ['unverified without identity: the base says it once', { trustLevel: 'UNVERIFIED', identityVerifiedAt: null }, 'HIGH', null],
  ])('%s → %s', (_name, over, rating, reason) => {
    const s = suggestPublisherReview({ ...base, ...over });
    expect(s.rating.value).toBe(rating);
    if (reason) expect(s.rating.reasons.at(-1)).toMatch(reason);
    else expect(s.rating.reasons).toHaveLength(1);
  });

  it('raises once per fact, caps at critical and says so', () => {
    const s = suggestPublisherReview({
      ...base,
      trustLevel: 'VERIFIED',
      failedVerifications: 1,
      republishes: 1,
      signerChanges: 1,
      incidents: 2,
    });
    expect(s.rating.value).toBe('CRITICAL');
    expect(s.rating.reasons.at(-1)).toBe('Capped at critical (the facts add 4 to a medium base)');
    expect(s.conclusion).toEqual({ value: 'NOT_APPROVED', reasons: ['A critical rating suggests: not approved'] });
  });
});

describe('suggestPublisherReview: identity and conclusion', () => {
  it.each<[string, Partial<PublisherFacts>, boolean, string | null, RegExp]>([
    ['verified', {}, true, '2026-01-10', /verified the organizational identity on 2026-01-10/],
    ['never verified', { identityVerifiedAt: null }, false, null, /has not verified/],
    ['withdrawn', { identityWithdrawnAt: new Date('2026-02-02T00:00:00Z') }, false, null, /withdrew .* on 2026-02-02/],
  ])('%s', (_name, over, verified, on, reason) => {
    const s = suggestPublisherReview({ ...base, ...over });
    expect(s.identity).toMatchObject({ value: verified, verifiedOn: on });
    expect(s.identity.reasons[0]).toMatch(reason);
  });

  it.each<[Partial<PublisherFacts>, string]>([
    [{}, 'APPROVED'],
    [{ trustLevel: 'VERIFIED' }, 'APPROVED'],
    [{ trustLevel: 'UNVERIFIED', identityVerifiedAt: null }, 'APPROVED_WITH_CONDITIONS'],
  ])('%j concludes %s', (over, conclusion) => {
    expect(suggestPublisherReview({ ...base, ...over }).conclusion.value).toBe(conclusion);
  });
});
