import { describe, expect, it } from 'vitest';
import { REGISTRY_PROFILES, suggestRegistryReview, type RegistryFacts, type RegistryKind } from './suggest-registry';
import { VENDOR_RATINGS } from './review';

const base: RegistryFacts = {
  kind: 'AGENTNODE',
  publishers: 4,
  publishersIdentityVerified: 3,
  versions: 10,
  versionsSigned: 8,
  versionsWithProvenance: 6,
  deletedTools: 0,
};

describe('suggestRegistryReview', () => {
  it.each(
    (Object.keys(REGISTRY_PROFILES) as RegistryKind[]).map((k) => [k, VENDOR_RATINGS[REGISTRY_PROFILES[k].baseStep]] as const),
  )('%s starts at %s and pre-fills its profile', (kind, rating) => {
    const s = suggestRegistryReview({ ...base, kind });
    expect(s.rating.value).toBe(rating);
    expect(s.rating.reasons).toHaveLength(1);
    expect(s.verification.startsWith(REGISTRY_PROFILES[kind].verification)).toBe(true);
    expect(s.signing.startsWith(REGISTRY_PROFILES[kind].signing)).toBe(true);
    expect(s.signing).toContain('Observed: 8 of 10 versions signed, 6 with provenance.');
    expect(s.verification).toContain('3 of 4 publishers with a verified identity.');
  });

  it.each<[string, Partial<RegistryFacts>, string, RegExp | null]>([
    ['good coverage', {}, 'LOW', null],
    ['exactly half signed is enough', { versionsSigned: 5 }, 'LOW', null],
    ['under half signed', { versionsSigned: 4 }, 'MEDIUM', /only 4 of 10 versions carry a signature \(40%\)/],
    ['under half the publishers verified', { publishersIdentityVerified: 1 }, 'MEDIUM', /only 1 of 4 publishers .* \(25%\)/],
    ['a moderated tool', { deletedTools: 1 }, 'MEDIUM', /1 tool removed by the registry’s moderation/],
    [
      'nothing synced: no coverage to judge',
      { versions: 0, versionsSigned: 0, publishers: 0, publishersIdentityVerified: 0 },
      'LOW',
      null,
    ],
  ])('%s → %s', (_name, over, rating, reason) => {
    const s = suggestRegistryReview({ ...base, ...over });
    expect(s.rating.value).toBe(rating);
    if (reason) expect(s.rating.reasons.at(-1)).toMatch(reason);
    else expect(s.rating.reasons).toHaveLength(1);
  });

  it('says when nothing was synced yet', () => {
    expect(suggestRegistryReview({ ...base, versions: 0, versionsSigned: 0 }).signing).toMatch(/No versions synced yet\.$/);
  });

  it('an MCP registry signing nothing, with unverified publishers and a moderated tool, is critical and not approved', () => {
    const s = suggestRegistryReview({
      ...base,
      kind: 'MCP_REGISTRY',
      versionsSigned: 0,
      publishersIdentityVerified: 0,
      deletedTools: 2,
    });
    expect(s.rating.value).toBe('CRITICAL');
    expect(s.rating.reasons.at(-1)).toBe('Capped at critical (the facts add 3 to a medium base)');
    expect(s.conclusion.value).toBe('NOT_APPROVED');
  });
});
