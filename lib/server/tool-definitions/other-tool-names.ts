import 'server-only';
import type { Prisma } from '@prisma/client';

/**
 * The tool names of every other server the agent runs, for the shadowing rule: what the latest
 * reports and the registry manifests of its other installed versions define. Bounded: an agent
 * runs tens of servers, not thousands.
 */
export async function otherToolNamesOfAgent(
  tx: Prisma.TransactionClient,
  agentId: string,
  exceptToolId: string,
): Promise<string[]> {
  const installs = await tx.installation.findMany({
    where: { agentId, toolId: { not: exceptToolId }, state: { in: ['APPROVED', 'ACTIVE'] } },
    select: {
      toolVersion: {
        select: {
          toolDefinitions: true,
          definitionReports: { orderBy: { reportedAt: 'desc' }, take: 1, select: { definitions: true } },
        },
      },
    },
    take: 200,
  });
  const names = new Set<string>();
  for (const { toolVersion } of installs) {
    for (const defs of [toolVersion.toolDefinitions, toolVersion.definitionReports[0]?.definitions]) {
      if (!Array.isArray(defs)) continue;
      for (const d of defs)
        if (d && typeof d === 'object' && typeof (d as { name?: unknown }).name === 'string')
          names.add((d as { name: string }).name);
    }
  }
  return [...names];
}
