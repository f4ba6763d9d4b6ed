import type { AllowlistStatus, ChangeKind } from './state-machine';

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
  /** The tool's allowlist entry for the environment, whatever its status; null when there is none. */
  allowlistEntry: { status: AllowlistStatus; createdById: string } | null;
  /** Who raised the request (null: the enforcement API). */
  requestedById: string | null;
}

export type AllowlistStanding = { waives: true } | { waives: false; reason: string | null };

/**
 * Does the allowlist waive this request's review triggers? Only an entry a second person
 * approved, and never for a request raised by the entry's own creator: otherwise one person
 * could pre-approve a tool and then fast-track their own request for it.
 */
export function allowlistStanding(entry: FastTrackInput['allowlistEntry'], requestedById: string | null): AllowlistStanding {
  if (!entry || entry.status === 'REVOKED' || entry.status === 'REJECTED') return { waives: false, reason: null };
  if (entry.status === 'PENDING')
    return { waives: false, reason: "its allowlist entry still awaits a security reviewer's approval" };
  if (requestedById !== null && requestedById === entry.createdById)
    return { waives: false, reason: 'you added its allowlist entry yourself, so it does not waive review of your own request' };
  return { waives: true };
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
  if (!input.evaluated)
    return { eligible: false, reason: 'The tool is not in the inventory yet, so no policy could be evaluated' };
  if (!input.policyPasses) {
    return {
      eligible: false,
      reason: `Fails policy rule${input.failedRules.length === 1 ? '' : 's'}: ${input.failedRules.join(', ') || 'unknown'}`,
    };
  }
  const standing = allowlistStanding(input.allowlistEntry, input.requestedById);
  if (standing.waives) {
    return {
      eligible: true,
      basis: 'allowlist',
      reason: 'Pre-approved on the allowlist for this environment and passes every policy rule',
    };
  }
  if (input.triggers.length > 0) {
    const why = `Manual review triggered: ${input.triggers.map((t) => t.reason.replace(/\.$/, '').toLowerCase()).join('; ')}`;
    return { eligible: false, reason: standing.reason ? `${why} (the allowlist does not apply: ${standing.reason})` : why };
  }
  return { eligible: true, basis: 'clean', reason: 'Passes every policy rule and no manual-review trigger fired' };
}

/**
 * Security review follows compliance review when a manual-review trigger fired, and also when the
 * version fails policy or could not be evaluated (someone with security expertise must look).
 * A removal takes risk away: compliance review alone decides it.
 */
export function needsSecurityReview(input: {
  kind: ChangeKind;
  evaluated: boolean;
  policyPasses: boolean;
  triggers: readonly ReviewTriggerHit[];
}): boolean {
  if (input.kind === 'REMOVAL') return false;
  return !input.evaluated || !input.policyPasses || input.triggers.length > 0;
}
