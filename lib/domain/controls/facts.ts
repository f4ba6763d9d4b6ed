import type { EvidenceKind } from './evidence-kinds';

/** How many records of one kind back a control, and when the newest of them was made. */
export interface EvidenceCount {
  count: number;
  /** Newest record's time; null when there are none. */
  latestAt: Date | null;
}

/**
 * What the live state of the controls is computed from. The caller (the /controls page, the
 * evidence pack, the auditor portal) gathers these from the database for the instance or for a
 * period; the rules below never do I/O. Counts of problems are "now" (or at the period end).
 */
export interface ControlFacts {
  now: Date;
  /** Records per evidence kind; a kind absent here is one the instance does not keep (yet). */
  evidence: Partial<Record<EvidenceKind, EvidenceCount>>;
  /** Result of the audit hash-chain check; null when it was not run. */
  auditChain: { intact: boolean; problems: readonly string[] } | null;
  /** Newest signed audit checkpoint; null when none was ever taken. */
  latestCheckpointAt: Date | null;
  /** Tools installed (active) in any environment. */
  toolsInUse: number;
  /** Environments with tools in use and no policy. */
  environmentsWithoutPolicy: number;
  /** Tools in use whose installed version has no passing verification. */
  toolsInUseUnverified: number;
  /** Tools in use whose verification is older than their environment's policy allows. */
  toolsInUseStale: number;
  /** Installations that never went through an approved change request or allowlist entry. */
  unapprovedInstallations: number;
  /** HIGH or CRITICAL alerts still open (not acknowledged) after the response window. */
  overdueSevereAlerts: number;
  /** Changes approved by the person who requested them (segregation of duties broken). */
  selfApprovals: number;
  /** Active accounts with the ADMIN role. */
  activeAdmins: number;
  /** Approved exceptions past their expiry or remediation date and still not revoked. */
  overdueExceptions: number;
  /** Tools in use that handle CONFIDENTIAL or RESTRICTED data: brings C1.1 into scope. */
  confidentialDataToolsInUse: number;
  /**
   * Whether personal data flows through the tools: brings the P-series into scope. Until data
   * flow maps record it, callers derive it from RESTRICTED tools in use.
   */
  personalDataFlows: boolean;
}

/** Facts of an empty instance, the base tests and callers spread over. */
export function emptyControlFacts(now: Date): ControlFacts {
  return {
    now,
    evidence: {},
    auditChain: null,
    latestCheckpointAt: null,
    toolsInUse: 0,
    environmentsWithoutPolicy: 0,
    toolsInUseUnverified: 0,
    toolsInUseStale: 0,
    unapprovedInstallations: 0,
    overdueSevereAlerts: 0,
    selfApprovals: 0,
    activeAdmins: 0,
    overdueExceptions: 0,
    confidentialDataToolsInUse: 0,
    personalDataFlows: false,
  };
}
