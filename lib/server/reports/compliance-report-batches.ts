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
  /** The evidence pack's scope: several environments and some tools (empty = all). */
  environments?: readonly Environment[];
  toolIds?: readonly string[];
  /** The pack's period end: installations made before it only (their state is the current one). */
  installedBefore?: Date;
  /** Exceptions unexpired and reviews overdue as of this time. */
  now: Date;
}

function installedWhere(scope: ComplianceReportScope): Prisma.InstallationWhereInput {
  const environments = scope.environment ? [scope.environment] : [...(scope.environments ?? [])];
  return {
    state: 'ACTIVE',
    ...(environments.length ? { environment: { in: environments } } : {}),
    ...(scope.installedBefore ? { createdAt: { lt: scope.installedBefore } } : {}),
  };
}

/** Tool versions in use: an active installation on some agent (in the scope's environments). */
function inUseWhere(scope: ComplianceReportScope): Prisma.ToolVersionWhereInput {
  return {
    installations: { some: installedWhere(scope) },
    ...(scope.toolIds?.length ? { toolId: { in: [...scope.toolIds] } } : {}),
  };
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
  const installed = installedWhere(scope);
  for (let skip = 0; ; skip += COMPLIANCE_REPORT_BATCH) {
    const versions = await db.toolVersion.findMany({
      where: inUseWhere(scope),
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
