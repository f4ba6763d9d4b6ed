import type { Tier } from './types';

/** Score floors, as AgentNode grades them (shared/ARCHITECTURE.md §4). */
export const TIER_FLOORS = { GOLD: 90, VERIFIED: 70, PARTIAL: 50 } as const;

/** Higher is better; FAILED ranks below everything. */
export const TIER_RANK: Record<Tier, number> = { GOLD: 4, VERIFIED: 3, PARTIAL: 2, UNVERIFIED: 1, FAILED: 0 };

export const TIER_LABELS: Record<Tier, string> = {
  GOLD: 'Gold',
  VERIFIED: 'Verified',
  PARTIAL: 'Partial',
  UNVERIFIED: 'Unverified',
  FAILED: 'Failed',
};

/**
 * Our tier for one version, derived the same way for every source: a failed check makes it
 * Failed whatever the score; no score (no verification record) is Unverified.
 */
export function deriveTier(input: { score: number | null | undefined; anyCheckFailed: boolean }): Tier {
  if (input.anyCheckFailed) return 'FAILED';
  const score = input.score;
  if (score === null || score === undefined || !Number.isFinite(score)) return 'UNVERIFIED';
  if (score >= TIER_FLOORS.GOLD) return 'GOLD';
  if (score >= TIER_FLOORS.VERIFIED) return 'VERIFIED';
  if (score >= TIER_FLOORS.PARTIAL) return 'PARTIAL';
  return 'UNVERIFIED';
}

/** True when `tier` is at least `minimum`. */
export function tierAtLeast(tier: Tier, minimum: Tier): boolean {
  return TIER_RANK[tier] >= TIER_RANK[minimum];
}
