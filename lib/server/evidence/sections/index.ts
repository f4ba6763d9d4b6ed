import { allowlistSection } from './allowlist';
import { apiKeysSection } from './api-keys';
import { approvalsSection } from './approvals';
import { auditChainCheckSection } from './audit-chain-check';
import { auditTrailSection } from './audit-trail';
import { alertsSection } from './alerts';
import { changeRequestsSection } from './change-requests';
import { enforcementDecisionsSection } from './enforcement-decisions';
import { exceptionsSection } from './exceptions';
import { inventorySection } from './inventory';
import { policiesSection } from './policies';
import { policyHistorySection } from './policy-history';
import { riskAssessmentsSection } from './risk-assessments';
import { roleChangesSection } from './role-changes';
import { signInEventsSection } from './sign-in-events';
import { syncRunsSection } from './sync-runs';
import { usersSection } from './users';
import { verificationRecordsSection } from './verification-records';
import type { EvidenceSection } from './types';

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
  riskAssessmentsSection,
];

export type { EvidenceSection, PackScope, SectionContext } from './types';
