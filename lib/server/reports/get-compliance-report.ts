import 'server-only';
import { ComplianceTotalsAccumulator, type ComplianceReportRow } from '@/lib/domain/reports/compliance-report';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZComplianceReportQuery, type TComplianceReportQuery } from '@/lib/validation/reports';
import { complianceReportBatches } from './compliance-report-batches';
import { complianceReportScope } from './compliance-report-scope';

/**
 * The compliance report on screen: one page of rows and the totals over every row. Totals need
 * every version in use, so the batches are all read, but only the page's rows are kept.
 */
export async function getComplianceReport({ actor, input }: OperationCall<TComplianceReportQuery>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'evidence:read');
  const query = parseInput(ZComplianceReportQuery, input);
  const from = (query.page - 1) * query.pageSize;
  const rows: ComplianceReportRow[] = [];
  const totals = new ComplianceTotalsAccumulator();
  let index = 0;
  // An auditor: their open audits' environments only (null: nothing open, an empty report).
  const { scope, environments } = await complianceReportScope(db, actor, now, query.environment);
  for await (const batch of scope ? complianceReportBatches(db, scope) : []) {
    for (const row of batch) {
      if (index >= from && index < from + query.pageSize) rows.push(row);
      totals.add(row);
      index += 1;
    }
  }
  return {
    rows,
    total: index,
    page: query.page,
    pageSize: query.pageSize,
    environment: query.environment ?? null,
    /** The auditor's audits' environments the report is limited to (null: not limited). */
    scopedTo: environments,
    totals: totals.totals(),
    generatedAt: now,
  };
}

export type ComplianceReport = Awaited<ReturnType<typeof getComplianceReport>>;
