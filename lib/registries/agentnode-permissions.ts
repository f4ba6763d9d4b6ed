import type { CodeExecutionLevel, DataAccessLevel, FilesystemLevel, PermissionSet } from '@/lib/domain/types';

/**
 * AgentNode's permission vocabulary mapped onto our four dimensions: the ONE table a reviewer
 * reads to see why a version sits at a level. Each mapping keeps AgentNode's own order, so an
 * escalation there is an escalation here (never the other way round).
 *
 * network
 *   none          → NONE
 *   restricted    → INTERNAL when every allowed domain is internal (RFC 1918 / loopback address,
 *                   or a name ending in .internal, .local, .lan, .corp, .svc, .cluster.local,
 *                   or localhost); EXTERNAL otherwise — including an empty list, because
 *                   AgentNode then only says "some hosts" and we cannot prove they are ours.
 *   unrestricted  → EXTERNAL
 * filesystem
 *   none            → NONE
 *   temp            → READ   a private scratch directory: it writes, but never to the user's files,
 *                            so it is not "write" for the manual-review rule; above none because it
 *                            still touches disk.
 *   workspace_read  → READ
 *   workspace_write → WRITE
 *   any             → WRITE
 * code execution
 *   none               → NONE
 *   limited_subprocess → SANDBOXED   allow-listed subprocesses only
 *   shell              → UNRESTRICTED
 * data access
 *   input_only         → NONE        sees only what the agent passes in
 *   connected_accounts → READ        reads through the user's connected accounts (OAuth)
 *   persistent         → READ_WRITE  keeps and changes data beyond the call
 *
 * The original words, allowed domains, approval level and integrations are kept beside the
 * mapped levels (ToolVersion.declaredPermissions) so reviewers see both.
 */

export const AGENTNODE_NETWORK = ['none', 'restricted', 'unrestricted'] as const;
export const AGENTNODE_FILESYSTEM = ['none', 'temp', 'workspace_read', 'workspace_write', 'any'] as const;
export const AGENTNODE_CODE_EXECUTION = ['none', 'limited_subprocess', 'shell'] as const;
export const AGENTNODE_DATA_ACCESS = ['input_only', 'connected_accounts', 'persistent'] as const;
export const AGENTNODE_USER_APPROVAL = ['always', 'high_risk_only', 'once', 'never'] as const;

export type AgentNodeNetwork = (typeof AGENTNODE_NETWORK)[number];
export type AgentNodeFilesystem = (typeof AGENTNODE_FILESYSTEM)[number];
export type AgentNodeCodeExecution = (typeof AGENTNODE_CODE_EXECUTION)[number];
export type AgentNodeDataAccess = (typeof AGENTNODE_DATA_ACCESS)[number];

export const FILESYSTEM_MAP: Record<AgentNodeFilesystem, FilesystemLevel> = {
  none: 'NONE',
  temp: 'READ',
  workspace_read: 'READ',
  workspace_write: 'WRITE',
  any: 'WRITE',
};

export const CODE_EXECUTION_MAP: Record<AgentNodeCodeExecution, CodeExecutionLevel> = {
  none: 'NONE',
  limited_subprocess: 'SANDBOXED',
  shell: 'UNRESTRICTED',
};

export const DATA_ACCESS_MAP: Record<AgentNodeDataAccess, DataAccessLevel> = {
  input_only: 'NONE',
  connected_accounts: 'READ',
  persistent: 'READ_WRITE',
};

const INTERNAL_SUFFIXES = ['.internal', '.local', '.lan', '.corp', '.svc', '.cluster.local', '.home.arpa'];

/** True for hosts that cannot be on the public internet (private address or internal-only name). */
export function isInternalHost(domain: string): boolean {
  const host = domain.trim().toLowerCase().replace(/^\*\./, '').replace(/:\d+$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (INTERNAL_SUFFIXES.some((s) => host.endsWith(s))) return true;
  const ip = host.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (!ip) return false;
  const [a, b] = [Number(ip[1]), Number(ip[2])];
  return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

export function mapNetwork(level: AgentNodeNetwork, allowedDomains: readonly string[]): PermissionSet['network'] {
  if (level === 'none') return 'NONE';
  if (level === 'unrestricted') return 'EXTERNAL';
  return allowedDomains.length > 0 && allowedDomains.every(isInternalHost) ? 'INTERNAL' : 'EXTERNAL';
}

export interface AgentNodePermissions {
  network_level: AgentNodeNetwork;
  allowed_domains?: string[];
  filesystem_level: AgentNodeFilesystem;
  code_execution_level: AgentNodeCodeExecution;
  data_access_level: AgentNodeDataAccess;
}

export function mapAgentNodePermissions(p: AgentNodePermissions): PermissionSet {
  return {
    network: mapNetwork(p.network_level, p.allowed_domains ?? []),
    filesystem: FILESYSTEM_MAP[p.filesystem_level],
    codeExecution: CODE_EXECUTION_MAP[p.code_execution_level],
    dataAccess: DATA_ACCESS_MAP[p.data_access_level],
  };
}
