import type { Prisma } from '@prisma/client';
import { untrustedToolAlert, type MonitorAlertDraft } from '@/lib/domain/monitoring/monitor-alert-drafts';
import { untrustedUse } from '@/lib/domain/monitoring/subject-checks';
import { groupBy, mergeGroups, type UseGroup } from './event-groups';

/** Calls to a version that failed verification or was never verified (the inventory's tier, not the agent's claim). */
export async function detectUntrustedUse(
  tx: Prisma.TransactionClient,
  groups: readonly UseGroup[],
): Promise<MonitorAlertDraft[]> {
  const known = groups.filter((g) => g.toolVersionId !== null);
  if (known.length === 0) return [];
  const tiers = new Map(
    (
      await tx.toolVersion.findMany({
        where: { id: { in: [...new Set(known.map((g) => g.toolVersionId!))] }, tier: { in: ['FAILED', 'UNVERIFIED'] } },
        select: { id: true, tier: true },
      })
    ).map((v) => [v.id, v.tier]),
  );
  const drafts: MonitorAlertDraft[] = [];
  for (const [versionId, same] of groupBy(known, (g) => g.toolVersionId!)) {
    const tier = tiers.get(versionId);
    if (!tier) continue;
    const claimedTrust = same.find((g) => g.trustLevel)?.trustLevel ?? null;
    const verdict = untrustedUse({ tier, claimedTrust });
    if (!verdict) continue;
    const g = same[0]!;
    drafts.push(
      untrustedToolAlert({
        toolId: g.toolId,
        toolVersionId: versionId,
        tool: g.toolName,
        version: g.toolVersion,
        tier,
        reason: verdict.reason,
        claimed: verdict.claimed,
        group: mergeGroups(same),
      }),
    );
  }
  return drafts;
}
