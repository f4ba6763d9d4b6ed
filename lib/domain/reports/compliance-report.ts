import { exceptionInapplicableReason } from '../policy/exceptions';
import type { ExceptionFacts } from '../policy/types';
import { riskBand, type RiskBand, type Treatment } from '../risk/score';
import { ENVIRONMENTS, TIERS, type Environment, type PermissionSet, type Tier } from '../types';

/**
 * The compliance report (issue 13 point 4): every tool version in use (an active installation in
 * some environment) with its verification, tier, permissions, the exceptions that cover it and
 * its current risk. Pure: the server reads the facts in batches, this shapes rows and adds them
 * to running totals, so a report of 5,000 tools never needs them all in memory at once.
 */

export type VerificationState = 'PASSED' | 'FAILED' | 'UNVERIFIED';
export const VERIFICATION_STATES: readonly VerificationState[] = ['PASSED', 'FAILED', 'UNVERIFIED'];
export const VERIFICATION_STATE_LABELS: Record<VerificationState, string> = {
  PASSED: 'Passed',
  FAILED: 'Failed',
  UNVERIFIED: 'Unverified',
};

/** One tool version in use, as read from the database. */
export interface InUseVersionFacts extends PermissionSet {
  toolId: string;
  toolName: string;
  toolVersionId: string;
  version: string;
  tier: Tier;
  trustScore: number | null;
  verificationState: VerificationState;
  lastVerifiedAt: Date | null;
  /** One entry per active installation (agent) of this version. */
  installations: { environment: Environment; agentId: string }[];
}

/** A tool's current risk assessment (the one nobody replaced yet). */
export interface RiskFacts {
  toolId: string;
  residualScore: number;
  treatment: Treatment;
  nextReviewAt: Date;
  assessedAt: Date;
}

export interface CoveringException {
  id: string;
  environment: Environment;
  rules: readonly string[];
  expiresAt: Date;
}

export interface ComplianceReportRow extends PermissionSet {
  toolId: string;
  toolName: string;
  toolVersionId: string;
  version: string;
  /** Environments with an active installation of this version, in ENVIRONMENTS order. */
  environments: Environment[];
  agents: number;
  verificationState: VerificationState;
  tier: Tier;
  trustScore: number | null;
  lastVerifiedAt: Date | null;
  /** Approved, unexpired exceptions whose scope covers this version in one of its environments. */
  exceptions: CoveringException[];
  /** Null when nobody assessed the tool. */
  risk: { residualScore: number; band: RiskBand; treatment: Treatment; nextReviewAt: Date; overdue: boolean } | null;
}

/** Shapes one version in use; `exceptions` and `risks` may hold other tools' records (a batch's). */
export function shapeComplianceRow(
  v: InUseVersionFacts,
  exceptions: readonly ExceptionFacts[],
  risks: readonly RiskFacts[],
  now: Date,
): ComplianceReportRow {
  const environments = ENVIRONMENTS.filter((e) => v.installations.some((i) => i.environment === e));
  const covering = exceptions
    .filter((e) =>
      environments.some(
        (environment) =>
          exceptionInapplicableReason(e, {
            toolId: v.toolId,
            toolVersionId: v.toolVersionId,
            version: v.version,
            environment,
            now,
          }) === null,
      ),
    )
    .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.id.localeCompare(b.id))
    .map((e) => ({ id: e.id, environment: e.environment, rules: [...e.rules], expiresAt: e.expiresAt }));
  // The newest assessment of the tool stands (one per tool is current; the newest wins if not).
  const risk = risks.filter((r) => r.toolId === v.toolId).sort((a, b) => b.assessedAt.getTime() - a.assessedAt.getTime())[0];
  return {
    toolId: v.toolId,
    toolName: v.toolName,
    toolVersionId: v.toolVersionId,
    version: v.version,
    environments,
    agents: new Set(v.installations.map((i) => i.agentId)).size,
    verificationState: v.verificationState,
    tier: v.tier,
    trustScore: v.trustScore,
    lastVerifiedAt: v.lastVerifiedAt,
    network: v.network,
    filesystem: v.filesystem,
    codeExecution: v.codeExecution,
    dataAccess: v.dataAccess,
    exceptions: covering,
    risk: risk
      ? {
          residualScore: risk.residualScore,
          band: riskBand(risk.residualScore),
          treatment: risk.treatment,
          nextReviewAt: risk.nextReviewAt,
          overdue: risk.nextReviewAt.getTime() < now.getTime(),
        }
      : null,
  };
}

export interface ComplianceTotals {
  /** Distinct tools and tool versions in use. */
  tools: number;
  versions: number;
  byEnvironment: Record<Environment, number>;
  byTier: Record<Tier, number>;
  byVerification: Record<VerificationState, number>;
  /** Versions some exception covers, and the distinct exceptions covering any. */
  versionsUnderException: number;
  exceptions: number;
  byRiskBand: Record<RiskBand, number>;
  unassessed: number;
  reviewsOverdue: number;
}

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Totals accumulate row by row; `seen` keeps ids only, never rows. */
export class ComplianceTotalsAccumulator {
  private toolIds = new Set<string>();
  private exceptionIds = new Set<string>();
  private assessedTools = new Map<string, { band: RiskBand; overdue: boolean }>();
  private unassessedTools = new Set<string>();
  private counts = {
    versions: 0,
    byEnvironment: zeroes(ENVIRONMENTS),
    byTier: zeroes(TIERS),
    byVerification: zeroes(VERIFICATION_STATES),
    versionsUnderException: 0,
  };

  add(row: ComplianceReportRow): void {
    this.toolIds.add(row.toolId);
    this.counts.versions += 1;
    for (const e of row.environments) this.counts.byEnvironment[e] += 1;
    this.counts.byTier[row.tier] += 1;
    this.counts.byVerification[row.verificationState] += 1;
    if (row.exceptions.length) this.counts.versionsUnderException += 1;
    for (const e of row.exceptions) this.exceptionIds.add(e.id);
    // Risk is per tool: counted once however many of its versions are in use.
    if (row.risk) this.assessedTools.set(row.toolId, { band: row.risk.band, overdue: row.risk.overdue });
    else this.unassessedTools.add(row.toolId);
  }

  totals(): ComplianceTotals {
    const byRiskBand = zeroes(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const);
    for (const r of this.assessedTools.values()) byRiskBand[r.band] += 1;
    return {
      tools: this.toolIds.size,
      versions: this.counts.versions,
      byEnvironment: { ...this.counts.byEnvironment },
      byTier: { ...this.counts.byTier },
      byVerification: { ...this.counts.byVerification },
      versionsUnderException: this.counts.versionsUnderException,
      exceptions: this.exceptionIds.size,
      byRiskBand,
      unassessed: [...this.unassessedTools].filter((t) => !this.assessedTools.has(t)).length,
      reviewsOverdue: [...this.assessedTools.values()].filter((r) => r.overdue).length,
    };
  }
}

export function complianceTotals(rows: Iterable<ComplianceReportRow>): ComplianceTotals {
  const acc = new ComplianceTotalsAccumulator();
  for (const r of rows) acc.add(r);
  return acc.totals();
}
