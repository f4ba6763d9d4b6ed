import { LEVELS, type PermissionDimension } from '@/lib/domain/permissions';
import type { PermissionSet } from '@/lib/domain/types';
import { isInternalHost } from './agentnode-permissions';
import type { TMcpInput, TMcpPackage, TMcpServer } from './mcp-registry-schema';
import { readToolHive } from './mcp-toolhive';

/**
 * server.json declares no permissions, so the four levels are INFERRED from what it does declare
 * (shared/REGISTRIES.md §7). This is the ONE table; each rule adds a reason, and the highest level
 * per dimension wins:
 *
 * network
 *   any remotes[] entry                       → EXTERNAL (INTERNAL when every remote host is internal)
 *   otherwise                                 → NONE (nothing declared; a host-run package is
 *                                               already UNRESTRICTED below and reviewed anyway)
 * filesystem
 *   an argument or env var with format "filepath"            → READ
 *   an OCI runtime argument mounting a volume without ro      → WRITE
 * codeExecution
 *   package registryType npm|pypi|nuget|cargo|go|mcpb (run on the host by npx/uvx/dnx/…) → UNRESTRICTED
 *   an unknown registryType                                   → UNRESTRICTED (cannot prove less)
 *   package registryType oci (container)                      → SANDBOXED
 *   remote-only (no packages)                                 → NONE
 * ToolHive permission profile (publisher-provided _meta, what ToolHive enforces when it runs it)
 *   network.outbound.insecure_allow_all                       → network EXTERNAL
 *   network.outbound.allow_host                               → network INTERNAL when every host is
 *                                                               internal, else EXTERNAL; hosts kept
 *   write[] non-empty / read[] non-empty                      → filesystem WRITE / READ
 *   privileged: true                                          → codeExecution UNRESTRICTED
 * dataAccess
 *   an env var or remote header marked isSecret (or with a secret {variable}) → READ
 *                                                             (it holds a credential to someone's data)
 */

export const HOST_RUN_TYPES = ['npm', 'pypi', 'nuget', 'cargo', 'go', 'mcpb'] as const;

export interface InferredPermissions {
  permissions: PermissionSet;
  /** Why each dimension sits at its level, for the reviewer (kept in declaredPermissions). */
  reasons: Record<PermissionDimension, string[]>;
  /** Hosts of the declared remotes. */
  hosts: string[];
}

export function packageType(pkg: TMcpPackage): string {
  return (pkg.registryType ?? pkg.registry_type ?? 'unknown').toLowerCase();
}

export function packageInputs(pkg: TMcpPackage): { kind: 'env' | 'runtime' | 'package'; input: TMcpInput }[] {
  return [
    ...(pkg.environmentVariables ?? pkg.environment_variables ?? []).map((input) => ({ kind: 'env' as const, input })),
    ...(pkg.runtimeArguments ?? pkg.runtime_arguments ?? []).map((input) => ({ kind: 'runtime' as const, input })),
    ...(pkg.packageArguments ?? pkg.package_arguments ?? []).map((input) => ({ kind: 'package' as const, input })),
  ];
}

export function isSecret(input: TMcpInput): boolean {
  const variables = Object.values(input.variables ?? {});
  return (
    input.isSecret === true || input.is_secret === true || variables.some((v) => v.isSecret === true || v.is_secret === true)
  );
}

export function hostOf(url: string): string | null {
  try {
    // Remote URLs may carry {template} variables; they stand for a tenant, not the host itself.
    return new URL(url.replace(/\{[^}]*\}/g, 'x')).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/** A Docker `-v src:dst[:ro]` or `--mount type=bind,…[,readonly]` argument that can write. */
function isWritableMount(input: TMcpInput): boolean {
  const name = (input.name ?? '').toLowerCase();
  const value = (input.value ?? input.valueHint ?? '').toLowerCase();
  if (name === '--mount') return !/(^|,)(readonly|ro)(=true|=1)?(,|$)/.test(value);
  if (name === '-v' || name === '--volume') return !/:ro(,|$)/.test(value);
  return false;
}

export function inferMcpPermissions(server: TMcpServer): InferredPermissions {
  const levels: PermissionSet = { network: 'NONE', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'NONE' };
  const reasons: Record<PermissionDimension, string[]> = { network: [], filesystem: [], codeExecution: [], dataAccess: [] };
  const raise = <D extends PermissionDimension>(dim: D, level: PermissionSet[D], reason: string) => {
    const order = LEVELS[dim] as readonly string[];
    if (order.indexOf(level) > order.indexOf(levels[dim])) levels[dim] = level;
    reasons[dim].push(reason);
  };

  const remotes = server.remotes ?? [];
  const hosts = [...new Set(remotes.map((r) => hostOf(r.url)).filter((h): h is string => h !== null))];
  for (const remote of remotes) {
    const host = hostOf(remote.url);
    const internal = host !== null && isInternalHost(host);
    raise(
      'network',
      internal ? 'INTERNAL' : 'EXTERNAL',
      `remote ${remote.type ?? remote.transport_type ?? 'endpoint'} ${remote.url}`,
    );
    for (const header of remote.headers ?? []) {
      if (isSecret(header)) raise('dataAccess', 'READ', `secret header ${header.name ?? '(unnamed)'} on ${remote.url}`);
    }
  }

  const packages = server.packages ?? [];
  for (const pkg of packages) {
    const type = packageType(pkg);
    const id = pkg.identifier ?? pkg.name ?? '(unnamed)';
    if (type === 'oci') raise('codeExecution', 'SANDBOXED', `OCI image ${id} runs in a container`);
    else if ((HOST_RUN_TYPES as readonly string[]).includes(type)) {
      const hint = pkg.runtimeHint ?? pkg.runtime_hint;
      raise('codeExecution', 'UNRESTRICTED', `${type} package ${id} runs on the host${hint ? ` via ${hint}` : ''}`);
    } else raise('codeExecution', 'UNRESTRICTED', `package ${id} of unknown type "${type}" (assumed to run on the host)`);

    for (const { kind, input } of packageInputs(pkg)) {
      const label = input.name ?? input.valueHint ?? kind;
      if (input.format === 'filepath') raise('filesystem', 'READ', `${kind} argument ${label} takes a file path`);
      if (type === 'oci' && kind === 'runtime' && isWritableMount(input))
        raise('filesystem', 'WRITE', `OCI mount ${input.value ?? label} is not read-only`);
      if (kind === 'env' && isSecret(input)) raise('dataAccess', 'READ', `secret environment variable ${label}`);
    }
  }
  for (const th of readToolHive(server)) {
    const profile = th.permissions;
    if (!profile) continue;
    const where = `ToolHive profile of ${th.key}`;
    const outbound = profile.network?.outbound;
    const allowed = (outbound?.allow_host ?? []).map((h) => h.replace(/^\./, '').toLowerCase());
    if (outbound?.insecure_allow_all) raise('network', 'EXTERNAL', `${where}: any outbound host`);
    for (const host of allowed) {
      if (!hosts.includes(host)) hosts.push(host);
      raise('network', isInternalHost(host) ? 'INTERNAL' : 'EXTERNAL', `${where}: may reach ${host}`);
    }
    if (profile.write?.length) raise('filesystem', 'WRITE', `${where}: writes ${profile.write.join(', ')}`);
    if (profile.read?.length) raise('filesystem', 'READ', `${where}: reads ${profile.read.join(', ')}`);
    if (profile.privileged) raise('codeExecution', 'UNRESTRICTED', `${where}: privileged container`);
  }
  if (packages.length === 0 && remotes.length > 0) reasons.codeExecution.push('remote-only: nothing runs locally');
  return { permissions: levels, reasons, hosts };
}
