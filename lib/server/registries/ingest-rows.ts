import 'server-only';
import { createHash } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import type { NormalizedTool, NormalizedVersion } from '@/lib/registries/types';
import { newestRun, pickLatest, verificationStateOf } from './ingest-helpers';
import { newId, type ToolLatestRow, type ToolRow, type VersionRow } from './bulk-sql';
import type { Slot } from './ingest-tool-state';

/** The rows a sync page writes, built from what the connector normalized. */
export function dedupeTools(tools: readonly NormalizedTool[]): NormalizedTool[] {
  return [...new Map(tools.map((t) => [t.externalId, t])).values()];
}

/** Oldest first, one entry per version string. */
export function dedupeVersions(versions: readonly NormalizedVersion[]): NormalizedVersion[] {
  const unique = [...new Map(versions.map((v) => [v.version, v])).values()];
  return unique.sort((a, b) => (a.publishedAt?.getTime() ?? 0) - (b.publishedAt?.getTime() ?? 0));
}

export function toolData(t: NormalizedTool, registryId: string, publisherId: string, now: Date) {
  return {
    registryId,
    publisherId,
    externalId: t.externalId,
    name: t.name,
    description: t.description ?? '',
    kind: t.kind,
    repositoryUrl: t.repositoryUrl ?? null,
    registryStatus: t.registryStatus ?? null,
    deprecatedAt: t.deprecated ? now : null,
  };
}

/**
 * A JSON column's value for the bulk rows (bulk-sql.ts). No copy: every such row is serialized
 * once by JSON.stringify on its way to the database, which drops undefined and writes dates as
 * text just as a parse(stringify()) copy did; the copy cost ~25 ms of CPU per page (issue 9.3).
 */
export function plainJson(value: unknown): Prisma.InputJsonValue | null {
  return value === undefined || value === null ? null : (value as Prisma.InputJsonValue);
}

export function versionData(toolId: string, v: NormalizedVersion, now: Date): VersionRow {
  const run = newestRun(v.verifications);
  return {
    id: newId(),
    toolId,
    version: v.version,
    publishedAt: v.publishedAt ?? null,
    artifactDigest: v.artifactDigest ?? null,
    toolDefsHash: v.toolDefsHash ?? null,
    toolDefinitions: plainJson(v.toolDefinitions),
    network: v.permissions.network,
    filesystem: v.permissions.filesystem,
    codeExecution: v.permissions.codeExecution,
    dataAccess: v.permissions.dataAccess,
    declaredPermissions: plainJson(v.declaredPermissions),
    allowedDomains: v.allowedDomains ?? [],
    provenance: plainJson(v.provenance),
    quarantineStatus: v.quarantineStatus ?? null,
    yankedAt: v.yanked ? now : null,
    riskSignals: plainJson(v.riskSignals ?? []),
    tier: run?.tier ?? 'UNVERIFIED',
    trustScore: run?.trustScore ?? null,
    verificationState: run ? verificationStateOf(run.tier) : 'UNVERIFIED',
    lastVerifiedAt: run?.verifiedAt ?? null,
  };
}

/**
 * Bump when ingestSyncPage stores the same normalized tool differently (a new column, a new
 * rule): every tool's stored hash then differs once, and the next sync stores each again.
 */
export const INGEST_REVISION = 1;

/**
 * SHA-256 of what a tool is stored from: the normalized tool (its validators aside: a registry
 * may re-tag the same content) and the ingest revision. Plain JSON.stringify is stable here, as
 * a connector builds the same object in the same key order from the same answers.
 */
export function syncHashOf(t: NormalizedTool): string {
  const { sourceValidators: _v, ...content } = t;
  return createHash('sha256').update(`${INGEST_REVISION}\u0000`).update(JSON.stringify(content)).digest('hex');
}

/**
 * The rows of a page's new tools, each with its latest version's fields (as that version's row
 * has them), so the tool is written once; `written` receives those fields by tool id.
 */
export function newToolRows(
  toCreate: readonly NormalizedTool[],
  ids: ReadonlyMap<string, string>,
  slots: readonly Slot[],
  newVersionById: ReadonlyMap<string, VersionRow>,
  written: Map<string, ToolLatestRow>,
  base: (t: NormalizedTool) => Omit<ToolRow, 'id' | 'latest'>,
): ToolRow[] {
  return toCreate.map((t) => {
    const id = ids.get(t.externalId)!;
    const latest = pickLatest(slots.filter((s) => s.toolId === id));
    const v = latest ? newVersionById.get(latest.id)! : null;
    const fields = v && {
      latestVersionId: v.id,
      latestVersionName: v.version,
      tier: v.tier,
      trustScore: v.trustScore,
      verificationState: v.verificationState,
      lastVerifiedAt: v.lastVerifiedAt,
      network: v.network,
      filesystem: v.filesystem,
      codeExecution: v.codeExecution,
      dataAccess: v.dataAccess,
    };
    if (fields) written.set(id, { id, ...fields });
    return { id, ...base(t), latest: fields };
  });
}
