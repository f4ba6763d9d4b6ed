import 'server-only';
import { z } from 'zod';
import type { ScanFinding } from '@/lib/domain/tool-definitions/scan';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { zText } from '@/lib/validation/text';

const ZInput = z.object({ toolId: zText().min(1).max(64) });

export interface DefinitionScan {
  id: string;
  version: string;
  source: 'GATEWAY' | 'REGISTRY';
  agentName: string | null;
  hash: string;
  pinnedHash: string | null;
  verdict: 'MATCH' | 'FIRST_SEEN' | 'CHANGED';
  worstSeverity: string | null;
  findings: ScanFinding[];
  reportedAt: Date;
}

/**
 * The tool definitions check on the tool page: the latest report of each of the tool's versions
 * that has one (newest versions first), with its findings for highlighting.
 */
export async function listDefinitionScans(
  { actor, input }: OperationCall<unknown>,
  ctx?: OperationContextInput,
): Promise<DefinitionScan[]> {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'inventory:read');
  const { toolId } = parseInput(ZInput, input);
  const versions = await db.toolVersion.findMany({
    where: { toolId, definitionReports: { some: {} } },
    orderBy: { createdAt: 'desc' },
    take: 10,
    select: {
      version: true,
      definitionReports: { orderBy: { reportedAt: 'desc' }, take: 1, include: { agent: { select: { name: true } } } },
    },
  });
  return versions.flatMap((v) =>
    v.definitionReports.map((r) => ({
      id: r.id,
      version: v.version,
      source: r.source,
      agentName: r.agent?.name ?? null,
      hash: r.hash,
      pinnedHash: r.pinnedHash,
      verdict: r.verdict,
      worstSeverity: r.worstSeverity,
      findings: r.findings as unknown as ScanFinding[],
      reportedAt: r.reportedAt,
    })),
  );
}
