import type { Permission } from '@/lib/auth/permissions';

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

/** The dashboard's sections; each page still checks its permission on the server. */
export const NAV_ITEMS: NavItem[] = [
  { href: '/', label: 'Overview', permission: 'inventory:read' },
  { href: '/inventory', label: 'Inventory', permission: 'inventory:read' },
  { href: '/changes', label: 'Change requests', permission: 'changeRequest:read' },
  { href: '/compliance', label: 'Compliance matrix', permission: 'policy:read' },
  { href: '/policies', label: 'Policies', permission: 'policy:read' },
  { href: '/enforcement', label: 'Enforcement log', permission: 'enforcement:read' },
  { href: '/monitoring', label: 'Alerts', permission: 'alert:read' },
  { href: '/registries', label: 'Registries', permission: 'registry:read' },
  { href: '/audit', label: 'Audit trail', permission: 'audit:read' },
  { href: '/settings/users', label: 'Users', permission: 'user:read' },
  { href: '/settings/account', label: 'Account', permission: 'user:read' },
  { href: '/settings/api-keys', label: 'API keys', permission: 'apiKey:read' },
];
