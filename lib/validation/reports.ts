import { z } from 'zod';
import { ENVIRONMENTS } from '@/lib/domain/types';
import { ZHiddenColumns, ZUrlPage } from './search-params';

// Compliance report and governance policy document (issue 13 points 4-5).

const ZEnvironment = z.enum(ENVIRONMENTS as unknown as ['PRODUCTION', 'STAGING', 'DEVELOPMENT'], {
  error: 'Use PRODUCTION, STAGING or DEVELOPMENT',
});

/** What the compliance report covers: every environment, or one. Shared by the page, the PDF and the operation. */
export const ZComplianceReportFilter = z.object({ environment: ZEnvironment.optional() }).strict();
export type TComplianceReportFilter = z.infer<typeof ZComplianceReportFilter>;

/** The read operation: the filter plus one page of rows for the screen. */
export const ZComplianceReportQuery = ZComplianceReportFilter.extend({
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type TComplianceReportQuery = z.input<typeof ZComplianceReportQuery>;

/** /reports/compliance in the URL. */
export const ZComplianceReportPageQuery = z.object({
  environment: ZEnvironment.optional(),
  page: ZUrlPage.default(1),
  hide: ZHiddenColumns,
});
export type TComplianceReportPageQuery = z.infer<typeof ZComplianceReportPageQuery>;

export const GOVERNANCE_POLICY_FORMATS = ['md', 'pdf'] as const;
export const ZGovernancePolicyDownload = z
  .object({ format: z.enum(GOVERNANCE_POLICY_FORMATS, { error: 'Use md or pdf' }) })
  .strict();
export type TGovernancePolicyDownload = z.infer<typeof ZGovernancePolicyDownload>;
