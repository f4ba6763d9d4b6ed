import { DIMENSION_LABELS, formatLevel, levelRank, type PermissionDimension } from '../permissions';
import { TIER_LABELS, tierAtLeast } from '../tiers';
import type { PermissionSet } from '../types';
import { findCoveringExceptions } from './exceptions';
import type {
  ExceptionFacts,
  PolicyEvaluation,
  PolicyFacts,
  PolicyRule,
  ReviewTrigger,
  ReviewTriggerHit,
  RuleVerdict,
  VersionFacts,
} from './types';
import { POLICY_RULES } from './types';

export type * from './types';
export { POLICY_RULES, isPolicyRule } from './types';

export interface EvaluationContext {
  now: Date;
  /** Candidate exceptions (any status/scope: the evaluation picks the ones that apply). */
  exceptions?: readonly ExceptionFacts[];
}

export const RULE_LABELS: Record<PolicyRule, string> = {
  'not-quarantined': 'Not quarantined or yanked',
  'version-verified': 'This version verified',
  'verification-fresh': 'Verification fresh',
  'min-tier': 'Minimum tier',
  'min-score': 'Minimum trust score',
  'max-network': 'Maximum network access',
  'max-filesystem': 'Maximum filesystem access',
  'max-code-execution': 'Maximum code execution',
  'max-data-access': 'Maximum data access',
};

interface Check {
  passed: boolean;
  reason: string;
  /** Passes, but a person should notice (e.g. unverified use logged in development). */
  caveat?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const BAD_QUARANTINE = new Set(['quarantined', 'rejected']);

function maxCheck<D extends PermissionDimension>(dimension: D, actual: PermissionSet[D], maximum: PermissionSet[D]): Check {
  const label = DIMENSION_LABELS[dimension].toLowerCase();
  const a = formatLevel(dimension, actual);
  const m = formatLevel(dimension, maximum);
  return levelRank(dimension, actual) <= levelRank(dimension, maximum)
    ? { passed: true, reason: `Declares ${label} ${a}; policy allows up to ${m}.` }
    : { passed: false, reason: `Declares ${label} ${a}, above the policy maximum of ${m}.` };
}

type RuleCheck = (p: PolicyFacts, v: VersionFacts, ctx: EvaluationContext) => Check;

const CHECKS: Record<PolicyRule, RuleCheck> = {
  'not-quarantined': (_p, v) => {
    if (v.yankedAt)
      return { passed: false, reason: `The registry yanked this version on ${v.yankedAt.toISOString().slice(0, 10)}.` };
    const q = v.quarantineStatus?.toLowerCase() ?? null;
    if (q && BAD_QUARANTINE.has(q)) return { passed: false, reason: `The registry reports this version as ${q}.` };
    return { passed: true, reason: 'Not quarantined, rejected or yanked.' };
  },
  'version-verified': (p, v) => {
    const verified = v.lastVerifiedAt !== null && v.verificationState !== 'UNVERIFIED';
    if (verified) return { passed: true, reason: 'This exact version has its own verification record.' };
    if (p.requireVersionVerification) {
      return {
        passed: false,
        reason: 'This version has no verification of its own; a verification of another version does not count.',
      };
    }
    return p.logUnverified
      ? { passed: true, caveat: true, reason: 'Unverified version allowed in this environment; every use is logged.' }
      : { passed: true, reason: 'This environment does not require verification.' };
  },
  'verification-fresh': (p, v, ctx) => {
    if (p.maxVerificationAgeDays === null) return { passed: true, reason: 'No freshness limit.' };
    if (!v.lastVerifiedAt) return { passed: true, reason: 'No verification to age (see “This version verified”).' };
    const ageDays = Math.floor((ctx.now.getTime() - v.lastVerifiedAt.getTime()) / DAY_MS);
    return ageDays <= p.maxVerificationAgeDays
      ? { passed: true, reason: `Verified ${ageDays} day(s) ago; limit ${p.maxVerificationAgeDays}.` }
      : { passed: false, reason: `Verified ${ageDays} days ago, older than the ${p.maxVerificationAgeDays}-day limit.` };
  },
  'min-tier': (p, v) => {
    if (p.minTier === null) return { passed: true, reason: 'No minimum tier.' };
    return tierAtLeast(v.tier, p.minTier)
      ? { passed: true, reason: `Tier ${TIER_LABELS[v.tier]} meets the minimum ${TIER_LABELS[p.minTier]}.` }
      : { passed: false, reason: `Tier ${TIER_LABELS[v.tier]} is below the minimum ${TIER_LABELS[p.minTier]}.` };
  },
  'min-score': (p, v) => {
    if (p.minTrustScore === null) return { passed: true, reason: 'No minimum trust score.' };
    if (v.trustScore === null) return { passed: false, reason: `No trust score; the minimum is ${p.minTrustScore}.` };
    return v.trustScore >= p.minTrustScore
      ? { passed: true, reason: `Trust score ${v.trustScore} meets the minimum ${p.minTrustScore}.` }
      : { passed: false, reason: `Trust score ${v.trustScore} is below the minimum ${p.minTrustScore}.` };
  },
  'max-network': (p, v) => maxCheck('network', v.network, p.maxNetwork),
  'max-filesystem': (p, v) => maxCheck('filesystem', v.filesystem, p.maxFilesystem),
  'max-code-execution': (p, v) => maxCheck('codeExecution', v.codeExecution, p.maxCodeExecution),
  'max-data-access': (p, v) => maxCheck('dataAccess', v.dataAccess, p.maxDataAccess),
};

const TRIGGERS: Record<ReviewTrigger, (p: PolicyFacts, v: VersionFacts) => string | null> = {
  'external-network': (p, v) => (p.reviewOnExternalNetwork && v.network === 'EXTERNAL' ? 'Reaches external networks.' : null),
  'filesystem-write': (p, v) => (p.reviewOnFilesystemWrite && v.filesystem === 'WRITE' ? 'Writes to the filesystem.' : null),
  'code-execution': (p, v) =>
    p.reviewOnCodeExecution && v.codeExecution !== 'NONE'
      ? `Executes code (${formatLevel('codeExecution', v.codeExecution)}).`
      : null,
};

/** Manual security review triggers (ARCHITECTURE §4): external network, filesystem write, any code execution. */
export function reviewTriggersFor(policy: PolicyFacts, version: VersionFacts): ReviewTriggerHit[] {
  return (Object.keys(TRIGGERS) as ReviewTrigger[]).flatMap((trigger) => {
    const reason = TRIGGERS[trigger](policy, version);
    return reason ? [{ trigger, reason }] : [];
  });
}

/**
 * Evaluates one tool version against one environment's policy. Pure: every fact comes in.
 * Each rule returns a verdict with a reason a person can read; failed rules may be covered
 * by an approved, unexpired exception whose scope (tool, optional version, environment) fits.
 */
export function evaluatePolicy(policy: PolicyFacts, version: VersionFacts, context: EvaluationContext): PolicyEvaluation {
  const checked = POLICY_RULES.map((rule) => ({ rule, ...CHECKS[rule](policy, version, context) }));
  const failed = checked.filter((c) => !c.passed).map((c) => c.rule);
  const covering = findCoveringExceptions(failed, context.exceptions ?? [], {
    toolId: version.toolId,
    toolVersionId: version.toolVersionId,
    version: version.version,
    environment: policy.environment,
    now: context.now,
  });
  const verdicts: RuleVerdict[] = checked.map(({ rule, passed, reason, caveat }) => {
    if (passed) return { rule, passed, reason, severity: caveat ? 'warn' : 'info' };
    const exception = covering[rule];
    return exception
      ? {
          rule,
          passed,
          reason: `${reason} Covered by exception ${exception.id} until ${exception.expiresAt.toISOString().slice(0, 10)}.`,
          severity: 'warn',
          coveredBy: exception.id,
        }
      : { rule, passed, reason, severity: 'block' };
  });
  const blocking = verdicts.filter((v) => v.severity === 'block');
  return {
    environment: policy.environment,
    policyId: policy.id,
    policyVersion: policy.version,
    passes: blocking.length === 0,
    verdicts,
    blocking,
    reviewTriggers: reviewTriggersFor(policy, version),
    coveredBy: [...new Set(verdicts.flatMap((v) => (v.coveredBy ? [v.coveredBy] : [])))],
    logAsUnverified: policy.logUnverified && version.verificationState !== 'PASSED',
  };
}
