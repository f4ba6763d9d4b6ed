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

/**
 * The compliance report's rows in tool-name order, a batch of tools at a time: one read of the
 * tools in use (an active installation in scope: an indexed probe of Installation(toolId,
 * environment) per tool), one of their active installations, one of the versions installed, one
 * of the tools' approved exceptions and one of their current risk assessments. Callers (the
 * page, the PDF, the evidence pack) consume the batches as they come, so memory holds one batch
 * whatever the inventory's size. (Reading versions first would probe Installation by version,
 * which has no index of its own: quadratic on 5,000 tools.)
 */
export async function* complianceReportBatches(
  db: PrismaClient | Prisma.TransactionClient,
  scope: ComplianceReportScope,
): AsyncGenerator<ComplianceReportRow[]> {
  const installed = installedWhere(scope);
  for (let skip = 0; ; skip += COMPLIANCE_REPORT_BATCH) {
    const tools = await db.tool.findMany({
      where: {
        installations: { some: installed },
        ...(scope.toolIds?.length ? { id: { in: [...scope.toolIds] } } : {}),
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip,
      take: COMPLIANCE_REPORT_BATCH,
      select: { id: true, name: true },
    });
    if (tools.length === 0) return;
    const toolIds = tools.map((t) => t.id);
    const installations = await db.installation.findMany({
      where: { ...installed, toolId: { in: toolIds } },
      select: { toolVersionId: true, environment: true, agentId: true },
    });
    const [versions, exceptions, risks] = await Promise.all([
      db.toolVersion.findMany({
        where: { id: { in: [...new Set(installations.map((i) => i.toolVersionId))] } },
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
        },
      }),
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
    const name = new Map(tools.map((t) => [t.id, t.name]));
    const order = new Map(tools.map((t, i) => [t.id, i]));
    versions.sort(
      (a, b) =>
        order.get(a.toolId)! - order.get(b.toolId)! ||
        (a.version < b.version ? -1 : a.version > b.version ? 1 : 0) ||
        (a.id < b.id ? -1 : 1),
    );
    yield versions.map((v) =>
      shapeComplianceRow(
        {
          ...v,
          toolVersionId: v.id,
          toolName: name.get(v.toolId)!,
          installations: installations.filter((i) => i.toolVersionId === v.id),
        },
        exceptions,
        risks,
        scope.now,
      ),
    );
    if (tools.length < COMPLIANCE_REPORT_BATCH) return;
  }
}
