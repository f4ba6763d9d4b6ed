import { Badge, type BadgeTone } from '@/components/ui/badge';
import { TIER_LABELS } from '@/lib/domain/tiers';
import { formatLevel, levelRank, type PermissionDimension } from '@/lib/domain/permissions';
import type { PermissionSet, Tier } from '@/lib/domain/types';

const TIER_TONES: Record<Tier, BadgeTone> = {
  GOLD: 'gold',
  VERIFIED: 'green',
  PARTIAL: 'yellow',
  UNVERIFIED: 'gray',
  FAILED: 'red',
};

/** A version's verification tier (never the publisher's trust level). */
export function TierBadge({ tier }: { tier: Tier }) {
  return (
    <Badge tone={TIER_TONES[tier]} title="Verification tier of the version">
      {TIER_LABELS[tier]}
    </Badge>
  );
}

export type VerificationStateValue = 'PASSED' | 'FAILED' | 'UNVERIFIED';
const STATE_TONES: Record<VerificationStateValue, BadgeTone> = { PASSED: 'green', FAILED: 'red', UNVERIFIED: 'gray' };
export const VERIFICATION_LABELS: Record<VerificationStateValue, string> = {
  PASSED: 'Passed',
  FAILED: 'Failed',
  UNVERIFIED: 'Unverified',
};

export function VerificationBadge({ state }: { state: VerificationStateValue }) {
  return <Badge tone={STATE_TONES[state]}>{VERIFICATION_LABELS[state]}</Badge>;
}

export type PublisherTrustValue = 'UNVERIFIED' | 'VERIFIED' | 'TRUSTED' | 'CURATED';
const TRUST_TONES: Record<PublisherTrustValue, BadgeTone> = {
  UNVERIFIED: 'gray',
  VERIFIED: 'blue',
  TRUSTED: 'indigo',
  CURATED: 'indigo',
};
export const PUBLISHER_TRUST_LABELS: Record<PublisherTrustValue, string> = {
  UNVERIFIED: 'unverified',
  VERIFIED: 'verified',
  TRUSTED: 'trusted',
  CURATED: 'curated',
};

/** The publisher's trust level as the registry states it — labeled so it is never read as a tier. */
export function PublisherTrustBadge({ level }: { level: PublisherTrustValue }) {
  return (
    <Badge tone={TRUST_TONES[level]} title="Publisher trust, as the registry states it (not the version tier)">
      Publisher trust: {PUBLISHER_TRUST_LABELS[level]}
    </Badge>
  );
}

const LEVEL_TONES: BadgeTone[] = ['gray', 'yellow', 'red'];

export function LevelBadge<D extends PermissionDimension>({
  dimension,
  level,
  escalated,
}: {
  dimension: D;
  level: PermissionSet[D];
  escalated?: boolean;
}) {
  const tone = LEVEL_TONES[levelRank(dimension, level)] ?? 'gray';
  return (
    <Badge
      tone={escalated ? 'red' : tone}
      className={escalated ? 'ring-2 ring-rose-600' : undefined}
      title={escalated ? 'Escalated against the previous version' : undefined}
    >
      {formatLevel(dimension, level)}
      {escalated && ' ↑'}
    </Badge>
  );
}
