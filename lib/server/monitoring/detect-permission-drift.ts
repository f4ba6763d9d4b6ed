import type { Prisma } from '@prisma/client';
import { driftAlert, type MonitorAlertDraft } from '@/lib/domain/monitoring/monitor-alert-drafts';
import { permissionDrift } from '@/lib/domain/monitoring/permission-use';
import { groupBy, mergeGroups, type UseGroup } from './event-groups';

/** Permission drift: events of a known version that used more than the version declares. */
export async function detectPermissionDrift(
  tx: Prisma.TransactionClient,
  groups: readonly UseGroup[],
): Promise<MonitorAlertDraft[]> {
  const known = groups.filter((g) => g.toolVersionId !== null);
  if (known.length === 0) return [];
  const versions = new Map(
    (
      await tx.toolVersion.findMany({
        where: { id: { in: [...new Set(known.map((g) => g.toolVersionId!))] } },
        select: { id: true, toolId: true, network: true, filesystem: true, codeExecution: true, dataAccess: true },
      })
    ).map((v) => [v.id, v]),
  );
  const hits: { key: string; versionId: string; group: UseGroup; drift: ReturnType<typeof permissionDrift>[number] }[] = [];
  for (const g of known) {
    const v = versions.get(g.toolVersionId!);
    if (!v) continue;
    for (const drift of permissionDrift(v, g.observed))
      hits.push({ key: `${v.id}:${drift.dimension}:${drift.observed}`, versionId: v.id, group: g, drift });
  }
  return [...groupBy(hits, (h) => h.key).values()].map((same) => {
    const { group, drift, versionId } = same[0]!;
    return driftAlert({
      toolId: group.toolId,
      toolVersionId: versionId,
      tool: group.toolName,
      version: group.toolVersion,
      drift,
      group: mergeGroups(same.map((h) => h.group)),
    });
  });
}
