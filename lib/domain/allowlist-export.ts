import type { Environment, PermissionSet } from './types';

/** One approved (or active) tool version in one environment, as the exports need it. */
export interface ApprovedToolVersion {
  /** Registry identifier (MCP reverse-DNS name, AgentNode slug, npm package). */
  externalId: string;
  name: string;
  version: string;
  artifactDigest: string | null;
  permissions: PermissionSet;
  allowedDomains: string[];
  /** Remote endpoints (streamable-http / sse) when the registry lists them. */
  remoteUrls: string[];
}

/**
 * Claude Code matches `serverName` against the names in its MCP configuration, which allow
 * letters, digits, `_` and `-` only. We normalise the registry identifier the same way and
 * document that agents must register the server under that name.
 */
export function claudeServerName(externalId: string): string {
  return (
    externalId
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unnamed'
  );
}

/** `https://host/path` → `https://host/*`: Claude Code matches server URLs with wildcards. */
export function serverUrlPattern(url: string): string | null {
  try {
    const u = new URL(url.replace(/\{[^}]*\}/g, 'x'));
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    const host = /\{[^}]*\}/.test(url) ? `*.${u.host.split('.').slice(1).join('.')}` : u.host;
    return `${u.protocol}//${host}/*`;
  } catch {
    return null;
  }
}

export interface ClaudeManagedSettings {
  allowManagedMcpServersOnly: true;
  allowedMcpServers: ({ serverName: string } | { serverUrl: string })[];
}

/**
 * Claude Code managed settings (managed-settings.json): only servers listed here may be used.
 * Names and URLs are de-duplicated and sorted so the file diffs cleanly between exports.
 */
export function toClaudeManagedSettings(tools: readonly ApprovedToolVersion[]): ClaudeManagedSettings {
  const names = new Set<string>();
  const urls = new Set<string>();
  for (const t of tools) {
    names.add(claudeServerName(t.externalId));
    for (const r of t.remoteUrls) {
      const p = serverUrlPattern(r);
      if (p) urls.add(p);
    }
  }
  return {
    allowManagedMcpServersOnly: true,
    allowedMcpServers: [...[...names].sort().map((serverName) => ({ serverName })), ...[...urls].sort().map((serverUrl) => ({ serverUrl }))],
  };
}

export interface ToolHiveProfile {
  name: string;
  privileged: false;
  read: string[];
  write: string[];
  network: { outbound: { insecure_allow_all: boolean; allow_host: string[]; allow_port: number[] } };
}

export interface ToolHiveProfileEntry {
  serverName: string;
  version: string;
  artifactDigest: string | null;
  profile: ToolHiveProfile;
  /** What the profile cannot express on its own; a human completes it before use. */
  notes: string[];
}

/**
 * ToolHive permission profile from our approved levels. Network: none → nothing; internal or
 * external with declared domains → exactly those hosts on 443; external without a domain list
 * → allow-all (the approval covered that), flagged in the notes. Mount paths are never declared
 * by registries, so read/write stay empty and the notes say which level was approved.
 */
export function toToolHiveProfile(t: ApprovedToolVersion): ToolHiveProfileEntry {
  const notes: string[] = [];
  const hosts = [...new Set(t.allowedDomains.map((d) => d.trim().toLowerCase()).filter(Boolean))].sort();
  let outbound: ToolHiveProfile['network']['outbound'] = { insecure_allow_all: false, allow_host: [], allow_port: [] };
  if (t.permissions.network !== 'NONE') {
    if (hosts.length > 0) outbound = { insecure_allow_all: false, allow_host: hosts, allow_port: [443] };
    else if (t.permissions.network === 'EXTERNAL') {
      outbound = { insecure_allow_all: true, allow_host: [], allow_port: [] };
      notes.push('Approved for external network without a declared domain list: outbound traffic is not restricted.');
    } else notes.push('Approved for internal network but no hosts are declared: add your internal hosts to allow_host.');
  }
  if (t.permissions.filesystem !== 'NONE') {
    notes.push(`Approved filesystem access: ${t.permissions.filesystem === 'WRITE' ? 'write' : 'read-only'}; add the mount paths to ${t.permissions.filesystem === 'WRITE' ? 'write' : 'read'}.`);
  }
  if (t.permissions.codeExecution === 'UNRESTRICTED') notes.push('Approved for unrestricted code execution; the container still runs unprivileged.');
  const serverName = claudeServerName(t.externalId);
  return {
    serverName,
    version: t.version,
    artifactDigest: t.artifactDigest,
    profile: { name: serverName, privileged: false, read: [], write: [], network: { outbound } },
    notes,
  };
}

export interface ToolHiveExport {
  environment: Environment;
  generatedAt: string;
  profiles: ToolHiveProfileEntry[];
}

export function toToolHiveExport(environment: Environment, tools: readonly ApprovedToolVersion[], generatedAt: Date): ToolHiveExport {
  const profiles = tools.map(toToolHiveProfile).sort((a, b) => a.serverName.localeCompare(b.serverName) || a.version.localeCompare(b.version));
  return { environment, generatedAt: generatedAt.toISOString(), profiles };
}
