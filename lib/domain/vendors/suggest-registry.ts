import { checkedSteps, conclusionFor, type StepFact } from './steps';
import type { VendorSuggestion } from './review';

export type RegistryKind = 'AGENTNODE' | 'MCP_REGISTRY' | 'NPM';

/**
 * What each registry kind does to vouch for what it lists, from its documented API
 * (shared/REGISTRIES.md, shared/AGENTNODE-API.md): how it verifies, what it signs, and the
 * rating that starting point deserves before the data says more.
 */
export const REGISTRY_PROFILES: Record<RegistryKind, { verification: string; signing: string; baseStep: number }> = {
  AGENTNODE: {
    verification:
      'Runs install, import, sandbox smoke and permission-declaration checks on every version and scores them (Gold, Verified, Partial tiers); grades publishers unverified, verified, trusted or curated.',
    signing:
      'Publishers sign the artifact’s SHA-256 with Ed25519 and the registry checks the signature (signature present / verified); provenance says whether the source repository exists.',
    baseStep: 0,
  },
  MCP_REGISTRY: {
    verification:
      'Verifies namespace ownership only (GitHub OAuth/OIDC for io.github.*, DNS or HTTP challenge for domains) and package-ownership markers; no checks of the code, no scores, no permission model.',
    signing:
      'Signs nothing; the package hash (fileSha256) is published as given and the registry does not check it. Moderated entries are marked deleted.',
    baseStep: 1,
  },
  NPM: {
    verification:
      'Authenticates the publishing account (_npmUser, maintainers); it does not review package contents. Install scripts and deprecations are reported as metadata.',
    signing:
      'The registry signs every tarball (dist.signatures, keys at /-/npm/v1/keys); Sigstore provenance attestations (SLSA provenance v1) only when the publisher opts in.',
    baseStep: 1,
  },
};

/** Coverage figures read from the synced data (lib/server/vendors). */
export interface RegistryFacts {
  kind: RegistryKind;
  publishers: number;
  publishersIdentityVerified: number;
  versions: number;
  versionsSigned: number;
  versionsWithProvenance: number;
  /** Tools the registry removed by moderation (status deleted). */
  deletedTools: number;
}

export interface RegistrySuggestion extends VendorSuggestion {
  verification: string;
  signing: string;
}

const pct = (part: number, whole: number) => Math.round((part / whole) * 100);
/** Below this share of versions signed (or publishers verified), the registry vouches for too little of what we use. */
export const MIN_COVERAGE_PERCENT = 50;

/**
 * The pre-filled registry review: how the registry verifies and what it signs (its profile plus
 * the coverage actually observed), and a rating from the profile's base, raised one band per
 * weak figure, capped at critical.
 */
export function suggestRegistryReview(f: RegistryFacts): RegistrySuggestion {
  const profile = REGISTRY_PROFILES[f.kind];
  const signedShare = f.versions ? pct(f.versionsSigned, f.versions) : null;
  const verifiedShare = f.publishers ? pct(f.publishersIdentityVerified, f.publishers) : null;
  const facts: StepFact[] = [
    {
      when: signedShare !== null && signedShare < MIN_COVERAGE_PERCENT,
      reason: `+1 only ${f.versionsSigned} of ${f.versions} versions carry a signature (${signedShare}%)`,
    },
    {
      when: verifiedShare !== null && verifiedShare < MIN_COVERAGE_PERCENT,
      reason: `+1 only ${f.publishersIdentityVerified} of ${f.publishers} publishers have a verified identity (${verifiedShare}%)`,
    },
    {
      when: f.deletedTools > 0,
      reason: `+1 ${f.deletedTools} tool${f.deletedTools === 1 ? '' : 's'} removed by the registry’s moderation`,
    },
  ];
  const rating = checkedSteps(profile.baseStep, `${f.kind.replace('_', ' ').toLowerCase()} profile: base`, facts);
  const observed =
    f.versions === 0
      ? 'No versions synced yet.'
      : `Observed: ${f.versionsSigned} of ${f.versions} versions signed, ${f.versionsWithProvenance} with provenance.`;
  const publishers =
    f.publishers === 0 ? '' : ` ${f.publishersIdentityVerified} of ${f.publishers} publishers with a verified identity.`;
  return {
    verification: `${profile.verification}${publishers}`,
    signing: `${profile.signing} ${observed}`,
    rating,
    conclusion: conclusionFor(rating.value),
  };
}
