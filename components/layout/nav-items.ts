import type { Permission } from '@/lib/auth/permissions';
import type { Role } from '@prisma/client';

export type NavGroup = 'Govern' | 'Monitor' | 'Evidence' | 'Settings';

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
  /** Sidebar heading it sits under; the overview has none (it is the home page). */
  group?: NavGroup;
  /** Roles refused the page although they hold the permission (a 403 link is not offered). */
  hiddenFor?: Role[];
  /** Shows the open-alert count beside the label. */
  count?: 'openAlerts';
}

export const NAV_GROUPS: NavGroup[] = ['Govern', 'Monitor', 'Evidence', 'Settings'];

/**
 * The dashboard's sections, grouped as a compliance officer works: govern what may run,
 * monitor what does, show the evidence, administer. The sidebar lists only what the role may
 * open; each page still checks its permission on the server.
 */
export const NAV_ITEMS: NavItem[] = [
  { href: '/', label: 'Overview', permission: 'inventory:read' },
  { href: '/inventory', label: 'Inventory', permission: 'inventory:read', group: 'Govern' },
  { href: '/changes', label: 'Change requests', permission: 'changeRequest:read', group: 'Govern' },
  { href: '/policies', label: 'Policies', permission: 'policy:read', group: 'Govern' },
  { href: '/compliance', label: 'Compliance matrix', permission: 'policy:read', group: 'Govern' },
  // Risk assessments (issue 12).
  { href: '/risks', label: 'Risk register', permission: 'risk:read', group: 'Govern' },
  // Policy exception workflow (issue 12.3)
  { href: '/exceptions', label: 'Exceptions', permission: 'exception:read', group: 'Govern' },
  // Data flow maps and subprocessors (issue 12.2).
  { href: '/data-flows', label: 'Data flows', permission: 'dataFlow:read', group: 'Govern' },
  { href: '/subprocessors', label: 'Subprocessors', permission: 'dataFlow:read', group: 'Govern' },
  { href: '/monitoring', label: 'Alerts', permission: 'alert:read', group: 'Monitor', count: 'openAlerts' },
  { href: '/enforcement', label: 'Enforcement log', permission: 'enforcement:read', group: 'Monitor' },
  // Invocation events (issue 11)
  { href: '/invocations', label: 'Invocations', permission: 'invocation:read', group: 'Monitor' },
  // Unused declared permissions of granted versions, paged (issue 9's list bound).
  { href: '/monitoring/least-privilege', label: 'Least privilege', permission: 'invocation:read', group: 'Monitor' },
  // Incident response and quarantine (issue 14.6)
  { href: '/incidents', label: 'Incidents', permission: 'incident:read', group: 'Monitor' },
  { href: '/registries', label: 'Registries', permission: 'registry:read', group: 'Monitor' },
  { href: '/audit', label: 'Audit trail', permission: 'audit:read', group: 'Evidence' },
  // Auditor portal (issue 14): the auditor's home.
  { href: '/audits', label: 'Audits', permission: 'engagement:read', group: 'Evidence' },
  // Evidence packs and controls (issue 13).
  { href: '/controls', label: 'Controls', permission: 'evidence:read', group: 'Evidence' },
  // Compliance report and governance policy document (issue 13 points 4-5).
  { href: '/reports/compliance', label: 'Compliance report', permission: 'evidence:read', group: 'Evidence' },
  // Refused to auditors (ADR 0010): their copy is the one in their audit's evidence pack.
  {
    href: '/reports/governance-policy',
    label: 'Governance policy',
    permission: 'evidence:read',
    group: 'Evidence',
    hiddenFor: ['AUDITOR'],
  },
  { href: '/evidence', label: 'Evidence packs', permission: 'evidence:read', group: 'Evidence' },
  { href: '/settings/users', label: 'Users', permission: 'user:read', group: 'Settings' },
  { href: '/settings/api-keys', label: 'API keys', permission: 'apiKey:read', group: 'Settings' },
  // SIEM hand-off (issue 11.6) and event retention per environment (11.3).
  { href: '/settings/webhooks', label: 'Webhooks', permission: 'webhook:read', group: 'Settings' },
  { href: '/settings/event-retention', label: 'Event retention', permission: 'eventRetention:read', group: 'Settings' },
  { href: '/settings/account', label: 'Account', permission: 'user:read', group: 'Settings' },
];
