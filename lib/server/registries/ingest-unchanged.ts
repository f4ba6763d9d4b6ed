import 'server-only';
import type { Prisma, Tool } from '@prisma/client';
import { canonicalJson } from '@/lib/domain/canonical-json';
import { detectStaleVerification } from '@/lib/domain/sync-alerts';
import type { NormalizedTool } from '@/lib/registries/types';
import { asJson } from './ingest-helpers';
import { updateToolsSyncState } from './bulk-sql';
import { plainJson } from './ingest-rows';
import type { IngestContext } from './ingest-sync-page';
import type { ToolAlert } from './ingest-tool-state';

// What a sync page does for the tools it sets aside as unchanged, and the alert insert it shares.

/**
 * Same content under new validators (a registry that re-tags, or one that stopped sending them):
 * only the validators are stored, so the next run asks with what the registry sends now.
 */
export async function refreshValidators(
  tx: Prisma.TransactionClient,
  same: readonly Pick<Tool, 'id' | 'externalId' | 'syncHash' | 'syncValidators'>[],
  incoming: readonly NormalizedTool[],
): Promise<void> {
  const byExternalId = new Map(incoming.map((t) => [t.externalId, t]));
  await updateToolsSyncState(
    tx,
    same.flatMap((row) => {
      const t = byExternalId.get(row.externalId);
      if (!t || canonicalJson(t.sourceValidators ?? null) === canonicalJson(row.syncValidators)) return [];
      return [{ id: row.id, syncHash: row.syncHash!, syncValidators: plainJson(t.sourceValidators) }];
    }),
  );
}

export async function raiseAlerts(tx: Prisma.TransactionClient, alerts: readonly ToolAlert[]): Promise<number> {
  if (alerts.length === 0) return 0;
  return (
    await tx.alert.createMany({
      data: alerts.map((a) => ({
        kind: a.kind,
        severity: a.severity,
        title: a.title,
        detail: asJson(a.detail) as Prisma.InputJsonValue,
        toolId: a.toolId,
        toolVersionId: a.toolVersionId ?? null,
        dedupeKey: a.dedupeKey,
      })),
      skipDuplicates: true,
    })
  ).count;
}

/**
 * The freshness rule for tools skipped as unchanged: a verification goes stale with time alone,
 * so the check updateToolsAndYanks makes for stored tools is made here from the stored latest
 * version (the same facts it would compute from the same input).
 */
export async function staleAlertsOf(
  tx: Prisma.TransactionClient,
  tools: readonly Pick<Tool, 'id' | 'name' | 'latestVersionId' | 'latestVersionName' | 'lastVerifiedAt'>[],
  ctx: IngestContext,
): Promise<ToolAlert[]> {
  if (tools.length === 0) return [];
  const installs = await tx.installation.findMany({
    where: { toolId: { in: tools.map((t) => t.id) }, state: { in: ['REQUESTED', 'APPROVED', 'ACTIVE'] } },
    select: { toolId: true, environment: true },
  });
  const out: ToolAlert[] = [];
  for (const t of tools) {
    if (!t.latestVersionId || !t.latestVersionName) continue;
    const limits = installs
      .filter((i) => i.toolId === t.id)
      .map((i) => ctx.maxAgeDays[i.environment])
      .filter((d): d is number => d !== null);
    const stale = detectStaleVerification({
      subject: t.id,
      toolName: t.name,
      version: t.latestVersionName,
      lastVerifiedAt: t.lastVerifiedAt,
      maxAgeDays: limits.length > 0 ? Math.min(...limits) : null,
      now: ctx.now,
    });
    if (stale) out.push({ ...stale, toolId: t.id, toolVersionId: t.latestVersionId });
  }
  return out;
}
