import type { NetworkLevel } from '../types';
import { declaredRemotes, declaredToolHiveProfiles, type DeclaredToolHiveProfile } from './declared';
import { isInternalHost, parseHostPattern, type HostPattern } from './host-patterns';
import { fileStem, serverNameOf } from './names';
import type { TExportedToolHiveProfile } from './toolhive-profile-schema';
import type { ExportableVersion, LeftOutServer } from './types';

export type Outbound = TExportedToolHiveProfile['network']['outbound'];

export interface ToolHiveProfileFile {
  serverName: string;
  version: string;
  artifactDigest: string | null;
  fileName: string;
  /** The bare profile `thv run --permission-profile FILE` loads. */
  profile: TExportedToolHiveProfile;
  /** What the profile cannot say on its own (shown on the page and in the archive's README). */
  notes: string[];
}

export type ToolHiveResult = { ok: true; file: ToolHiveProfileFile } | { ok: false; leftOut: LeftOutServer };

const RANK: Record<NetworkLevel, number> = { NONE: 0, INTERNAL: 1, EXTERNAL: 2 };
export const DENY_ALL: Outbound = { insecure_allow_all: false, allow_host: [], allow_port: [] };

type Network = { outbound: Outbound; notes: string[] } | { reason: string };

function hostsOrReason(raw: readonly string[]): HostPattern[] | string {
  const parsed: HostPattern[] = [];
  for (const h of raw) {
    const p = parseHostPattern(h);
    if (!p) return `host "${h}" is not a host pattern ToolHive can match as approved`;
    if (!parsed.some((x) => x.pattern === p.pattern)) parsed.push(p);
  }
  return parsed.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

function levelOf(hosts: readonly HostPattern[]): NetworkLevel {
  if (hosts.length === 0) return 'NONE';
  return hosts.every((h) => isInternalHost(h.base)) ? 'INTERNAL' : 'EXTERNAL';
}

/** The registry's own ToolHive profile, kept as published when the approval covers it. */
function fromDeclaredProfile(p: DeclaredToolHiveProfile, approved: NetworkLevel): Network {
  const out = p.outbound;
  if (!out)
    return { outbound: DENY_ALL, notes: ['The published ToolHive profile has no network section: exported as deny-all.'] };
  if (out.insecureAllowAll) {
    return approved === 'EXTERNAL'
      ? {
          outbound: { insecure_allow_all: true, allow_host: [], allow_port: [] },
          notes: ['The published profile allows all outbound traffic, as approved.'],
        }
      : { reason: 'the published ToolHive profile allows all outbound traffic, wider than the approved network level' };
  }
  const hosts = hostsOrReason(out.allowHost);
  if (typeof hosts === 'string') return { reason: hosts };
  if (hosts.length === 0 && out.allowPort.length > 0)
    return { reason: 'the published ToolHive profile allows ports without hosts, which opens them to every host' };
  if (RANK[levelOf(hosts)] > RANK[approved])
    return {
      reason: `the published ToolHive profile reaches ${levelOf(hosts).toLowerCase()} hosts, wider than the approved ${approved.toLowerCase()} network`,
    };
  return {
    outbound: {
      insecure_allow_all: false,
      allow_host: hosts.map((h) => h.pattern),
      allow_port: [...new Set(out.allowPort)].sort((a, b) => a - b),
    },
    notes: [],
  };
}

/** Ports each host was declared with (remote URLs); null when the source named no port for it. */
function portsByHost(v: ExportableVersion): Map<string, Set<number>> {
  const map = new Map<string, Set<number>>();
  for (const r of declaredRemotes(v.declared)) {
    try {
      const u = new URL(r.url.replace(/\{[^}]*\}/g, 'x'));
      const port = u.port ? Number(u.port) : u.protocol === 'http:' ? 80 : 443;
      const set = map.get(u.hostname.toLowerCase()) ?? new Set<number>();
      map.set(u.hostname.toLowerCase(), set.add(port));
    } catch {
      // A URL that does not parse declares no port; the host list decides alone.
    }
  }
  return map;
}

function fromApprovedHosts(v: ExportableVersion, approved: NetworkLevel): Network {
  const hosts = hostsOrReason(v.allowedDomains);
  if (typeof hosts === 'string') return { reason: hosts };
  if (hosts.length === 0) {
    if (approved === 'EXTERNAL')
      return {
        outbound: { insecure_allow_all: true, allow_host: [], allow_port: [] },
        notes: ['Approved for external network without a host list: outbound traffic is not restricted.'],
      };
    return { reason: 'approved for internal network but no internal hosts are declared' };
  }
  if (RANK[levelOf(hosts)] > RANK[approved])
    return {
      reason: `declared hosts are ${levelOf(hosts).toLowerCase()}, wider than the approved ${approved.toLowerCase()} network`,
    };
  const byHost = portsByHost(v);
  const portSets = hosts.map((h) => [...(byHost.get(h.base) ?? [])].sort((a, b) => a - b).join(','));
  // A profile pairs every host with every port: keep ports only when all hosts agree on them.
  if (new Set(portSets).size > 1)
    return { reason: 'its hosts were declared with different ports, and a ToolHive profile pairs every host with every port' };
  const ports = portSets[0] ? portSets[0].split(',').map(Number) : [];
  return { outbound: { insecure_allow_all: false, allow_host: hosts.map((h) => h.pattern), allow_port: ports }, notes: [] };
}

function networkFor(v: ExportableVersion): Network {
  const approved = v.permissions.network;
  if (approved === 'NONE') return { outbound: DENY_ALL, notes: [] };
  const declared = declaredToolHiveProfiles(v.declared);
  const distinct = new Set(declared.map((p) => JSON.stringify(p.outbound)));
  if (distinct.size > 1) return { reason: 'the registry publishes several ToolHive profiles with different network rules' };
  return declared[0] ? fromDeclaredProfile(declared[0], approved) : fromApprovedHosts(v, approved);
}

/**
 * One bare ToolHive profile (permissions.Profile) for one allowed version, or the reason it cannot
 * be expressed without widening the approval. Never privileged; mounts only as the registry
 * declared them and only within the approved filesystem level.
 */
export function toToolHiveProfile(v: ExportableVersion): ToolHiveResult {
  const serverName = serverNameOf(v.externalId);
  const network = networkFor(v);
  if ('reason' in network) return { ok: false, leftOut: { serverName, version: v.version, reason: network.reason } };
  const notes = [...network.notes];
  const declared = declaredToolHiveProfiles(v.declared)[0];
  const fs = v.permissions.filesystem;
  const read = fs === 'NONE' ? [] : (declared?.read ?? []);
  const write = fs === 'WRITE' ? (declared?.write ?? []) : [];
  if (fs !== 'NONE' && read.length + write.length === 0)
    notes.push(
      `Approved filesystem access: ${fs === 'WRITE' ? 'write' : 'read-only'}; no mount is declared, add the paths to ${fs === 'WRITE' ? 'write' : 'read'}.`,
    );
  if (declared?.write.length && fs !== 'WRITE')
    notes.push('The published write mounts are left out: write access was not approved.');
  if (declared?.privileged) notes.push('The published profile asks for privileged mode; exported unprivileged.');
  const profile: TExportedToolHiveProfile = {
    name: serverName,
    read,
    write,
    privileged: false,
    network: { outbound: network.outbound },
  };
  return {
    ok: true,
    file: {
      serverName,
      version: v.version,
      artifactDigest: v.artifactDigest,
      fileName: `${fileStem(serverName, v.version)}.json`,
      profile,
      notes,
    },
  };
}

export function toToolHiveProfiles(versions: readonly ExportableVersion[]): {
  files: ToolHiveProfileFile[];
  leftOut: LeftOutServer[];
} {
  const files: ToolHiveProfileFile[] = [];
  const leftOut: LeftOutServer[] = [];
  for (const v of versions) {
    const r = toToolHiveProfile(v);
    if (r.ok) files.push(r.file);
    else leftOut.push(r.leftOut);
  }
  files.sort((a, b) => a.fileName.localeCompare(b.fileName));
  leftOut.sort((a, b) => a.serverName.localeCompare(b.serverName) || a.version.localeCompare(b.version));
  return { files, leftOut };
}
