import { declaredPackages, declaredRemotes, declaredSource } from './declared';
import { urlTemplateToPattern } from './claude-url';
import { serverNameOf } from './names';
import type { ExportableVersion, LeftOutServer } from './types';

export type ClaudeServerEntry = { serverName: string } | { serverUrl: string } | { serverCommand: string[] };

/**
 * Claude Code managed settings (managed-settings.json), the "approved catalog" pattern of
 * code.claude.com/docs/en/managed-mcp: only servers matching `allowedMcpServers` may run, and
 * `deniedMcpServers` wins over it.
 *
 * No `serverName` entry is written: the name is a label the user picks (`claude mcp add NAME …`),
 * so the documentation itself warns that a name-only allowlist is not a security control. Each
 * server is pinned by what it runs: `serverCommand` (exact command and arguments, the version
 * pinned) for stdio packages, `serverUrl` for remotes. With no `serverName` entry at all, a remote
 * server must match a `serverUrl` pattern and a stdio server a `serverCommand` exactly; a server
 * that is neither is refused (Claude Code counts a name match only when the allowlist has no
 * entry of that server's kind — and ours has no names).
 */
export interface ClaudeManagedSettings {
  allowManagedMcpServersOnly: true;
  allowedMcpServers: ClaudeServerEntry[];
  deniedMcpServers: ClaudeServerEntry[];
}

/** The command Claude Code would run for a stdio package, pinned to the approved version. */
export function packageCommand(registryType: string | null, identifier: string, version: string | null): string[] | null {
  if (!version || /\s/.test(identifier) || /\s/.test(version)) return null;
  switch ((registryType ?? '').toLowerCase()) {
    case 'npm':
      return ['npx', '-y', `${identifier}@${version}`];
    case 'pypi':
      return ['uvx', `${identifier}==${version}`];
    case 'oci': {
      // An OCI identifier may already carry its tag or digest; otherwise the version is the tag.
      const tagged = /[:@][^/]*$/.test(identifier) ? identifier : `${identifier}:${version}`;
      return ['docker', 'run', '-i', '--rm', tagged];
    }
    default:
      return null;
  }
}

export interface ClaudeVersionEntries {
  serverName: string;
  version: string;
  commands: string[][];
  urls: { allow: string; deny: string[] }[];
  leftOut: LeftOutServer[];
}

export function claudeEntriesFor(v: ExportableVersion): ClaudeVersionEntries {
  const serverName = serverNameOf(v.externalId);
  const out: ClaudeVersionEntries = { serverName, version: v.version, commands: [], urls: [], leftOut: [] };
  const leave = (reason: string) => out.leftOut.push({ serverName, version: v.version, reason });
  for (const r of declaredRemotes(v.declared)) {
    const p = urlTemplateToPattern(r.url);
    if (p.ok) out.urls.push(p.pattern);
    else leave(`remote ${r.url}: ${p.reason}`);
  }
  const packages = declaredPackages(v.declared).filter((p) => !p.transport || p.transport === 'stdio');
  if (declaredSource(v.declared) === 'npm')
    packages.push({ registryType: 'npm', identifier: v.externalId, version: v.version, transport: 'stdio' });
  for (const p of packages) {
    const cmd = packageCommand(p.registryType, p.identifier, p.version);
    if (cmd) out.commands.push(cmd);
    else
      leave(
        `package ${p.identifier}: ${p.version ? `no known command for a ${p.registryType ?? 'untyped'} package` : 'no version is pinned'}`,
      );
  }
  if (out.commands.length + out.urls.length === 0 && out.leftOut.length === 0) {
    leave('no package command or remote URL is known, and a server name alone is not a security control in Claude Code');
  }
  return out;
}

export function toClaudeManagedSettings(versions: readonly ExportableVersion[]): {
  settings: ClaudeManagedSettings;
  leftOut: LeftOutServer[];
} {
  const commands = new Map<string, string[]>();
  const urls = new Set<string>();
  const denied = new Set<string>();
  const leftOut: LeftOutServer[] = [];
  for (const v of versions) {
    const e = claudeEntriesFor(v);
    for (const c of e.commands) commands.set(JSON.stringify(c), c);
    for (const u of e.urls) {
      urls.add(u.allow);
      for (const d of u.deny) denied.add(d);
    }
    leftOut.push(...e.leftOut);
  }
  const sorted = <T>(xs: Iterable<T>, key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    settings: {
      allowManagedMcpServersOnly: true,
      allowedMcpServers: [
        ...sorted(commands.values(), (c) => c.join(' ')).map((serverCommand) => ({ serverCommand })),
        ...sorted(urls, (u) => u).map((serverUrl) => ({ serverUrl })),
      ],
      deniedMcpServers: sorted(denied, (u) => u).map((serverUrl) => ({ serverUrl })),
    },
    leftOut: leftOut.sort((a, b) => a.serverName.localeCompare(b.serverName) || a.version.localeCompare(b.version)),
  };
}
