import 'server-only';
import { Prisma, type CheckStatus, type ToolVersion, type VerificationState } from '@prisma/client';
import { canonicalJson } from '@/lib/domain/canonical-json';
import type { VersionFacts } from '@/lib/domain/sync-alerts';
import type { Tier } from '@/lib/domain/types';
import type { NormalizedVerification, NormalizedVersion, Provenance } from '@/lib/registries/types';

export type StoredVersion = Pick<
  ToolVersion,
  | 'id'
  | 'toolId'
  | 'version'
  | 'publishedAt'
  | 'artifactDigest'
  | 'toolDefsHash'
  | 'network'
  | 'filesystem'
  | 'codeExecution'
  | 'dataAccess'
  | 'declaredPermissions'
  | 'allowedDomains'
  | 'provenance'
  | 'quarantineStatus'
  | 'riskSignals'
  | 'yankedAt'
  | 'tier'
  | 'trustScore'
  | 'verificationState'
  | 'lastVerifiedAt'
>;

export const STORED_VERSION_SELECT = {
  id: true,
  toolId: true,
  version: true,
  publishedAt: true,
  artifactDigest: true,
  toolDefsHash: true,
  network: true,
  filesystem: true,
  codeExecution: true,
  dataAccess: true,
  declaredPermissions: true,
  allowedDomains: true,
  provenance: true,
  quarantineStatus: true,
  riskSignals: true,
  yankedAt: true,
  tier: true,
  trustScore: true,
  verificationState: true,
  lastVerifiedAt: true,
} as const satisfies Prisma.ToolVersionSelect;

const PrismaJsonNull = Prisma.DbNull;

/** JSON as the database hands it back (no undefined, dates as strings): compare like with like. */
export function asJson<T>(value: T): Prisma.InputJsonValue | typeof PrismaJsonNull {
  if (value === null || value === undefined) return PrismaJsonNull;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

export function factsOfStored(v: StoredVersion): VersionFacts {
  const p = v.provenance as Provenance | null;
  return {
    version: v.version,
    artifactDigest: v.artifactDigest,
    toolDefsHash: v.toolDefsHash,
    permissions: { network: v.network, filesystem: v.filesystem, codeExecution: v.codeExecution, dataAccess: v.dataAccess },
    provenance: p
      ? {
          signaturePresent: Boolean(p.signaturePresent),
          provenancePresent: Boolean(p.provenancePresent),
          signer: p.signer ?? null,
        }
      : null,
  };
}

export function factsOfNormalized(v: NormalizedVersion): VersionFacts {
  return {
    version: v.version,
    artifactDigest: v.artifactDigest ?? null,
    toolDefsHash: v.toolDefsHash ?? null,
    permissions: v.permissions,
    provenance: v.provenance
      ? {
          signaturePresent: v.provenance.signaturePresent,
          provenancePresent: v.provenance.provenancePresent,
          signer: v.provenance.signer ?? null,
        }
      : null,
  };
}

export function checkStatus(run: NormalizedVerification, name: string): CheckStatus {
  return run.checks.find((c) => c.name === name)?.status ?? 'SKIPPED';
}

export function verificationStateOf(tier: Tier): VerificationState {
  return tier === 'FAILED' ? 'FAILED' : 'PASSED';
}

export function newestRun(runs: readonly NormalizedVerification[]): NormalizedVerification | null {
  let best: NormalizedVerification | null = null;
  for (const r of runs) if (!best || r.verifiedAt.getTime() >= best.verifiedAt.getTime()) best = r;
  return best;
}

/** Fields of a stored version the registry may change in place (not the pinned digest/definitions). */
export function mutableVersionFields(v: NormalizedVersion) {
  return {
    network: v.permissions.network,
    filesystem: v.permissions.filesystem,
    codeExecution: v.permissions.codeExecution,
    dataAccess: v.permissions.dataAccess,
    declaredPermissions: asJson(v.declaredPermissions ?? null),
    allowedDomains: v.allowedDomains ?? [],
    provenance: asJson(v.provenance ?? null),
    quarantineStatus: v.quarantineStatus ?? null,
    riskSignals: asJson(v.riskSignals ?? []),
  };
}

export function sameMutableFields(stored: StoredVersion, next: ReturnType<typeof mutableVersionFields>): boolean {
  const j = (x: unknown) => canonicalJson(x === PrismaJsonNull ? null : x);
  return (
    stored.network === next.network &&
    stored.filesystem === next.filesystem &&
    stored.codeExecution === next.codeExecution &&
    stored.dataAccess === next.dataAccess &&
    stored.quarantineStatus === next.quarantineStatus &&
    stored.allowedDomains.join('\n') === next.allowedDomains.join('\n') &&
    j(stored.declaredPermissions) === j(next.declaredPermissions) &&
    j(stored.provenance) === j(next.provenance) &&
    j(stored.riskSignals) === j(next.riskSignals)
  );
}

/** Whether the stored version declares the same permission levels and allowed hosts (what a data flow map rests on). */
export function sameDeclaration(stored: StoredVersion, next: ReturnType<typeof mutableVersionFields>): boolean {
  return (
    stored.network === next.network &&
    stored.filesystem === next.filesystem &&
    stored.codeExecution === next.codeExecution &&
    stored.dataAccess === next.dataAccess &&
    stored.allowedDomains.join('\n') === next.allowedDomains.join('\n')
  );
}

/** A version agents may be given: neither yanked nor held back by the registry. */
export function usableVersion(v: NormalizedVersion): boolean {
  return !v.yanked && !['quarantined', 'rejected'].includes(v.quarantineStatus ?? '');
}

/** The version the tool is shown at: newest by publish date that is neither yanked nor quarantined. */
export function pickLatest<T extends { version: NormalizedVersion }>(versions: readonly T[]): T | null {
  const usable = versions.filter((v) => usableVersion(v.version));
  const pool = usable.length > 0 ? usable : versions;
  let best: T | null = null;
  for (const v of pool) {
    const t = v.version.publishedAt?.getTime() ?? 0;
    if (!best || t >= (best.version.publishedAt?.getTime() ?? 0)) best = v;
  }
  return best;
}
