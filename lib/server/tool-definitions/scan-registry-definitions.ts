import 'server-only';
import type { Prisma } from '@prisma/client';
import type { ToolDefinition } from '@/lib/domain/tool-definitions/hash';
import { scanToolDefinitions, worstSeverity } from '@/lib/domain/tool-definitions/scan';
import { raiseDefinitionAlerts } from './raise-definition-alerts';

export interface NewVersionDefinitions {
  id: string;
  toolId: string;
  version: string;
  toolDefsHash: string | null;
  toolDefinitions: unknown;
}

/**
 * Sync internals: the definitions a registry manifest carries for versions the sync just created
 * are scanned like a gateway's report, kept as a REGISTRY report (they are the pin, so the verdict
 * is FIRST_SEEN), and a serious finding raises the same critical alert. One multi-row insert per page.
 */
export async function scanRegistryDefinitions(
  tx: Prisma.TransactionClient,
  versions: readonly NewVersionDefinitions[],
  toolNames: ReadonlyMap<string, string>,
  now: Date,
): Promise<void> {
  const withDefs = versions.filter((v) => v.toolDefsHash && Array.isArray(v.toolDefinitions) && v.toolDefinitions.length > 0);
  if (withDefs.length === 0) return;
  const scanned = withDefs.map((v) => {
    const findings = scanToolDefinitions(v.toolDefinitions as ToolDefinition[]);
    return { v, findings, worst: worstSeverity(findings) };
  });
  await tx.toolDefinitionReport.createMany({
    data: scanned.map(({ v, findings, worst }) => ({
      toolVersionId: v.id,
      source: 'REGISTRY' as const,
      hash: v.toolDefsHash!,
      definitions: v.toolDefinitions as Prisma.InputJsonValue,
      pinnedHash: null,
      verdict: 'FIRST_SEEN' as const,
      findings: findings as unknown as Prisma.InputJsonValue,
      worstSeverity: worst,
      reportedAt: now,
    })),
  });
  for (const { v, findings } of scanned) {
    if (findings.every((f) => f.severity === 'MEDIUM')) continue;
    await raiseDefinitionAlerts(tx, {
      agentName: null,
      toolId: v.toolId,
      toolName: toolNames.get(v.toolId) ?? v.toolId,
      toolVersionId: v.id,
      version: v.version,
      reportId: '',
      hash: v.toolDefsHash!,
      pinnedHash: null,
      verdict: 'FIRST_SEEN',
      findings,
      now,
    });
  }
}
