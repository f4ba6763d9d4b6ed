import type { CodeExecutionLevel, DataAccessLevel, Environment, FilesystemLevel, NetworkLevel, Tier } from '../types';

/** Every rule a policy evaluates. Tables keyed by it (Record<PolicyRule, …>) make the compiler list them all. */
export type PolicyRule =
  | 'not-quarantined'
  | 'version-verified'
  | 'verification-fresh'
  | 'min-tier'
  | 'min-score'
  | 'max-network'
  | 'max-filesystem'
  | 'max-code-execution'
  | 'max-data-access';

export const POLICY_RULES: readonly PolicyRule[] = [
  'not-quarantined',
  'version-verified',
  'verification-fresh',
  'min-tier',
  'min-score',
  'max-network',
  'max-filesystem',
  'max-code-execution',
  'max-data-access',
];

export function isPolicyRule(value: string): value is PolicyRule {
  return (POLICY_RULES as readonly string[]).includes(value);
}

/** One environment's policy as stored (a Policy row), without I/O types. */
export interface PolicySettings {
  minTier: Tier | null;
  minTrustScore: number | null;
  maxNetwork: NetworkLevel;
  maxFilesystem: FilesystemLevel;
  maxCodeExecution: CodeExecutionLevel;
  maxDataAccess: DataAccessLevel;
  reviewOnExternalNetwork: boolean;
  reviewOnFilesystemWrite: boolean;
  reviewOnCodeExecution: boolean;
  requireVersionVerification: boolean;
  maxVerificationAgeDays: number | null;
  logUnverified: boolean;
  /** Longest an exception in this environment may run, in days from its request. */
  maxExceptionDays: number;
  /** Gateways of this environment allow calls while ToolLedger is unreachable (fail-open). */
  gatewayFailOpen: boolean;
  /** Robust z-score above which an invocation metric is an anomaly against the tool's baseline. */
  anomalyThreshold: number;
}

export interface PolicyFacts extends PolicySettings {
  id?: string;
  environment: Environment;
  version: number;
}

/** What the evaluation needs to know about one tool version (its own verification, never the tool's). */
export interface VersionFacts {
  toolId?: string;
  toolVersionId?: string;
  /** The version's name, for exceptions granted over a version range. */
  version?: string;
  tier: Tier;
  trustScore: number | null;
  verificationState: 'PASSED' | 'FAILED' | 'UNVERIFIED';
  /** When this version's own latest verification ran; null = this version was never verified. */
  lastVerifiedAt: Date | null;
  network: NetworkLevel;
  filesystem: FilesystemLevel;
  codeExecution: CodeExecutionLevel;
  dataAccess: DataAccessLevel;
  quarantineStatus: string | null;
  yankedAt: Date | null;
}

export type ExceptionStatus = 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'REVOKED';

export interface ExceptionFacts {
  id: string;
  rules: readonly string[];
  toolId: string;
  toolVersionId: string | null;
  /** Semver range of versions covered (with toolVersionId null); both null = every version (older rows). */
  versionRange?: string | null;
  environment: Environment;
  status: ExceptionStatus;
  expiresAt: Date;
}

/** block = fails and nothing covers it; warn = covered by an exception or passes with a caveat. */
export type VerdictSeverity = 'block' | 'warn' | 'info';

export interface RuleVerdict {
  rule: PolicyRule;
  passed: boolean;
  reason: string;
  severity: VerdictSeverity;
  /** Exception that covers this failed rule, when one does. */
  coveredBy?: string;
}

export type ReviewTrigger = 'external-network' | 'filesystem-write' | 'code-execution';

export interface ReviewTriggerHit {
  trigger: ReviewTrigger;
  reason: string;
}

export interface PolicyEvaluation {
  environment: Environment;
  policyId?: string;
  policyVersion: number;
  /** True when every rule passes or an exception covers it. */
  passes: boolean;
  verdicts: RuleVerdict[];
  /** Failed rules nothing covers: the reasons to deny. */
  blocking: RuleVerdict[];
  /** Manual security review required before approval (does not fail the policy by itself). */
  reviewTriggers: ReviewTriggerHit[];
  /** Exceptions used to cover failed rules. */
  coveredBy: string[];
  /** Development-style policy: the use is allowed but must be logged as unverified. */
  logAsUnverified: boolean;
}
