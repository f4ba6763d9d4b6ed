import type { EvidenceKind } from './evidence-kinds';
import type { ControlFacts } from './facts';
import { gapIf, requireKept, requireRecent, type ControlFinding } from './findings';

/** When a criterion is in scope: always, or only when such data flows through the tools. */
export type ControlScope = 'always' | 'confidential-data' | 'personal-data';

export interface ControlDefinition {
  /** Criterion id as in the AICPA 2017 Trust Services Criteria (shared/standards/tsc2017.json). */
  id: string;
  category: 'Common Criteria' | 'Confidentiality' | 'Privacy';
  series: string;
  /** Our short description of the criterion; the full statement is AICPA's (see TSC_SOURCE). */
  summary: string;
  /** How ToolLedger evidences it, in words an auditor reads in the control matrix. */
  evidencedBy: string;
  /** Evidence kinds behind it, in the order the matrix lists them. */
  evidence: readonly EvidenceKind[];
  scope: ControlScope;
  /** Pure rule over the facts: every finding that keeps the control from "ok". */
  check: (facts: ControlFacts) => ControlFinding[];
}

/** Where the full criterion statements live (AICPA's text is not copied into the product). */
export const TSC_SOURCE =
  'AICPA, 2017 Trust Services Criteria for Security, Availability, Processing Integrity, Confidentiality, and Privacy (revised points of focus, 2022)';

/** The criteria in scope for ToolLedger, in the order of the TSC. */
export const CONTROLS: readonly ControlDefinition[] = [
  // Compliance report and governance policy document (issue 13 points 4-5).
  {
    id: 'CC2.1',
    category: 'Common Criteria',
    series: 'CC2',
    summary: 'Relevant, quality information supports the functioning of internal control.',
    evidencedBy:
      'The compliance report is generated from the system of record whenever asked and in every pack: each tool version in use with its verification, tier, permissions, covering exceptions and residual risk.',
    evidence: ['compliance-report', 'inventory', 'verification-records'],
    scope: 'always',
    check: (f) => requireKept(f, 'compliance-report'),
  },
  {
    id: 'CC5.3',
    category: 'Common Criteria',
    series: 'CC5',
    summary: 'Control activities are deployed through policies and the procedures that put them into action.',
    evidencedBy:
      'The governance policy document is generated from the versioned policy of each environment, naming the versions it states; enforcement applies the same policies to every request, and the compliance report shows the result per tool.',
    evidence: ['governance-policy', 'policies', 'policy-history', 'compliance-report'],
    scope: 'always',
    check: (f) => [
      ...requireKept(f, 'governance-policy'),
      ...gapIf(f.environmentsWithoutPolicy, (n) => `${n} with tools in use running on the built-in defaults.`, 'environment'),
    ],
  },
  {
    id: 'CC6.1',
    category: 'Common Criteria',
    series: 'CC6',
    summary: 'Logical access security over protected information assets.',
    evidencedBy:
      'Each environment has a versioned policy that limits what agent tools may reach (tier, score, network, filesystem, code execution, data access); people sign in with a role, machines with scoped API keys.',
    evidence: ['policies', 'policy-history', 'users', 'api-keys'],
    scope: 'always',
    check: (f) => gapIf(f.environmentsWithoutPolicy, (n) => `${n} with tools in use and no policy.`, 'environment'),
  },
  {
    id: 'CC6.2',
    category: 'Common Criteria',
    series: 'CC6',
    summary: 'Users are registered and authorized before they get credentials.',
    evidencedBy:
      'Accounts are created by an administrator with a role before anyone can sign in; every account creation, sign-in and API key issue is in the audit trail.',
    evidence: ['users', 'role-changes', 'sign-in-events', 'api-keys'],
    scope: 'always',
    check: (f) => [...requireKept(f, 'users'), ...requireKept(f, 'sign-in-events')],
  },
  {
    id: 'CC6.3',
    category: 'Common Criteria',
    series: 'CC6',
    summary: 'Access is granted, changed and removed by role, with segregation of duties.',
    evidencedBy:
      'Role changes and deactivations end sessions at once and are audited; a change request cannot be approved by the person who asked for it.',
    evidence: ['role-changes', 'users', 'approvals'],
    scope: 'always',
    check: (f) => [
      ...gapIf(f.selfApprovals, (n) => `${n} approved by their own requester.`, 'change'),
      ...(f.activeAdmins === 0 ? [{ state: 'gap' as const, reason: 'No active administrator.' }] : []),
    ],
  },
  {
    id: 'CC6.6',
    category: 'Common Criteria',
    series: 'CC6',
    summary: 'Protection against threats from outside the system boundary.',
    evidencedBy:
      'Agents ask ToolLedger before running a tool; only allowlisted versions within the policy are allowed, and every deny is kept.',
    evidence: ['enforcement-decisions', 'allowlist', 'policies'],
    scope: 'always',
    check: (f) => requireRecent(f, 'enforcement-decisions', 7),
  },
  {
    id: 'CC6.8',
    category: 'Common Criteria',
    series: 'CC6',
    summary: 'Unauthorized or malicious software is prevented or detected.',
    evidencedBy:
      'Every tool version is verified (signature, provenance, declared permissions, tool definitions) before it is allowed; failed or stale verifications raise alerts.',
    evidence: ['verification-records', 'inventory', 'alerts', 'allowlist'],
    scope: 'always',
    check: (f) => [
      ...gapIf(f.toolsInUseUnverified, (n) => `${n} in use without a passing verification.`, 'tool'),
      ...requireRecent(f, 'verification-records', 30),
      ...(f.toolsInUseStale > 0
        ? [
            {
              state: 'stale' as const,
              reason: `${f.toolsInUseStale} tool(s) in use with a verification older than policy allows.`,
            },
          ]
        : []),
    ],
  },
  {
    id: 'CC7.1',
    category: 'Common Criteria',
    series: 'CC7',
    summary: 'Configuration changes and new vulnerabilities are detected.',
    evidencedBy:
      'Registries are synchronised on a schedule; a changed artifact digest, changed tool definitions, a new signer or a permission escalation raises an alert.',
    evidence: ['sync-runs', 'alerts', 'verification-records', 'tool-definition-reports'],
    scope: 'always',
    check: (f) => requireRecent(f, 'sync-runs', 7),
  },
  {
    id: 'CC7.2',
    category: 'Common Criteria',
    series: 'CC7',
    summary: 'System components are monitored for anomalies.',
    evidencedBy:
      'Alerts are triaged and resolved; the application audit trail is hash-chained and signed by checkpoints, and its check is part of every pack.',
    evidence: [
      'alerts',
      'enforcement-decisions',
      'audit-trail',
      'audit-chain-check',
      'invocation-totals',
      'invocation-chain-check',
    ],
    scope: 'always',
    check: (f) => {
      const findings: ControlFinding[] = gapIf(
        f.overdueSevereAlerts,
        (n) => `${n} open past the response window.`,
        'high or critical alert',
      );
      if (!f.auditChain) findings.push({ state: 'stale', reason: 'The audit chain was not checked.' });
      else if (!f.auditChain.intact)
        findings.push({ state: 'gap', reason: `Audit chain broken: ${f.auditChain.problems.join('; ')}` });
      const checkpointAge = f.latestCheckpointAt ? f.now.getTime() - f.latestCheckpointAt.getTime() : Infinity;
      if (checkpointAge > 2 * 24 * 60 * 60 * 1000) {
        findings.push({ state: 'stale', reason: 'No signed audit checkpoint in the last 2 days.' });
      }
      return findings;
    },
  },
  // Incident response (issue 14.6).
  {
    id: 'CC7.3',
    category: 'Common Criteria',
    series: 'CC7',
    summary: 'Security events are evaluated to decide whether they are incidents.',
    evidencedBy:
      'Alerts on tools (changed artifacts, failed verifications, unapproved installations) are triaged; those that are incidents are opened as such, with scenario, severity and owner.',
    evidence: ['incidents', 'alerts'],
    scope: 'always',
    check: (f) => requireKept(f, 'incidents'),
  },
  {
    id: 'CC7.4',
    category: 'Common Criteria',
    series: 'CC7',
    summary: 'Incidents are contained, remediated and communicated under a defined program.',
    evidencedBy:
      'Each incident follows its scenario’s playbook (contain, investigate, eradicate); a quarantine is denied by enforcement at once and alerts every affected agent’s owner; every action is on its timeline.',
    evidence: ['incidents', 'enforcement-decisions', 'audit-trail'],
    scope: 'always',
    check: (f) => requireKept(f, 'incidents'),
  },
  {
    id: 'CC7.5',
    category: 'Common Criteria',
    series: 'CC7',
    summary: 'Recovery from incidents is planned and carried out.',
    evidencedBy:
      'The playbook’s recovery and lessons-learned steps close each incident; lifting a quarantine takes a security reviewer and a recorded reason.',
    evidence: ['incidents', 'audit-trail'],
    scope: 'always',
    check: (f) => requireKept(f, 'incidents'),
  },
  {
    id: 'CC8.1',
    category: 'Common Criteria',
    series: 'CC8',
    summary: 'Changes are authorized, tested, approved and implemented under control.',
    evidencedBy:
      'Adding or upgrading a tool goes through a change request with staged reviews and approvals pinned to the artifact digest; policy changes are versioned.',
    evidence: ['change-requests', 'approvals', 'policy-history', 'audit-trail'],
    scope: 'always',
    check: (f) => gapIf(f.unapprovedInstallations, (n) => `${n} without an approved change or allowlist entry.`, 'installation'),
  },
  {
    id: 'CC9.1',
    category: 'Common Criteria',
    series: 'CC9',
    summary: 'Risks of business disruption are identified and mitigated.',
    evidencedBy:
      'Deviations from policy are documented exceptions with compensating controls, a remediation plan and an expiry; risk assessments record the residual risk of each tool.',
    evidence: ['risk-assessments', 'exceptions'],
    scope: 'always',
    check: (f) => [
      ...requireKept(f, 'risk-assessments'),
      ...gapIf(f.overdueExceptions, (n) => `${n} past expiry or remediation date.`, 'exception'),
    ],
  },
  {
    id: 'CC9.2',
    category: 'Common Criteria',
    series: 'CC9',
    summary: 'Risks from vendors and business partners are assessed and managed.',
    evidencedBy:
      'Each tool is traced to its registry and publisher and verified before use; each publisher and registry has a vendor review with its history; subprocessors that receive data through the tools are listed.',
    evidence: ['inventory', 'verification-records', 'risk-assessments', 'subprocessors'],
    scope: 'always',
    check: (f) => [...requireKept(f, 'subprocessors'), ...requireKept(f, 'risk-assessments')],
  },
  {
    id: 'C1.1',
    category: 'Confidentiality',
    series: 'C1',
    summary: 'Confidential information is identified and maintained.',
    evidencedBy: 'Every tool carries a data classification and an owner; data flow maps show where confidential data goes.',
    evidence: ['inventory', 'data-flows'],
    scope: 'confidential-data',
    check: (f) => requireKept(f, 'data-flows'),
  },
  {
    id: 'P4.1',
    category: 'Privacy',
    series: 'P4',
    summary: 'Use of personal information is limited to the identified purposes.',
    evidencedBy: 'Data flow maps record the purpose of each flow of personal data through a tool.',
    evidence: ['data-flows', 'inventory'],
    scope: 'personal-data',
    check: (f) => requireKept(f, 'data-flows'),
  },
  {
    id: 'P6.1',
    category: 'Privacy',
    series: 'P6',
    summary: 'Personal information is disclosed to third parties only as authorized.',
    evidencedBy: 'Subprocessors receiving personal data through tools are listed with the flows that reach them.',
    evidence: ['subprocessors', 'data-flows'],
    scope: 'personal-data',
    check: (f) => [...requireKept(f, 'subprocessors'), ...requireKept(f, 'data-flows')],
  },
  {
    id: 'P6.4',
    category: 'Privacy',
    series: 'P6',
    summary: 'Vendors with access to personal information make privacy commitments.',
    evidencedBy: 'Each subprocessor records its privacy commitments and breach-notification terms.',
    evidence: ['subprocessors'],
    scope: 'personal-data',
    check: (f) => requireKept(f, 'subprocessors'),
  },
];
