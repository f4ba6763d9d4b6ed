import type { Role } from '@prisma/client';

/**
 * The one permission catalogue: server checks and UI gating both read it.
 * Deny by default: a role has exactly what is listed here.
 */
export const PERMISSIONS = {
  inventory: ['read', 'update', 'export'],
  registry: ['read', 'manage', 'sync'],
  policy: ['read', 'manage'],
  changeRequest: ['read', 'create', 'review', 'deploy', 'comment'],
  /** Pre-approved tools per environment (fast-track) and the client allowlist exports; approve = the second person. */
  allowlist: ['read', 'manage', 'approve'],
  exception: ['read', 'request', 'approve'],
  alert: ['read', 'manage'],
  enforcement: ['read'],
  apiKey: ['read', 'manage'],
  user: ['read', 'manage'],
  audit: ['read', 'verify', 'checkpoint'],
  evidence: ['read', 'build'],
  // Risk assessments (issue 12): read the register, (re)assess a tool.
  risk: ['read', 'assess'],
  /** Invocation events agents report (issue 11): the explorer and its downloads. */
  invocation: ['read', 'export'],
  /** Auditor portal (issue 14): audit engagements; request = an auditor's own requests, samples and comments. */
  engagement: ['read', 'manage', 'request', 'answer'],
  /** Alert webhooks to a SIEM (issue 11.6): endpoints and their delivery log; manage = admins only. */
  webhook: ['read', 'manage'],
  /** Invocation event retention per environment (issue 11.3); manage = admins only. */
  eventRetention: ['read', 'manage'],
  /** Incident response (issue 14.6): respond = open and work incidents, quarantine; lift = end a quarantine. */
  incident: ['read', 'respond', 'lift'],
  /** Data flow maps and subprocessors (issue 12.2): map = derive and edit a map, confirm = vouch for it. */
  dataFlow: ['read', 'map', 'confirm'],
} as const;

export type Resource = keyof typeof PERMISSIONS;
export type Permission = { [R in Resource]: `${R}:${(typeof PERMISSIONS)[R][number]}` }[Resource];

const ALL = (Object.keys(PERMISSIONS) as Resource[]).flatMap((r) => PERMISSIONS[r].map((a) => `${r}:${a}` as Permission));
const READS = ALL.filter((p) => p.endsWith(':read'));

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: ALL,
  COMPLIANCE_OFFICER: [
    ...READS,
    'inventory:update',
    'inventory:export',
    'changeRequest:create',
    'changeRequest:review',
    'changeRequest:comment',
    'changeRequest:deploy',
    'allowlist:manage',
    'exception:request',
    'alert:manage',
    'audit:verify',
    'evidence:build',
    // Risk assessments (issue 12).
    'risk:assess',
    'invocation:export',
    // Auditor portal (issue 14).
    'engagement:manage',
    'engagement:answer',
    // Data flow maps (issue 12.2).
    'dataFlow:map',
    'dataFlow:confirm',
  ],
  SECURITY_REVIEWER: [
    ...READS,
    'inventory:export',
    'changeRequest:review',
    'changeRequest:comment',
    'changeRequest:deploy',
    'allowlist:approve',
    'exception:approve',
    'alert:manage',
    'audit:verify',
    'invocation:export',
    // Incident response (issue 14.6).
    'incident:respond',
    'incident:lift',
    // Data flow maps (issue 12.2): a security reviewer confirms a derived map, does not draw one.
    'dataFlow:confirm',
  ],
  // Auditors read and download; recomputing the audit chain changes nothing. Their own samples,
  // requests and comments (engagement:request) are the one thing they write (ADR 0010); API keys
  // are closed to them.
  AUDITOR: [
    ...READS.filter((p) => p !== 'apiKey:read'),
    'inventory:export',
    'audit:verify',
    'invocation:export',
    'engagement:request',
  ],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Admin',
  COMPLIANCE_OFFICER: 'Compliance officer',
  SECURITY_REVIEWER: 'Security reviewer',
  AUDITOR: 'Auditor',
};

/** The roles the catalogue gives a permission, in a stable order (who may be assigned work, for instance). */
export function rolesThatCan(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => can(role, permission));
}
