import type { ChangeKind } from './state-machine';

/** A fired manual-review trigger (from evaluatePolicy's reviewTriggers). */
export interface ReviewTriggerHit {
  trigger: string;
  reason: string;
}

export interface FastTrackInput {
  kind: ChangeKind;
  /** False when the tool is unknown (an agent asked for something outside the inventory). */
  evaluated: boolean;
  policyPasses: boolean;
  failedRules: string[];
  triggers: readonly ReviewTriggerHit[];
  onAllowlist: boolean;
}

export type FastTrack = { eligible: true; basis: 'allowlist' | 'clean'; reason: string } | { eligible: false; reason: string };

/**
 * A request skips manual review when nothing in it needs a human: the version passes every
 * policy rule AND either the tool is pre-approved for the environment (the allowlist waives the
 * review triggers) or no review trigger fired. The allowlist never waives a failing rule: an
 * auto-approved installation that the enforcement API then denies would help nobody.
 */
export function fastTrackEligibility(input: FastTrackInput): FastTrack {
  if (input.kind === 'REMOVAL') return { eligible: false, reason: 'Removals are always reviewed so the tool owner is consulted' };
  if (!input.evaluated) return { eligible: false, reason: 'The tool is not in the inventory yet, so no policy could be evaluated' };
  if (!input.policyPasses) {
    return { eligible: false, reason: `Fails policy rule${input.failedRules.length === 1 ? '' : 's'}: ${input.failedRules.join(', ') || 'unknown'}` };
  }
  if (input.onAllowlist) {
    return { eligible: true, basis: 'allowlist', reason: 'Pre-approved on the allowlist for this environment and passes every policy rule' };
  }
  if (input.triggers.length > 0) {
    return { eligible: false, reason: `Manual review triggered: ${input.triggers.map((t) => t.reason.replace(/\.$/, '').toLowerCase()).join('; ')}` };
  }
  return { eligible: true, basis: 'clean', reason: 'Passes every policy rule and no manual-review trigger fired' };
}

/**
 * Security review follows compliance review when a manual-review trigger fired, and also when the
 * version fails policy or could not be evaluated (someone with security expertise must look).
 * A removal takes risk away: compliance review alone decides it.
 */
export function needsSecurityReview(input: { kind: ChangeKind; evaluated: boolean; policyPasses: boolean; triggers: readonly ReviewTriggerHit[] }): boolean {
  if (input.kind === 'REMOVAL') return false;
  return !input.evaluated || !input.policyPasses || input.triggers.length > 0;
}
