import { checkedSteps, conclusionFor, type StepFact } from './steps';
import type { Suggested, VendorSuggestion } from './review';

export type PublisherTrust = 'UNVERIFIED' | 'VERIFIED' | 'TRUSTED' | 'CURATED';
export const PUBLISHER_TRUST_LABELS: Record<PublisherTrust, string> = {
  UNVERIFIED: 'Unverified',
  VERIFIED: 'Verified',
  TRUSTED: 'Trusted',
  CURATED: 'Curated',
};

/** What ToolLedger knows about a publisher when someone reviews it (read by lib/server/vendors). */
export interface PublisherFacts {
  trustLevel: PublisherTrust;
  identityVerifiedAt: Date | null;
  identityWithdrawnAt: Date | null;
  tools: number;
  versions: number;
  verificationRuns: number;
  /** Verification runs whose result was Failed. */
  failedVerifications: number;
  /** Artifacts or tool definitions that changed under a version already published. */
  republishes: number;
  signerChanges: number;
  /** Null: this instance keeps no incident records yet, so none can be counted. */
  incidents: number | null;
}

export interface PublisherSuggestion extends VendorSuggestion {
  identity: Suggested<boolean> & { verifiedOn: string | null };
}

/** Starting rating from the registry's trust level (curated and trusted publishers are vetted by the registry). */
export const TRUST_BASE_STEP: Record<PublisherTrust, number> = { CURATED: 0, TRUSTED: 0, VERIFIED: 1, UNVERIFIED: 2 };

const day = (d: Date) => d.toISOString().slice(0, 10);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The pre-filled publisher review: the identity as the registry verified it, and a rating that
 * starts from the registry's trust level and rises one band per adverse fact of the track record
 * (each with a sentence), capped at critical; the conclusion follows from the rating.
 */
export function suggestPublisherReview(f: PublisherFacts): PublisherSuggestion {
  const verified = f.identityVerifiedAt !== null && f.identityWithdrawnAt === null;
  const identity: PublisherSuggestion['identity'] = {
    value: verified,
    verifiedOn: verified ? day(f.identityVerifiedAt!) : null,
    reasons: [
      f.identityWithdrawnAt
        ? `The registry withdrew the verified identity on ${day(f.identityWithdrawnAt)}`
        : f.identityVerifiedAt
          ? `The registry verified the organizational identity on ${day(f.identityVerifiedAt)}`
          : 'The registry has not verified the organizational identity',
    ],
  };
  const facts: StepFact[] = [
    {
      when: f.identityWithdrawnAt !== null,
      reason: `+1 the verified identity was withdrawn on ${f.identityWithdrawnAt ? day(f.identityWithdrawnAt) : ''}`,
    },
    {
      when: f.identityWithdrawnAt === null && f.identityVerifiedAt === null && f.trustLevel !== 'UNVERIFIED',
      reason: `+1 trust level ${PUBLISHER_TRUST_LABELS[f.trustLevel].toLowerCase()} but no verified organizational identity`,
    },
    {
      when: f.failedVerifications > 0,
      reason: `+1 ${f.failedVerifications} of ${plural(f.verificationRuns, 'verification run')} failed`,
    },
    {
      when: f.republishes > 0,
      reason: `+1 ${plural(f.republishes, 're-publish', 're-publishes')}: an artifact or its tool definitions changed under a version already published`,
    },
    { when: f.signerChanges > 0, reason: `+1 the signer changed ${plural(f.signerChanges, 'time')}` },
    { when: (f.incidents ?? 0) > 0, reason: `+1 ${plural(f.incidents ?? 0, 'incident')} involving its tools` },
  ];
  const base = TRUST_BASE_STEP[f.trustLevel];
  const rating = checkedSteps(
    base,
    `Trust level ${PUBLISHER_TRUST_LABELS[f.trustLevel].toLowerCase()} (${plural(f.tools, 'tool')}, ${plural(f.versions, 'version')}): base`,
    facts,
  );
  return { identity, rating, conclusion: conclusionFor(rating.value) };
}
