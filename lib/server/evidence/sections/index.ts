import { allowlistSection } from './allowlist';
import { apiKeysSection } from './api-keys';
import { approvalsSection } from './approvals';
import { auditChainCheckSection } from './audit-chain-check';
import { auditTrailSection } from './audit-trail';
import { alertsSection } from './alerts';
import { changeRequestsSection } from './change-requests';
import { dataFlowsSection } from './data-flows';
import { enforcementDecisionsSection } from './enforcement-decisions';
import { exceptionsSection } from './exceptions';
import { incidentsSection } from './incidents';
import { inventorySection } from './inventory';
import { policiesSection } from './policies';
import { policyHistorySection } from './policy-history';
import { riskAssessmentsSection } from './risk-assessments';
import { roleChangesSection } from './role-changes';
import { signInEventsSection } from './sign-in-events';
import { subprocessorsSection } from './subprocessors';
import { syncRunsSection } from './sync-runs';
import { usersSection } from './users';
import { verificationRecordsSection } from './verification-records';
// Compliance report and governance policy document (issue 13 points 4-5).
import { complianceReportSection } from './compliance-report';
import { governancePolicySection } from './governance-policy';
import { webhookDeliveriesSection } from './webhook-deliveries';
import type { EvidenceSection } from './types';
// Issue 13 (in-app build): invocation totals and chain check, auditor samples, tool definition reports.
import { invocationChainCheckSection } from './invocation-chain-check';
import { invocationTotalsSection } from './invocation-totals';
import { samplesSection } from './samples';
import { toolDefinitionReportsSection } from './tool-definition-reports';

/**
 * Every evidence section the pack writes, one module each. A new kind of record joins the pack
 * by adding its module here and setting `kept: true` on its kind in lib/domain/controls; a test
 * keeps the two in step.
 */
export const EVIDENCE_SECTIONS: readonly EvidenceSection[] = [
  inventorySection,
  verificationRecordsSection,
  changeRequestsSection,
  approvalsSection,
  allowlistSection,
  policiesSection,
  policyHistorySection,
  enforcementDecisionsSection,
  alertsSection,
  syncRunsSection,
  usersSection,
  roleChangesSection,
  signInEventsSection,
  apiKeysSection,
  auditTrailSection,
  auditChainCheckSection,
  exceptionsSection,
  complianceReportSection,
  governancePolicySection,
  webhookDeliveriesSection,
  invocationTotalsSection,
  invocationChainCheckSection,
  samplesSection,
  toolDefinitionReportsSection,
  // Incident response (issue 14.6).
  incidentsSection,
  // Data flow maps and subprocessors (issue 12.2).
  dataFlowsSection,
  subprocessorsSection,
  riskAssessmentsSection,
];

export type { EvidenceSection, PackScope, SectionContext } from './types';
