import 'server-only';
import { ComplianceTotalsAccumulator } from '@/lib/domain/reports/compliance-report';
import { ENVIRONMENT_LABELS } from '@/lib/domain/types';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZComplianceReportFilter, type TComplianceReportFilter } from '@/lib/validation/reports';
import { complianceReportBatches } from './compliance-report-batches';
import { complianceReportPdf } from './compliance-report-pdf';
import { instanceName } from './instance-name';

export const complianceFilterLabel = (f: TComplianceReportFilter) =>
  f.environment ? `Environment: ${ENVIRONMENT_LABELS[f.environment]}` : 'All environments';

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
  const scope = { environment: filter.environment, now };
  const acc = new ComplianceTotalsAccumulator();
  for await (const batch of complianceReportBatches(db, scope)) for (const r of batch) acc.add(r);
  const totals = acc.totals();
  await db.$transaction((tx) =>
    recordAuditEvent(tx, actor, {
      action: 'complianceReport.downloaded',
      entityType: 'ComplianceReport',
      entityId: 'pdf',
      after: { filter, tools: totals.tools, versions: totals.versions },
    }),
  );
  const stamp = now.toISOString().slice(0, 10);
  return {
    filename: `toolledger-compliance-report-${filter.environment?.toLowerCase() ?? 'all'}-${stamp}.pdf`,
    body: complianceReportPdf(
      { instance: instanceName(), generatedAt: now, filterLabel: complianceFilterLabel(filter) },
      totals,
      complianceReportBatches(db, scope),
    ),
  };
}
