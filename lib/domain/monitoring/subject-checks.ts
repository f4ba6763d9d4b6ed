import type { Tier } from '../types';

/**
 * Version mismatch: the agent has an approved (or active) installation of this tool, but called
 * another version. Null when the version used is approved, or the agent has no approved version
 * of the tool at all (then the unapproved-use alert speaks).
 */
export function versionMismatch(used: string, approvedVersions: readonly string[]): { approved: string[] } | null {
  if (approvedVersions.length === 0 || approvedVersions.includes(used)) return null;
  return { approved: [...new Set(approvedVersions)].sort() };
}

const CLAIMABLE: Record<string, Tier> = {
  gold: 'GOLD',
  verified: 'VERIFIED',
  partial: 'PARTIAL',
  unverified: 'UNVERIFIED',
  failed: 'FAILED',
};

/**
 * Why a version in use is not trusted: it failed verification or was never verified. The
 * agent's claimed `tool_trust_level` is reported beside it when it says more than the inventory.
 */
export function untrustedUse(facts: {
  tier: Tier;
  claimedTrust: string | null;
}): { reason: string; claimed: string | null } | null {
  const reason =
    facts.tier === 'FAILED'
      ? 'the version failed verification'
      : facts.tier === 'UNVERIFIED'
        ? 'the version was never verified'
        : null;
  if (!reason) return null;
  const claimed = facts.claimedTrust ? (CLAIMABLE[facts.claimedTrust.toLowerCase()] ?? null) : null;
  return { reason, claimed: claimed && claimed !== facts.tier ? facts.claimedTrust : null };
}
