import 'server-only';
import type { Environment, Prisma, Tool } from '@prisma/client';
import { detectStaleVerification, type DetectedAlert } from '@/lib/domain/sync-alerts';
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

export type ToolAlert = DetectedAlert & { toolId: string | null; toolVersionId?: string | null };
export interface Slot {
  tool: NormalizedTool;
  toolId: string;
  version: NormalizedVersion;
  stored: StoredVersion | null;
  id: string;
}
type VersionState = Pick<StoredVersion, 'tier' | 'trustScore' | 'verificationState' | 'lastVerifiedAt'>;

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
    const candidates = mine.filter((m) => declared.has(m.id));
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
    const differs =
      row.latestVersionId !== next.latestVersionId ||
      row.tier !== next.tier ||
      row.trustScore !== next.trustScore ||
      row.verificationState !== next.verificationState ||
      row.lastVerifiedAt?.getTime() !== next.lastVerifiedAt?.getTime() ||
      row.network !== p.network ||
      row.filesystem !== p.filesystem ||
      row.codeExecution !== p.codeExecution ||
      row.dataAccess !== p.dataAccess;
    if (differs) {
      updates.push({ id: row.id, ...next, latestVersionName: next.latestVersionName });
      changed.push({ toolId: row.id, before: row, after: next });
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
