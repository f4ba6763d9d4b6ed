// Reads the registry's own declarations (ToolVersion.declaredPermissions) that the exports need.
// The JSON comes from several connectors and from older syncs, so every field is read
// defensively: anything malformed is simply absent, never a crash.

export interface DeclaredRemote {
  type: string | null;
  url: string;
}

export interface DeclaredPackage {
  registryType: string | null;
  identifier: string;
  version: string | null;
  transport: string | null;
}

/** A ToolHive permission profile as the registry published it (original host forms and ports). */
export interface DeclaredToolHiveProfile {
  artifact: string | null;
  read: string[];
  write: string[];
  privileged: boolean;
  outbound: { insecureAllowAll: boolean; allowHost: string[]; allowPort: number[] } | null;
}

const obj = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const strings = (v: unknown): string[] => arr(v).flatMap((x) => (typeof x === 'string' && x.trim() ? [x.trim()] : []));

export function declaredSource(declared: unknown): string | null {
  return str(obj(declared)?.source);
}

export function declaredRemotes(declared: unknown): DeclaredRemote[] {
  return arr(obj(declared)?.remotes).flatMap((r) => {
    const url = str(obj(r)?.url);
    return url ? [{ type: str(obj(r)?.type), url }] : [];
  });
}

export function declaredPackages(declared: unknown): DeclaredPackage[] {
  return arr(obj(declared)?.packages).flatMap((p) => {
    const o = obj(p);
    const identifier = str(o?.identifier);
    return identifier
      ? [{ registryType: str(o?.registryType), identifier, version: str(o?.version), transport: str(o?.transport) }]
      : [];
  });
}

export function declaredToolHiveProfiles(declared: unknown): DeclaredToolHiveProfile[] {
  return arr(obj(declared)?.toolhive).flatMap((t) => {
    const profile = obj(obj(t)?.permissions);
    if (!profile) return [];
    const out = obj(obj(profile.network)?.outbound);
    const ports = arr(out?.allow_port).filter((p): p is number => Number.isInteger(p));
    return [
      {
        artifact: str(obj(t)?.artifact),
        read: strings(profile.read),
        write: strings(profile.write),
        privileged: profile.privileged === true,
        outbound: out
          ? { insecureAllowAll: out.insecure_allow_all === true, allowHost: strings(out.allow_host), allowPort: ports }
          : null,
      },
    ];
  });
}
