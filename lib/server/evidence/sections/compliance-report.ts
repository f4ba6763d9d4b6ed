import { COMPLIANCE_REPORT_COLUMNS, complianceReportRecord } from '@/lib/domain/reports/compliance-report-columns';
import { ComplianceTotalsAccumulator } from '@/lib/domain/reports/compliance-report';
import { complianceReportBatches } from '@/lib/server/reports/compliance-report-batches';
import type { SectionContext, TableSection } from './types';

const scopeOf = ({ scope }: SectionContext) => ({
  environments: scope.environments,
  toolIds: scope.toolIds,
  installedBefore: scope.to,
  now: scope.to,
});

/**
 * The compliance report (issue 13 point 4) as evidence: the tool versions in use in the pack's
 * scope, installed before the period end, with exceptions and risks as of the period end (so the
 * same period gives the same bytes); installation state, tiers and permissions are their current
 * values, as in the inventory section.
 */
export const complianceReportSection: TableSection = {
  kind: 'compliance-report',
  shape: 'table',
  columns: COMPLIANCE_REPORT_COLUMNS,
  async *rows(ctx) {
    for await (const batch of complianceReportBatches(ctx.db, scopeOf(ctx))) {
      for (const row of batch) yield complianceReportRecord(row);
    }
  },
  async summary(ctx) {
    const totals = new ComplianceTotalsAccumulator();
    for await (const batch of complianceReportBatches(ctx.db, scopeOf(ctx))) for (const row of batch) totals.add(row);
    return { ...totals.totals() };
  },
};
