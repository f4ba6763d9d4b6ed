/**
 * The populations an auditor samples from (issue 14), with the SOC 2 criteria each one evidences.
 * Each is every record of its kind in the audit's period (and environments, where the record has
 * one); lib/server/engagements/populations/ reads them.
 */
export const POPULATIONS = [
  'changeRequests',
  'approvals',
  'installations',
  'enforcementDenies',
  'exceptions',
  'userChanges',
  'alerts',
] as const;

export type Population = (typeof POPULATIONS)[number];

export const POPULATION_INFO: Record<Population, { label: string; noun: string; criteria: string[]; about: string }> = {
  changeRequests: {
    label: 'Change requests',
    noun: 'change request',
    criteria: ['CC8.1'],
    about: 'Every change request raised in the period, with its requester, approvers, approval and deployment times.',
  },
  approvals: {
    label: 'Approvals',
    noun: 'approval',
    criteria: ['CC8.1'],
    about: 'Every stage decision recorded in the period (compliance and security review, automatic fast-track approvals).',
  },
  installations: {
    label: 'Installations',
    noun: 'installation',
    criteria: ['CC8.1', 'CC6.1'],
    about:
      'Tools installed on agents and approved or activated in the period, each with the change request that approved it; none is flagged as unapproved.',
  },
  enforcementDenies: {
    label: 'Enforcement denies',
    noun: 'denial',
    criteria: ['CC6.1', 'CC6.8'],
    about: 'Every request of an agent that the enforcement API refused in the period, with its reasons.',
  },
  exceptions: {
    label: 'Policy exceptions',
    noun: 'exception',
    criteria: ['CC9.1'],
    about: 'Exceptions to policy requested in the period, with their justification, approver and expiry.',
  },
  userChanges: {
    label: 'User changes',
    noun: 'user change',
    criteria: ['CC6.2', 'CC6.3'],
    about: 'Accounts created, roles changed, accounts deactivated or reactivated and passwords reset in the period.',
  },
  alerts: {
    label: 'Alerts',
    noun: 'alert',
    // Registry syncs detect changed digests, permissions and failed verifications (CC7.1); the rest is monitoring.
    criteria: ['CC7.1', 'CC7.2', 'CC7.3'],
    about: 'Monitoring alerts raised in the period and what happened to them.',
  },
};

/** SOC 2 criteria an audit's scope may name (TSC 2017 ids ToolLedger evidences). */
export const AUDIT_CRITERIA = ['CC6.1', 'CC6.2', 'CC6.3', 'CC6.8', 'CC7.1', 'CC7.2', 'CC7.3', 'CC8.1', 'CC9.1'] as const;

export function isPopulation(value: string): value is Population {
  return (POPULATIONS as readonly string[]).includes(value);
}
