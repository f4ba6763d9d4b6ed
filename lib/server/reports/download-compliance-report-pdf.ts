import 'server-only';
import { ComplianceTotalsAccumulator } from '@/lib/domain/reports/compliance-report';
import { ENVIRONMENT_LABELS, type Environment } from '@/lib/domain/types';
import type { ComplianceReportRow } from '@/lib/domain/reports/compliance-report';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZComplianceReportFilter, type TComplianceReportFilter } from '@/lib/validation/reports';
import { complianceReportBatches } from './compliance-report-batches';
import { complianceReportScope } from './compliance-report-scope';
import { complianceReportPdf } from './compliance-report-pdf';
import { instanceName } from './instance-name';

export const complianceFilterLabel = (f: TComplianceReportFilter, scopedTo: readonly Environment[] | null = null) =>
  f.environment
    ? `Environment: ${ENVIRONMENT_LABELS[f.environment]}`
    : scopedTo
      ? `Your audits' environments: ${scopedTo.map((e) => ENVIRONMENT_LABELS[e]).join(', ') || 'none'}`
      : 'All environments';

async function* emptyBatches(): AsyncGenerator<ComplianceReportRow[]> {}

/**
 * The compliance report as a streamed PDF. A first pass over the batches counts the totals the
 * first page shows (ids only are kept); the second writes the rows as the reader takes the bytes.
 * The download is an audit event, written before the first byte, whoever downloads.
 */
export async function downloadComplianceReportPdf(
  { actor, input }: OperationCall<TComplianceReportFilter>,
  ctx?: OperationContextInput,
) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'evidence:read');
  const filter = parseInput(ZComplianceReportFilter, input);
  // An auditor: their open audits' environments only (null: nothing open, an empty report).
  const { scope, environments } = await complianceReportScope(db, actor, now, filter.environment);
  const acc = new ComplianceTotalsAccumulator();
  for await (const batch of scope ? complianceReportBatches(db, scope) : []) for (const r of batch) acc.add(r);
  const totals = acc.totals();
  await db.$transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: 'complianceReport.downloaded',
      entityType: 'ComplianceReport',
      entityId: 'pdf',
      after: { filter, ...(environments ? { scopedTo: environments } : {}), tools: totals.tools, versions: totals.versions },
    }),
  );
  const stamp = now.toISOString().slice(0, 10);
  return {
    filename: `toolledger-compliance-report-${filter.environment?.toLowerCase() ?? (environments ? 'audit' : 'all')}-${stamp}.pdf`,
    body: complianceReportPdf(
      { instance: instanceName(), generatedAt: now, filterLabel: complianceFilterLabel(filter, environments) },
      totals,
      scope ? complianceReportBatches(db, scope) : emptyBatches(),
    ),
  };
}
