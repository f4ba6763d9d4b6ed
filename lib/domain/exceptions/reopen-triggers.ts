import { DIMENSIONS, DIMENSION_LABELS, levelRank } from '../permissions';
import { TIER_LABELS, TIER_RANK } from '../tiers';
import type { PermissionSet, Tier } from '../types';

/** The state of a tool an approved exception was granted against (its latest version). */
export interface CoveredToolState extends PermissionSet {
  latestVersionId: string | null;
  latestVersionName: string | null;
  tier: Tier;
  verificationState: 'PASSED' | 'FAILED' | 'UNVERIFIED';
}

export type ReopenTrigger = 'new-version' | 'permission-rise' | 'tier-drop' | 'failed-verification';

/**
 * The material changes that send a tool's approved exceptions back to review (issue 12): a new
 * version, any permission dimension rising, the tier dropping, a verification failing. Anything
 * else (score moving within its tier, a fresher verification) leaves them standing.
 */
export function materialChanges(before: CoveredToolState, after: CoveredToolState): { trigger: ReopenTrigger; reason: string }[] {
  const out: { trigger: ReopenTrigger; reason: string }[] = [];
  if (before.latestVersionId !== null && after.latestVersionId !== before.latestVersionId)
    out.push({
      trigger: 'new-version',
      reason: `New version ${after.latestVersionName ?? ''} (was ${before.latestVersionName ?? ''})`,
    });
  for (const d of DIMENSIONS) {
    if (levelRank(d, after[d]) > levelRank(d, before[d]))
      out.push({ trigger: 'permission-rise', reason: `${DIMENSION_LABELS[d]} rose from ${before[d]} to ${after[d]}` });
  }
  if (TIER_RANK[after.tier] < TIER_RANK[before.tier] && after.tier !== 'FAILED')
    out.push({ trigger: 'tier-drop', reason: `Tier dropped from ${TIER_LABELS[before.tier]} to ${TIER_LABELS[after.tier]}` });
  if (
    (after.verificationState === 'FAILED' || after.tier === 'FAILED') &&
    before.verificationState !== 'FAILED' &&
    before.tier !== 'FAILED'
  )
    out.push({ trigger: 'failed-verification', reason: 'Verification failed' });
  return out;
}
