import 'server-only';
import type { Prisma } from '@prisma/client';
import type { DataFlowFacts } from '@/lib/domain/data-flows/derive';
import type { PermissionSet } from '@/lib/domain/types';
import { DIMENSIONS, levelRank } from '@/lib/domain/permissions';
import { notFound } from '@/lib/server/errors';
import { DECLARATION_SELECT } from './declaration-select';

function definitionsOf(json: Prisma.JsonValue | null | undefined): DataFlowFacts['definitions'] {
  if (!Array.isArray(json)) return null;
  return json.flatMap((d) =>
    d && typeof d === 'object' && !Array.isArray(d) && typeof d.name === 'string'
      ? [{ name: d.name, inputSchema: d.inputSchema }]
      : [],
  );
}

function objectOf(json: Prisma.JsonValue | null | undefined): Record<string, unknown> | null {
  return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
}

/**
 * What the derivation reads, inside the caller's transaction: the tool's latest version, or the
 * version named (its declared permissions, allowed hosts, registry vocabulary, manifest), and
 * what agents reported using. Callers check the actor.
 */
export async function loadDataFlowFacts(tx: Prisma.TransactionClient, toolId: string, versionId?: string) {
  // The declaration, plus what the derivation reads beyond it: the registry's own vocabulary and the manifest.
  const versionSelect = { ...DECLARATION_SELECT, declaredPermissions: true, toolDefinitions: true } as const;
  const tool = await tx.tool.findUnique({
    where: { id: toolId },
    select: {
      id: true,
      name: true,
      dataClassification: true,
      latestVersion: { select: versionSelect },
    },
  });
  if (!tool) throw notFound('Tool');
  const v = versionId
    ? await tx.toolVersion.findFirst({ where: { id: versionId, toolId }, select: versionSelect })
    : tool.latestVersion;
  if (versionId && !v) throw notFound('Tool version');
  // Grouped by the levels used: a handful of rows however many events there are; the tool name
  // leads the explorer's index, the id pins the tool.
  const used = await tx.invocationEvent.groupBy({
    by: ['networkUsed', 'filesystemUsed', 'codeExecutionUsed', 'dataAccessUsed'],
    where: { toolName: tool.name, toolId: tool.id },
    _count: { _all: true },
  });
  const observed: Partial<PermissionSet> = {};
  let observedEvents = 0;
  for (const row of used) {
    observedEvents += row._count._all;
    const levels: Partial<PermissionSet> = {
      ...(row.networkUsed ? { network: row.networkUsed } : {}),
      ...(row.filesystemUsed ? { filesystem: row.filesystemUsed } : {}),
      ...(row.codeExecutionUsed ? { codeExecution: row.codeExecutionUsed } : {}),
      ...(row.dataAccessUsed ? { dataAccess: row.dataAccessUsed } : {}),
    };
    for (const d of DIMENSIONS) {
      const level = levels[d];
      if (level !== undefined && (observed[d] === undefined || levelRank(d, level) > levelRank(d, observed[d]!)))
        (observed as Record<string, string>)[d] = level;
    }
  }
  const facts: DataFlowFacts = {
    toolClassification: tool.dataClassification,
    declared: v
      ? { network: v.network, filesystem: v.filesystem, codeExecution: v.codeExecution, dataAccess: v.dataAccess }
      : { network: 'NONE', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'NONE' },
    allowedDomains: v?.allowedDomains ?? [],
    registryPermissions: objectOf(v?.declaredPermissions),
    definitions: definitionsOf(v?.toolDefinitions),
    observed,
    observedEvents,
  };
  return { tool: { id: tool.id, name: tool.name }, version: v ? { id: v.id, version: v.version } : null, facts };
}
