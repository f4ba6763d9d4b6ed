import type { Prisma } from '@prisma/client';
import { versionMismatchAlert, type MonitorAlertDraft } from '@/lib/domain/monitoring/monitor-alert-drafts';
import { versionMismatch } from '@/lib/domain/monitoring/subject-checks';
import { groupBy, mergeGroups, type UseGroup } from './event-groups';

/** A version used that is not the one approved for the agent (an approved or active installation of another version). */
export async function detectVersionMismatch(
  tx: Prisma.TransactionClient,
  groups: readonly UseGroup[],
): Promise<MonitorAlertDraft[]> {
  const withAgent = groups.filter((g) => g.agentId !== null);
  if (withAgent.length === 0) return [];
  const installs = await tx.installation.findMany({
    where: {
      agentId: { in: [...new Set(withAgent.map((g) => g.agentId!))] },
      toolId: { in: [...new Set(withAgent.map((g) => g.toolId))] },
      state: { in: ['APPROVED', 'ACTIVE'] },
    },
    select: { agentId: true, toolId: true, toolVersion: { select: { version: true } } },
  });
  const approved = groupBy(installs, (i) => `${i.agentId}:${i.toolId}`);
  const drafts: MonitorAlertDraft[] = [];
  for (const same of groupBy(withAgent, (g) => `${g.agentId}:${g.toolId}:${g.toolVersion}`).values()) {
    const g = same[0]!;
    const mismatch = versionMismatch(
      g.toolVersion,
      (approved.get(`${g.agentId}:${g.toolId}`) ?? []).map((i) => i.toolVersion.version),
    );
    if (!mismatch) continue;
    drafts.push(
      versionMismatchAlert({
        agent: g.agentName,
        toolId: g.toolId,
        toolVersionId: g.toolVersionId,
        tool: g.toolName,
        version: g.toolVersion,
        approved: mismatch.approved,
        group: mergeGroups(same),
      }),
    );
  }
  return drafts;
}
