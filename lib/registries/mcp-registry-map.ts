import { deriveTier } from '@/lib/domain/tiers';
import { hashToolDefinitions, normalizeRepoUrl, parseDate, sha256Canonical, type ToolDefinition } from './connector-support';
import { hostOf, inferMcpPermissions, packageType } from './mcp-permissions';
import {
  MCP_STATUSES,
  officialMeta,
  PUBLISHER_META_KEY,
  type McpStatus,
  type TMcpServer,
  type TMcpServerResponse,
} from './mcp-registry-schema';
import { isInternalHost } from './agentnode-permissions';
import { readToolHive } from './mcp-toolhive';
import type { NormalizedCheck, NormalizedPublisher, NormalizedTool, NormalizedVersion, Provenance, RiskSignal } from './types';

export interface McpMapOptions {
  /**
   * True for the official registry: it accepts a publish only after proving the namespace
   * (GitHub OAuth/OIDC for io.github.*, DNS/HTTP challenge for domains), so the namespace is a
   * VERIFIED publisher identity. False for mirrors that serve the same API without that proof.
   */
  namespaceAuthenticated: boolean;
  now: Date;
}

export type StatusReading = { status: McpStatus | 'unknown' | null; raw: string | null; message: string | null };

/** Unknown status words do not fail the run: they become "unknown" plus a risk signal (the registry may add words). */
export function readStatus(entry: TMcpServerResponse): StatusReading {
  const meta = officialMeta(entry);
  const raw = meta.status ?? null;
  const message = meta.statusMessage || null;
  if (raw === null) return { status: null, raw, message };
  const known = (MCP_STATUSES as readonly string[]).includes(raw.toLowerCase());
  return { status: known ? (raw.toLowerCase() as McpStatus) : 'unknown', raw, message };
}

export function namespaceOf(name: string): string {
  const slash = name.indexOf('/');
  return slash > 0 ? name.slice(0, slash) : name;
}

export function publisherOf(
  entry: TMcpServerResponse,
  options: McpMapOptions,
  firstPublishedAt: Date | null,
): NormalizedPublisher {
  const namespace = namespaceOf(entry.server.name);
  const github = namespace.match(/^io\.github\.([\w-]+)$/);
  return {
    externalId: namespace,
    name: namespace,
    trustLevel: options.namespaceAuthenticated ? 'VERIFIED' : 'UNVERIFIED',
    identityVerifiedAt: options.namespaceAuthenticated ? firstPublishedAt : null,
    websiteUrl: github ? `https://github.com/${github[1]}` : null,
  };
}

/**
 * The registry carries no tool list; a publisher (ToolHive style) may put `tool_definitions`
 * ([{name, description, inputSchema}]) and/or `tools` (names) somewhere under publisher-provided
 * _meta. ToolHive's `tool_definitions` may cover fewer tools than `tools`: every named tool is
 * kept, and those without a definition are marked `definitionMissing`.
 */
export function extractToolDefinitions(server: TMcpServer): ToolDefinition[] | null {
  const root = server._meta?.[PUBLISHER_META_KEY];
  const found: ToolDefinition[] = [];
  const visit = (node: unknown, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 4 || found.length > 0) return;
    const obj = node as Record<string, unknown>;
    const defs = obj.tool_definitions ?? obj.toolDefinitions;
    if (Array.isArray(defs)) {
      for (const d of defs) {
        const def = d as Record<string, unknown> | null;
        if (def && typeof def.name === 'string') {
          found.push({
            name: def.name,
            description: typeof def.description === 'string' ? def.description : null,
            inputSchema: def.inputSchema ?? def.input_schema ?? null,
          });
        }
      }
    }
    const names = Array.isArray(obj.tools) ? obj.tools.filter((t): t is string => typeof t === 'string') : [];
    const defined = new Set(found.map((d) => d.name));
    for (const name of new Set(names)) {
      if (!defined.has(name)) found.push({ name, description: null, inputSchema: null, definitionMissing: true });
    }
    if (found.length > 0) return;
    for (const value of Object.values(obj)) visit(value, depth + 1);
  };
  visit(root, 0);
  return found.length > 0 ? found : null;
}

/** fileSha256 (MCPB and others) or the digest pinned in an OCI identifier. */
export function artifactDigestOf(server: TMcpServer): string | null {
  for (const pkg of server.packages ?? []) {
    const sha = pkg.fileSha256 ?? pkg.file_sha256;
    if (sha && /^[0-9a-f]{64}$/i.test(sha)) return `sha256:${sha.toLowerCase()}`;
    const oci = packageType(pkg) === 'oci' ? (pkg.identifier ?? '').match(/@(sha256:[0-9a-f]{64})$/i) : null;
    if (oci?.[1]) return oci[1].toLowerCase();
  }
  return null;
}

export function riskSignalsOf(entry: TMcpServerResponse, older: TMcpServerResponse | null): RiskSignal[] {
  const signals: RiskSignal[] = [];
  const { status, raw, message } = readStatus(entry);
  if (status === 'deleted') {
    signals.push({
      key: 'registry-deleted',
      label: 'Removed by registry moderation',
      severity: 'critical',
      detail: message ?? 'The MCP registry marks deleted entries as malware or spam.',
    });
  } else if (status === 'deprecated') {
    signals.push({
      key: 'registry-deprecated',
      label: 'Deprecated in the MCP registry',
      severity: 'medium',
      detail: message ?? undefined,
    });
  } else if (status === 'unknown') {
    signals.push({
      key: 'registry-status-unknown',
      label: `Unknown registry status "${raw}"`,
      severity: 'medium',
      detail: 'The registry reported a status ToolLedger does not know; review the entry.',
    });
  }
  const server = entry.server;
  if (!server.repository?.url) signals.push({ key: 'no-repository', label: 'No source repository declared', severity: 'low' });
  for (const remote of server.remotes ?? []) {
    const host = hostOf(remote.url);
    if (remote.url.startsWith('http://') && host && !isInternalHost(host)) {
      signals.push({ key: 'remote-plain-http', label: 'Remote endpoint over plain HTTP', severity: 'high', detail: remote.url });
    }
  }
  const repoId = server.repository?.id ?? null;
  const olderRepoId = older?.server.repository?.id ?? null;
  if (repoId && olderRepoId && repoId !== olderRepoId) {
    signals.push({
      key: 'repository-changed',
      label: 'Source repository identity changed',
      severity: 'high',
      detail: `repository.id ${olderRepoId} (version ${older?.server.version}) → ${repoId}: the repository may have been deleted and re-created by someone else.`,
    });
  }
  return signals;
}

export function checksOf(entry: TMcpServerResponse, options: McpMapOptions): NormalizedCheck[] {
  const notRun = 'The MCP registry does not run this check.';
  const { status, raw, message } = readStatus(entry);
  const statusCheck: NormalizedCheck =
    status === 'deleted'
      ? {
          name: 'registry-status',
          status: 'FAIL',
          sourceStatus: raw ?? undefined,
          detail: `Removed by registry moderation${message ? `: ${message}` : ''}`,
        }
      : status === null || status === 'unknown'
        ? {
            name: 'registry-status',
            status: 'SKIPPED',
            sourceStatus: raw ?? undefined,
            detail: raw ? `Unknown status "${raw}"` : 'No status reported',
          }
        : { name: 'registry-status', status: 'PASS', sourceStatus: raw ?? undefined, detail: message ?? `Status ${status}` };
  return [
    { name: 'installation', status: 'SKIPPED', detail: notRun },
    { name: 'import', status: 'SKIPPED', detail: notRun },
    { name: 'sandbox', status: 'SKIPPED', detail: notRun },
    {
      name: 'permissions',
      status: 'SKIPPED',
      detail: 'server.json declares no permissions; levels are inferred from packages and remotes.',
    },
    options.namespaceAuthenticated
      ? {
          name: 'namespace-ownership',
          status: 'PASS',
          detail: `The registry proved control of namespace ${namespaceOf(entry.server.name)} before accepting the publish.`,
        }
      : { name: 'namespace-ownership', status: 'SKIPPED', detail: 'This registry does not prove namespace ownership.' },
    {
      name: 'package-ownership',
      status: 'SKIPPED',
      detail: 'The registry checks the package ownership marker at publish time but does not report the result.',
    },
    statusCheck,
  ];
}

/**
 * ToolHive's publisher-provided provenance names the identity a Sigstore signature should carry
 * (workflow, certificate issuer, repository): what to check a signature against, not proof that
 * the image is signed. So it never sets "signature present"; the signer is that expected identity.
 */
export function provenanceOf(server: TMcpServer): Provenance | null {
  const p = readToolHive(server).find((t) => t.provenance)?.provenance;
  if (!p) return null;
  return {
    signaturePresent: false,
    signatureVerified: null,
    provenancePresent: true,
    provenanceVerified: null,
    signer: [p.cert_issuer, p.signer_identity].filter(Boolean).join(' ') || null,
    sourceRepo: p.repository_uri ?? null,
  };
}

export function mapVersion(
  entry: TMcpServerResponse,
  older: TMcpServerResponse | null,
  options: McpMapOptions,
): NormalizedVersion {
  const server = entry.server;
  const meta = officialMeta(entry);
  const inferred = inferMcpPermissions(server);
  const defs = extractToolDefinitions(server);
  const hashed = defs ? hashToolDefinitions(defs) : null;
  const checks = checksOf(entry, options);
  const publishedAt = parseDate(meta.publishedAt ?? meta.published_at);
  const verifiedAt =
    parseDate(meta.statusChangedAt) ?? parseDate(meta.updatedAt ?? meta.updated_at) ?? publishedAt ?? options.now;
  const { status } = readStatus(entry);
  return {
    version: server.version,
    publishedAt,
    artifactDigest: artifactDigestOf(server),
    toolDefinitions: hashed?.definitions ?? null,
    toolDefsHash: hashed?.hash ?? null,
    permissions: inferred.permissions,
    declaredPermissions: {
      source: 'mcp-registry',
      basis: 'inferred',
      reasons: inferred.reasons,
      packages: (server.packages ?? []).map((p) => ({
        registryType: packageType(p),
        identifier: p.identifier ?? p.name ?? null,
        version: p.version ?? null,
        runtimeHint: p.runtimeHint ?? p.runtime_hint ?? null,
        transport: p.transport?.type ?? null,
      })),
      remotes: (server.remotes ?? []).map((r) => ({ type: r.type ?? r.transport_type ?? null, url: r.url })),
      toolhive: readToolHive(server).map((t) => ({ artifact: t.key, tier: t.tier, permissions: t.permissions })),
    },
    allowedDomains: inferred.hosts,
    provenance: provenanceOf(server),
    quarantineStatus: status === 'deleted' ? 'removed-by-registry' : null,
    yanked: status === 'deleted',
    riskSignals: riskSignalsOf(entry, older),
    verifications: [
      {
        verifiedAt,
        checks,
        trustScore: null,
        tier: deriveTier({ score: null, anyCheckFailed: checks.some((c) => c.status === 'FAIL') }),
        // The registry has no tier; a ToolHive registry says Official/Community, kept as it says.
        registryTier: readToolHive(server).find((t) => t.tier)?.tier ?? null,
        rawPayload: entry,
        payloadSha256: sha256Canonical(entry),
      },
    ],
  };
}

function isLatest(entry: TMcpServerResponse): boolean {
  const meta = officialMeta(entry);
  return (meta.isLatest ?? meta.is_latest) === true;
}

/** One server's versions (any order, duplicates allowed) → one NormalizedTool, newest version first. */
export function mapServer(entries: TMcpServerResponse[], options: McpMapOptions): NormalizedTool {
  const byVersion = new Map<string, TMcpServerResponse>();
  for (const e of entries) if (!byVersion.has(e.server.version)) byVersion.set(e.server.version, e);
  const time = (e: TMcpServerResponse) => parseDate(officialMeta(e).publishedAt ?? officialMeta(e).published_at)?.getTime() ?? 0;
  // Stable sort keeps the registry's newest-first order where publish times are missing or equal.
  const ordered = [...byVersion.values()].sort((a, b) => time(b) - time(a));
  const latest = ordered.find(isLatest) ?? ordered[0];
  if (!latest) throw new Error('mapServer needs at least one server entry');
  const versions = ordered.map((e, i) => mapVersion(e, ordered[i + 1] ?? null, options));
  const published = versions.map((v) => v.publishedAt).filter((d): d is Date => d instanceof Date);
  const first = published.length > 0 ? new Date(Math.min(...published.map((d) => d.getTime()))) : null;
  const { status } = readStatus(latest);
  return {
    externalId: latest.server.name,
    // The reverse-DNS name is what agents and allowlists use; the title is only a display label.
    name: latest.server.name,
    description: latest.server.description ?? undefined,
    kind: 'MCP_SERVER',
    repositoryUrl: normalizeRepoUrl(latest.server.repository?.url),
    registryStatus: status,
    deprecated: status === 'deprecated',
    publisher: publisherOf(latest, options, first),
    versions,
  };
}
