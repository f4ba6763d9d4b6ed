import 'server-only';
import type { Environment, Prisma, Tool } from '@prisma/client';
import { detectRegistryDeletion, detectStaleVerification, type DetectedAlert } from '@/lib/domain/sync-alerts';
import type { NormalizedTool, NormalizedVersion } from '@/lib/registries/types';
import {
  unsafeReopenExceptionsOnToolChange,
  type ToolStateChange,
} from '@/lib/server/exceptions/reopen-exceptions-on-tool-change';
import {
  declarationOf,
  unsafeReopenDataFlowMaps,
  type MapReviewTrigger,
} from '@/lib/server/data-flows/reopen-maps-on-version-change';
import { updateToolsLatest, type ToolLatestRow } from './bulk-sql';
import { pickLatest, type StoredVersion } from './ingest-helpers';
import type { IngestContext } from './ingest-sync-page';
import type { toolData } from './ingest-rows';

export type ToolAlert = DetectedAlert & { toolId: string | null; toolVersionId?: string | null };
export interface Slot {
  tool: NormalizedTool;
  toolId: string;
  version: NormalizedVersion;
  stored: StoredVersion | null;
  id: string;
}
type VersionState = Pick<StoredVersion, 'tier' | 'trustScore' | 'verificationState' | 'lastVerifiedAt'>;

/** Writes the changed metadata of a page's known tools (name, description, status…) and notes it. */
export async function updateKnownTools(
  tx: Prisma.TransactionClient,
  tools: readonly NormalizedTool[],
  toolRow: ReadonlyMap<string, Tool>,
  dataOf: (t: NormalizedTool) => ReturnType<typeof toolData>,
  alerts: ToolAlert[],
  note: (toolId: string, key: string, value: unknown) => void,
): Promise<void> {
  for (const t of tools) {
    const row = toolRow.get(t.externalId);
    if (!row) continue;
    const data = dataOf(t);
    const deletion = detectRegistryDeletion({
      subject: row.id,
      toolName: t.name,
      before: row.registryStatus,
      after: t.registryStatus ?? null,
    });
    if (deletion) alerts.push({ ...deletion, toolId: row.id });
    const changed = (['name', 'description', 'kind', 'publisherId', 'repositoryUrl', 'registryStatus'] as const).filter(
      (k) => row[k] !== data[k],
    );
    if (Boolean(row.deprecatedAt) !== Boolean(data.deprecatedAt)) changed.push('deprecatedAt' as never);
    if (changed.length > 0) {
      await tx.tool.update({
        where: { id: row.id },
        data: {
          name: data.name,
          description: data.description,
          kind: data.kind,
          publisherId: data.publisherId,
          repositoryUrl: data.repositoryUrl,
          registryStatus: data.registryStatus,
          deprecatedAt: data.deprecatedAt,
        },
      });
      for (const k of changed) note(row.id, k, data[k as keyof typeof data]);
    }
  }
}

/**
 * After a page's versions are stored: marks versions the registry stopped listing, refreshes
 * each tool's denormalized latest-version fields (only when they changed) and checks the
 * freshness rule of every environment the tool is installed in.
 */
export async function updateToolsAndYanks(
  tx: Prisma.TransactionClient,
  tools: NormalizedTool[],
  toolRow: Map<string, Tool>,
  slots: Slot[],
  storedRows: readonly StoredVersion[],
  versionState: Map<string, VersionState>,
  envs: Map<string, Set<Environment>>,
  ctx: IngestContext,
  alerts: ToolAlert[],
  note: (toolId: string, key: string, value: unknown) => void,
  /** Versions of this page that are new or declare other permissions or hosts than before. */
  declared: ReadonlySet<string>,
  /** Latest-version fields already written with tools created on this page (insertTools). */
  written: ReadonlyMap<string, ToolLatestRow> = new Map(),
) {
  const yanked: string[] = [];
  const updates: ToolLatestRow[] = [];
  const changed: ToolStateChange[] = [];
  const reviews: MapReviewTrigger[] = [];
  for (const t of tools) {
    const row = toolRow.get(t.externalId)!;
    const mine = slots.filter((s) => s.toolId === row.id);
    if (t.versionListComplete) {
      const listed = new Set(mine.map((s) => s.version.version));
      const gone = storedRows.filter((v) => v.toolId === row.id && !v.yankedAt && !listed.has(v.version));
      for (const g of gone) {
        yanked.push(g.id);
        note(row.id, `version ${g.version}`, 'withdrawn from registry (yanked or quarantined)');
      }
    }
    const latest = pickLatest(mine);
    if (!latest) continue;
    // A tool created on this page (written) has no data flow map yet: nothing a version can outgrow.
    const candidates = written.has(row.id) ? [] : mine.filter((m) => declared.has(m.id));
    if (candidates.length > 0) {
      reviews.push({
        toolId: row.id,
        candidates: candidates.map((m) => ({
          versionId: m.id,
          version: m.version.version,
          permissions: m.version.permissions,
          allowedDomains: m.version.allowedDomains ?? [],
        })),
        latestVersionId: latest.id,
        fallbackBasisVersionId: row.latestVersionId,
        // Read before this page changed anything: a version re-declared in place is compared with what it said.
        priorDeclarations: new Map(storedRows.filter((v) => v.toolId === row.id).map((v) => [v.id, declarationOf(v)] as const)),
      });
    }
    const s = versionState.get(latest.id)!;
    const p = latest.version.permissions;
    const next = {
      latestVersionId: latest.id,
      latestVersionName: latest.version.version,
      tier: s.tier,
      trustScore: s.trustScore,
      verificationState: s.verificationState,
      lastVerifiedAt: s.lastVerifiedAt,
      ...p,
    };
    if (!sameLatest(row, next)) {
      const row2: ToolLatestRow = { id: row.id, ...next, latestVersionName: next.latestVersionName };
      const already = written.get(row.id);
      // A tool created on this page was written with these fields and has no exceptions yet.
      if (!already || !sameLatest(already, row2)) {
        updates.push(row2);
        changed.push({ toolId: row.id, before: row, after: next });
      }
      if (row.latestVersionId !== next.latestVersionId) note(row.id, 'latestVersion', next.latestVersionName);
      if (row.tier !== next.tier) note(row.id, 'tier', next.tier);
    }
    const installedIn = [...(envs.get(row.id) ?? [])];
    const limits = installedIn.map((e) => ctx.maxAgeDays[e]).filter((d): d is number => d !== null);
    const stale = detectStaleVerification({
      subject: row.id,
      toolName: t.name,
      version: latest.version.version,
      lastVerifiedAt: s.lastVerifiedAt,
      maxAgeDays: limits.length > 0 ? Math.min(...limits) : null,
      now: ctx.now,
    });
    if (stale) alerts.push({ ...stale, toolId: row.id, toolVersionId: latest.id });
  }
  await updateToolsLatest(tx, updates);
  // Approved exceptions of a tool that changed materially go back to review (issue 12.3).
  await unsafeReopenExceptionsOnToolChange(tx, changed, ctx.now);
  // Data flow maps a new or re-declared version outgrows are redrafted for review (issue 12.2).
  await unsafeReopenDataFlowMaps(tx, reviews, ctx.now);
  if (yanked.length > 0) await tx.toolVersion.updateMany({ where: { id: { in: yanked } }, data: { yankedAt: ctx.now } });
}

/** The denormalized latest-version fields a tool row carries (the version's name follows its id). */
type LatestFields = Omit<ToolLatestRow, 'id' | 'latestVersionId' | 'latestVersionName'> & { latestVersionId: string | null };

/** Whether two sets of a tool's latest-version fields are the same: nothing to write. */
function sameLatest(a: LatestFields, b: LatestFields): boolean {
  return (
    a.latestVersionId === b.latestVersionId &&
    a.tier === b.tier &&
    a.trustScore === b.trustScore &&
    a.verificationState === b.verificationState &&
    a.lastVerifiedAt?.getTime() === b.lastVerifiedAt?.getTime() &&
    a.network === b.network &&
    a.filesystem === b.filesystem &&
    a.codeExecution === b.codeExecution &&
    a.dataAccess === b.dataAccess
  );
}
