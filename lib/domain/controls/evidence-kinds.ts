/**
 * The kinds of evidence an evidence pack carries, each with the files it writes. A kind whose
 * record type the instance does not keep yet is listed with `kept: false`: the controls map can
 * point at it today, the pack's completeness section names it as missing, and the change that
 * adds the record type flips the flag and adds its pack section.
 */
export type EvidenceKind =
  | 'inventory'
  | 'verification-records'
  | 'change-requests'
  | 'approvals'
  | 'allowlist'
  | 'policies'
  | 'policy-history'
  | 'enforcement-decisions'
  | 'alerts'
  | 'sync-runs'
  | 'users'
  | 'role-changes'
  | 'sign-in-events'
  | 'api-keys'
  | 'audit-trail'
  | 'audit-chain-check'
  | 'exceptions'
  | 'risk-assessments'
  | 'data-flows'
  | 'subprocessors'
  | 'invocation-totals'
  | 'samples'
  // Compliance report and governance policy document (issue 13 points 4-5).
  | 'compliance-report'
  | 'governance-policy'
  // Alert webhooks to the SIEM (issue 11.6).
  | 'webhook-deliveries'
  // Evidence pack sections of issue 13 (in-app build).
  | 'invocation-chain-check'
  | 'tool-definition-reports'
  // Incident response (issue 14.6).
  | 'incidents';

export interface EvidenceKindDefinition {
  kind: EvidenceKind;
  label: string;
  /** What the records are, for the control matrix and the pack's README. */
  description: string;
  /** Paths inside the pack, sorted. */
  files: readonly string[];
  /** Whether this ToolLedger release keeps the record type at all. */
  kept: boolean;
}

function tabular(kind: EvidenceKind): readonly string[] {
  return [`evidence/${kind}.csv`, `evidence/${kind}.json`];
}

const KINDS: Record<EvidenceKind, Omit<EvidenceKindDefinition, 'kind'>> = {
  inventory: {
    label: 'Tool inventory',
    description:
      'Every tool and its installations as of the period end: version, tier, score, permissions, owner, data classification.',
    files: tabular('inventory'),
    kept: true,
  },
  'verification-records': {
    label: 'Verification records',
    description: 'Each verification run in the period with its checks, score and tier.',
    files: tabular('verification-records'),
    kept: true,
  },
  'change-requests': {
    label: 'Change requests',
    description: 'Requests to add, upgrade or remove a tool, with their state and who asked.',
    files: tabular('change-requests'),
    kept: true,
  },
  approvals: {
    label: 'Approvals',
    description: 'Each review decision on a change request: stage, reviewer, decision, time.',
    files: tabular('approvals'),
    kept: true,
  },
  allowlist: {
    label: 'Allowlist',
    description: 'Tool versions allowed per environment, with who proposed and who approved them.',
    files: tabular('allowlist'),
    kept: true,
  },
  policies: {
    label: 'Policies in force',
    description: 'The policy in force for each environment at the period end.',
    files: tabular('policies'),
    kept: true,
  },
  'policy-history': {
    label: 'Policy history',
    description: 'Every policy version created in the period, with its change note and author.',
    files: tabular('policy-history'),
    kept: true,
  },
  'enforcement-decisions': {
    label: 'Enforcement decisions',
    description: 'Totals of allow/deny decisions agents asked for, plus every deny in full.',
    files: tabular('enforcement-decisions'),
    kept: true,
  },
  alerts: {
    label: 'Alerts',
    description: 'Alerts raised in the period and how they were acknowledged and resolved.',
    files: tabular('alerts'),
    kept: true,
  },
  'sync-runs': {
    label: 'Registry sync runs',
    description: 'Each registry synchronisation in the period: trigger, status, what changed.',
    files: tabular('sync-runs'),
    kept: true,
  },
  users: {
    label: 'Users',
    description: 'Every user account with its role, state and last sign-in.',
    files: tabular('users'),
    kept: true,
  },
  'role-changes': {
    label: 'User and role changes',
    description: 'Accounts created, roles changed, accounts deactivated, from the audit trail.',
    files: tabular('role-changes'),
    kept: true,
  },
  'sign-in-events': {
    label: 'Sign-in events',
    description: 'Successful and refused sign-ins in the period, from the audit trail.',
    files: tabular('sign-in-events'),
    kept: true,
  },
  'api-keys': {
    label: 'API keys',
    description: 'Machine credentials: scopes, creator, expiry, revocation (never the secret).',
    files: tabular('api-keys'),
    kept: true,
  },
  'audit-trail': {
    label: 'Application audit trail',
    description: 'Every audit event in the period with its hash-chain links.',
    files: tabular('audit-trail'),
    kept: true,
  },
  'audit-chain-check': {
    label: 'Audit chain check',
    description: 'The result of re-computing the hash chain and comparing it with the signed checkpoints.',
    files: ['evidence/audit-chain-check.json'],
    kept: true,
  },
  exceptions: {
    label: 'Policy exceptions',
    description: 'Approved deviations from policy with justification, compensating controls and expiry.',
    files: tabular('exceptions'),
    kept: true,
  },
  'risk-assessments': {
    label: 'Risk assessments',
    description: 'Risk assessments of the tools and vendor reviews of their publishers and registries, every reassessment kept.',
    files: tabular('risk-assessments'),
    kept: true,
  },
  'data-flows': {
    label: 'Data flow maps',
    description: 'Which data each tool reads and sends where, with diagrams (laid-out nodes and edges, and SVG).',
    files: tabular('data-flows'),
    kept: true,
  },
  subprocessors: {
    label: 'Subprocessors',
    description: 'Third parties that receive data through the tools.',
    files: tabular('subprocessors'),
    kept: true,
  },
  'invocation-totals': {
    label: 'Invocation totals',
    description: 'How often each tool was invoked, per environment and day, with errors, denials and unapproved runs.',
    files: tabular('invocation-totals'),
    kept: true,
  },
  samples: {
    label: 'Samples',
    description: 'Auditor samples drawn from the populations above, with the seed and items that redraw them.',
    files: tabular('samples'),
    kept: true,
  },
  'invocation-chain-check': {
    label: 'Invocation chain check',
    description: 'The hash chain of the invocation events received in the period, re-computed from its anchor.',
    files: ['evidence/invocation-chain-check.json'],
    kept: true,
  },
  'tool-definition-reports': {
    label: 'Tool definition reports',
    description:
      'Tool definitions gateways and syncs saw in the period, compared with the pinned ones and scanned for poisoning.',
    files: tabular('tool-definition-reports'),
    kept: true,
  },
  // Compliance report and governance policy document (issue 13 points 4-5).
  'compliance-report': {
    label: 'Compliance report',
    description:
      'Every tool version in use with its verification, tier, permissions, covering exceptions and residual risk, as of the period end.',
    files: tabular('compliance-report'),
    kept: true,
  },
  'governance-policy': {
    label: 'Governance policy document',
    description:
      "The governance policy generated from the policies in force at the period end (Markdown inside, with its SHA-256 and the policy versions it names), and each environment's document as governance/policy-<env>-v<N>.md and .pdf.",
    files: ['evidence/governance-policy.json'],
    kept: true,
  },
  'webhook-deliveries': {
    label: 'Alert webhook deliveries',
    description: "Alerts handed to the security team's SIEM: each signed delivery, its attempts and the receiver's last answer.",
    files: tabular('webhook-deliveries'),
    kept: true,
  },
  incidents: {
    label: 'Incidents',
    description:
      'Security incidents open in the period: scenario, severity, playbook steps done, quarantines placed and lifted, and the timeline of every action.',
    files: tabular('incidents'),
    kept: true,
  },
};

/** Every evidence kind, in the order the pack and the matrix list them. */
export const EVIDENCE_KINDS: readonly EvidenceKindDefinition[] = (Object.keys(KINDS) as EvidenceKind[]).map((kind) => ({
  kind,
  ...KINDS[kind],
}));

export function evidenceKind(kind: EvidenceKind): EvidenceKindDefinition {
  return { kind, ...KINDS[kind] };
}

export function isEvidenceKind(value: string): value is EvidenceKind {
  return Object.hasOwn(KINDS, value);
}
