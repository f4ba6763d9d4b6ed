import 'server-only';
import type { Prisma, PrismaClient } from '@prisma/client';
import { shapeComplianceRow, type ComplianceReportRow } from '@/lib/domain/reports/compliance-report';
import type { Environment } from '@/lib/domain/types';
import { EXCEPTION_FACTS_SELECT } from '@/lib/server/exceptions/exception-facts-select';

/** Tool versions read per query: the report of 5,000 tools holds one batch at a time. */
export const COMPLIANCE_REPORT_BATCH = 250;

export interface ComplianceReportScope {
  /** Only versions with an active installation there; all environments when absent. */
  environment?: Environment;
  now: Date;
}

/** Tool versions in use: an active installation on some agent (in the environment, when given). */
export function inUseWhere(environment?: Environment): Prisma.ToolVersionWhereInput {
  return { installations: { some: { state: 'ACTIVE', ...(environment ? { environment } : {}) } } };
}

/**
 * The compliance report's rows in tool-name order, a batch at a time: each batch is one read of
 * versions with their active installations, one of the approved exceptions of their tools and
 * one of the tools' current risk assessments. Callers (the page, the PDF, the evidence pack)
 * consume the batches as they come, so memory holds one batch whatever the inventory's size.
 */
export async function* complianceReportBatches(
  db: PrismaClient | Prisma.TransactionClient,
  scope: ComplianceReportScope,
): AsyncGenerator<ComplianceReportRow[]> {
  const installed = { state: 'ACTIVE' as const, ...(scope.environment ? { environment: scope.environment } : {}) };
  for (let skip = 0; ; skip += COMPLIANCE_REPORT_BATCH) {
    const versions = await db.toolVersion.findMany({
      where: inUseWhere(scope.environment),
      orderBy: [{ tool: { name: 'asc' } }, { version: 'asc' }, { id: 'asc' }],
      skip,
      take: COMPLIANCE_REPORT_BATCH,
      select: {
        id: true,
        toolId: true,
        version: true,
        tier: true,
        trustScore: true,
        verificationState: true,
        lastVerifiedAt: true,
        network: true,
        filesystem: true,
        codeExecution: true,
        dataAccess: true,
        tool: { select: { name: true } },
        installations: { where: installed, select: { environment: true, agentId: true } },
      },
    });
    if (versions.length === 0) return;
    const toolIds = [...new Set(versions.map((v) => v.toolId))];
    const [exceptions, risks] = await Promise.all([
      db.policyException.findMany({
        where: { toolId: { in: toolIds }, status: 'APPROVED', expiresAt: { gt: scope.now } },
        select: EXCEPTION_FACTS_SELECT,
      }),
      db.riskAssessment.findMany({
        // A tool's current assessment is the one no later assessment replaced.
        where: { toolId: { in: toolIds }, next: { is: null } },
        select: { toolId: true, residualScore: true, treatment: true, nextReviewAt: true, assessedAt: true },
      }),
    ]);
    yield versions.map((v) =>
      shapeComplianceRow(
        { ...v, toolVersionId: v.id, toolName: v.tool.name, installations: v.installations },
        exceptions,
        risks,
        scope.now,
      ),
    );
    if (versions.length < COMPLIANCE_REPORT_BATCH) return;
  }
}
