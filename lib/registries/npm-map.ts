import { deriveTier } from '@/lib/domain/tiers';
import { normalizeRepoUrl, parseDate, sha256Canonical } from './connector-support';
import { hasProvenance, installScriptsOf, isDeprecated, npmPermissions, npmRiskSignals, provenanceOf } from './npm-risk';
import { parseVersion, repositoryUrlOf, timeOf, type TNpmPackument, type TNpmVersion } from './npm-schema';
import type { NormalizedCheck, NormalizedPublisher, NormalizedTool, NormalizedVersion } from './types';

export interface NpmMapOptions {
  /** Newest versions mapped per package (by publish time). */
  maxVersions: number;
  /**
   * The publisher is VERIFIED when each of its newest `provenanceWindow` versions carries an npm
   * provenance attestation: the build is then tied by Sigstore to a public CI workflow in the
   * declared repository, which is an identity npm itself vouches for. Otherwise UNVERIFIED.
   */
  provenanceWindow: number;
  now: Date;
  /** npmjs.com profile links only make sense for the public registry. */
  publicRegistry: boolean;
}

export class NpmMappingError extends Error {}

/** Versions newest first by publish time (npm's `time` map); versions without a time go last. */
export function versionsNewestFirst(p: TNpmPackument): string[] {
  const t = (v: string) => parseDate(timeOf(p, v))?.getTime() ?? -1;
  return Object.keys(p.versions ?? {}).sort((a, b) => t(b) - t(a));
}

export function publisherOf(p: TNpmPackument, newest: TNpmVersion[], options: NpmMapOptions): NormalizedPublisher {
  const scope = p.name.startsWith('@') ? p.name.split('/')[0]! : null;
  const maintainer = p.maintainers?.[0]?.name ?? newest[0]?._npmUser?.name ?? newest[0]?.maintainers?.[0]?.name ?? 'unknown';
  const window = newest.slice(0, options.provenanceWindow);
  const verified = window.length > 0 && window.every(hasProvenance);
  const site = options.publicRegistry
    ? scope
      ? `https://www.npmjs.com/org/${scope.slice(1)}`
      : `https://www.npmjs.com/~${maintainer}`
    : null;
  return {
    externalId: scope ?? `~${maintainer}`,
    name: scope ?? maintainer,
    trustLevel: verified ? 'VERIFIED' : 'UNVERIFIED',
    identityVerifiedAt: verified && newest[0]?.version ? parseDate(timeOf(p, newest[0].version)) : null,
    websiteUrl: site,
  };
}

export function npmChecks(v: TNpmVersion, previous: TNpmVersion | null): NormalizedCheck[] {
  const notRun = 'npm does not run this check.';
  const provenance: NormalizedCheck = hasProvenance(v)
    ? {
        name: 'provenance',
        status: 'PASS',
        sourceStatus: v.dist?.attestations?.provenance?.predicateType ?? undefined,
        detail: 'Published with an npm provenance attestation (present; the Sigstore bundle is not re-verified here).',
      }
    : hasProvenance(previous)
      ? {
          name: 'provenance',
          status: 'FAIL',
          detail: `The previous version ${previous?.version} had a provenance attestation; this one has none.`,
        }
      : { name: 'provenance', status: 'SKIPPED', detail: 'Published without provenance.' };
  return [
    { name: 'installation', status: 'SKIPPED', detail: notRun },
    { name: 'import', status: 'SKIPPED', detail: notRun },
    { name: 'sandbox', status: 'SKIPPED', detail: notRun },
    {
      name: 'permissions',
      status: 'SKIPPED',
      detail: 'npm metadata declares no permissions; levels are inferred from install scripts and executables.',
    },
    provenance,
  ];
}

/**
 * Old packuments carry only `shasum` (hex SHA-1). npm's own fallback is the SRI form of it:
 * `sha1-` + base64 of the digest bytes (what `ssri.fromHex(shasum, 'sha1')` gives).
 */
export function sriFromShasum(shasum: string | null | undefined): string | null {
  if (!shasum || !/^[0-9a-f]{40}$/i.test(shasum)) return null;
  return `sha1-${Buffer.from(shasum, 'hex').toString('base64')}`;
}

function mapVersion(
  p: TNpmPackument,
  v: TNpmVersion,
  previous: TNpmVersion | null,
  isLatest: boolean,
  options: NpmMapOptions,
): NormalizedVersion {
  const publishedAt = parseDate(timeOf(p, v.version));
  const { permissions, reasons } = npmPermissions(v);
  const checks = npmChecks(v, previous);
  const integrity = v.dist?.integrity ?? sriFromShasum(v.dist?.shasum);
  const rawPayload = { name: p.name, version: v.version, time: timeOf(p, v.version), manifest: v };
  return {
    version: v.version,
    publishedAt,
    artifactDigest: integrity,
    toolDefinitions: null,
    toolDefsHash: null,
    permissions,
    declaredPermissions: {
      source: 'npm',
      basis: 'inferred',
      reasons: { codeExecution: reasons },
      installScripts: Object.fromEntries(installScriptsOf(v).map((s) => [s, s === 'hasInstallScript' ? true : v.scripts?.[s]])),
      bin: v.bin ?? null,
      mcpName: v.mcpName ?? null,
    },
    allowedDomains: [],
    provenance: provenanceOf(v),
    quarantineStatus: null,
    yanked: false,
    riskSignals: npmRiskSignals({
      manifest: v,
      previous,
      publishedAt,
      isLatest,
      packageRepository: repositoryUrlOf(p.repository),
      packageMaintainers: p.maintainers ?? [],
      now: options.now,
    }),
    verifications: [
      {
        verifiedAt: publishedAt ?? options.now,
        checks,
        trustScore: null,
        tier: deriveTier({ score: null, anyCheckFailed: checks.some((c) => c.status === 'FAIL') }),
        registryTier: null,
        rawPayload,
        payloadSha256: sha256Canonical(rawPayload),
      },
    ],
  };
}

/** One packument → one tool; throws NpmMappingError naming the malformed version. */
export function mapPackage(p: TNpmPackument, options: NpmMapOptions): NormalizedTool {
  const order = versionsNewestFirst(p);
  // One more than we map, so the oldest mapped version still has a predecessor to compare with.
  const manifests = order.slice(0, options.maxVersions + 1).map((ver) => {
    const parsed = parseVersion(p, ver);
    if (!parsed.ok) throw new NpmMappingError(`npm package ${p.name}: ${parsed.message}`);
    return parsed.manifest;
  });
  const latestTag = p['dist-tags']?.latest;
  const latest = manifests.find((m) => m.version === latestTag) ?? manifests[0] ?? null;
  const versions = manifests
    .slice(0, options.maxVersions)
    .map((m, i) => mapVersion(p, m, manifests[i + 1] ?? null, m === latest, options));
  const unpublished = manifests.length === 0 && p.time?.unpublished !== undefined;
  const deprecated = latest ? isDeprecated(latest) : false;
  return {
    externalId: p.name,
    name: p.name,
    description: p.description ?? latest?.description ?? undefined,
    kind: latest?.mcpName ? 'MCP_SERVER' : 'TOOL_PACKAGE',
    repositoryUrl: normalizeRepoUrl(repositoryUrlOf(p.repository) ?? repositoryUrlOf(latest?.repository)),
    registryStatus: unpublished ? 'unpublished' : deprecated ? 'deprecated' : 'active',
    deprecated,
    publisher: publisherOf(p, manifests, options),
    versions,
    // npm drops unpublished versions from `versions`: when we map them all, a stored one missing here is gone.
    versionListComplete: order.length <= options.maxVersions,
  };
}
