import { LEVEL_LABELS } from '../permissions';
import { RISK_BAND_LABELS, TREATMENT_LABELS } from '../risk/score';
import { TIER_LABELS } from '../tiers';
import { ENVIRONMENT_LABELS } from '../types';
import { VERIFICATION_STATE_LABELS, type ComplianceReportRow } from './compliance-report';

/** The report's columns as flat values: the evidence pack's CSV/JSON and the PDF read these. */
export const COMPLIANCE_REPORT_COLUMNS = [
  'toolId',
  'toolName',
  'toolVersionId',
  'version',
  'environments',
  'agents',
  'verificationState',
  'lastVerifiedAt',
  'tier',
  'trustScore',
  'network',
  'filesystem',
  'codeExecution',
  'dataAccess',
  'exceptionIds',
  'riskResidualScore',
  'riskBand',
  'riskTreatment',
  'riskNextReviewAt',
] as const;

export type ComplianceReportRecord = Record<(typeof COMPLIANCE_REPORT_COLUMNS)[number], string | number | null>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function complianceReportRecord(r: ComplianceReportRow): ComplianceReportRecord {
  return {
    toolId: r.toolId,
    toolName: r.toolName,
    toolVersionId: r.toolVersionId,
    version: r.version,
    environments: r.environments.join(' '),
    agents: r.agents,
    verificationState: r.verificationState,
    lastVerifiedAt: iso(r.lastVerifiedAt),
    tier: r.tier,
    trustScore: r.trustScore,
    network: r.network,
    filesystem: r.filesystem,
    codeExecution: r.codeExecution,
    dataAccess: r.dataAccess,
    exceptionIds: r.exceptions.map((e) => e.id).join(' '),
    riskResidualScore: r.risk?.residualScore ?? null,
    riskBand: r.risk?.band ?? null,
    riskTreatment: r.risk?.treatment ?? null,
    riskNextReviewAt: iso(r.risk?.nextReviewAt),
  };
}

/** What a person reads in one PDF line per column (short: the PDF table is narrow). */
export function complianceReportCells(r: ComplianceReportRow): {
  tool: string;
  environments: string;
  verification: string;
  tier: string;
  permissions: string;
  exceptions: string;
  risk: string;
} {
  return {
    tool: `${r.toolName} ${r.version}`,
    environments: r.environments.map((e) => ENVIRONMENT_LABELS[e]).join(', '),
    verification: VERIFICATION_STATE_LABELS[r.verificationState],
    tier: `${TIER_LABELS[r.tier]}${r.trustScore === null ? '' : ` (${r.trustScore})`}`,
    permissions: [
      `net ${LEVEL_LABELS.network[r.network]}`,
      `fs ${LEVEL_LABELS.filesystem[r.filesystem]}`,
      `exec ${LEVEL_LABELS.codeExecution[r.codeExecution]}`,
      `data ${LEVEL_LABELS.dataAccess[r.dataAccess]}`,
    ].join(', '),
    exceptions: r.exceptions.length
      ? r.exceptions
          .map((e) => `${e.rules.join('+')} (${ENVIRONMENT_LABELS[e.environment]}, to ${iso(e.expiresAt)!.slice(0, 10)})`)
          .join('; ')
      : 'none',
    risk: r.risk
      ? `${r.risk.residualScore} ${RISK_BAND_LABELS[r.risk.band]}, ${TREATMENT_LABELS[r.risk.treatment]}${r.risk.overdue ? ', review overdue' : ''}`
      : 'not assessed',
  };
}
