import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import type { ToolDefinition } from '@/lib/domain/tool-definitions/hash';
import { scanToolDefinitions, worstSeverity } from '@/lib/domain/tool-definitions/scan';
import { executeWithJson } from '@/lib/server/registries/bulk-sql';
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
  // One statement with the page's reports as a single JSON parameter: Prisma's createMany spent
  // seconds per page serializing the definitions and findings (issue 9.3); passed by handle.
  await executeWithJson(
    tx,
    `INSERT INTO "ToolDefinitionReport" ("id","toolVersionId","source","hash","definitions","pinnedHash","verdict","findings","worstSeverity","reportedAt")
     SELECT x."id",x."toolVersionId",'REGISTRY'::"DefinitionSource",x."hash",x."definitions",NULL,'FIRST_SEEN'::"DefinitionVerdict",x."findings",x."worstSeverity",x."reportedAt"
     FROM jsonb_to_recordset($1::jsonb) AS x("id" text,"toolVersionId" text,"hash" text,"definitions" jsonb,"findings" jsonb,"worstSeverity" text,"reportedAt" timestamp(3))`,
    scanned.map(({ v, findings, worst }) => ({
      id: randomUUID(),
      toolVersionId: v.id,
      hash: v.toolDefsHash!,
      definitions: v.toolDefinitions,
      findings,
      worstSeverity: worst,
      reportedAt: now,
    })),
  );
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
