import type { Permission } from '@/lib/auth/permissions';

/** What each permission lets a person do, in words (the 403 page names the missing one). */
export const PERMISSION_LABELS: Record<Permission, string> = {
  'inventory:read': 'view the tool inventory',
  'inventory:update': 'edit tool ownership and data classification',
  'inventory:export': 'export the inventory',
  'registry:read': 'view registries and their syncs',
  'registry:manage': 'add and change registry connections',
  'registry:sync': 'start a registry sync',
  'policy:read': 'view policies and the compliance matrix',
  'policy:manage': 'change policies',
  'changeRequest:read': 'view change requests',
  'changeRequest:create': 'raise change requests',
  'changeRequest:review': 'review change requests',
  'changeRequest:deploy': 'deploy approved change requests',
  'changeRequest:comment': 'comment on change requests',
  'allowlist:read': 'view the allowlist and its exports',
  'allowlist:manage': 'change the allowlist',
  'allowlist:approve': 'approve allowlist entries',
  'exception:read': 'view policy exceptions',
  'exception:request': 'request policy exceptions',
  'exception:approve': 'approve policy exceptions',
  'alert:read': 'view alerts',
  'alert:manage': 'acknowledge and resolve alerts',
  'enforcement:read': 'view the enforcement log',
  'apiKey:read': 'view API keys',
  'apiKey:manage': 'create and revoke API keys',
  'user:read': 'view users',
  'user:manage': 'manage users and roles',
  'audit:read': 'view the audit trail',
  'audit:verify': 'verify the audit chain',
  'audit:checkpoint': 'record audit chain checkpoints',
  'evidence:read': 'view evidence packs',
  'evidence:build': 'build evidence packs',
  // Risk assessments (issue 12).
  'risk:read': 'view risk assessments',
  'risk:assess': 'assess tool risks',
  // Invocation events (issue 11)
  'invocation:read': 'view invocation events',
  'invocation:export': 'download invocation events',
  // Auditor portal (issue 14).
  'engagement:read': 'open audits',
  'engagement:manage': 'create audits and assign auditors',
  'engagement:request': 'draw samples and request evidence in an audit',
  'engagement:answer': 'answer auditors’ requests',
  // SIEM hand-off (issue 11.6) and event retention (11.3).
  'webhook:read': 'view webhook endpoints and their delivery log',
  'webhook:manage': 'add, test and disable webhook endpoints',
  'eventRetention:read': 'view event retention per environment',
  'eventRetention:manage': 'change event retention per environment',
  // Incident response (issue 14.6).
  'incident:read': 'view incidents and quarantines',
  'incident:respond': 'open and work incidents, quarantine tools',
  'incident:lift': 'lift a quarantine',
  // Data flow maps (issue 12.2).
  'dataFlow:read': 'view data flow maps and subprocessors',
  'dataFlow:map': 'derive and edit data flow maps',
  'dataFlow:confirm': 'confirm data flow maps',
};

export function permissionLabel(value: string | null | undefined): string | null {
  return value && Object.hasOwn(PERMISSION_LABELS, value) ? PERMISSION_LABELS[value as Permission] : null;
}
