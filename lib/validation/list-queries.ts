import { z } from 'zod';
import { zText } from './text';
import { ENVIRONMENTS } from '@/lib/domain/types';
import { ZHiddenColumns, ZUrlPage } from './search-params';

// The list pages' URLs, each read by parseSearchParams: a bad value is shown beside its
// filter and dropped, never silently replaced (the old `.catch()` schemas hid typos).

const env = z.enum(ENVIRONMENTS as unknown as ['PRODUCTION', 'STAGING', 'DEVELOPMENT'], {
  error: 'Use PRODUCTION, STAGING or DEVELOPMENT',
});
const id = zText()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id');

export const COMPLIANCE_STATUSES = ['all', 'failing', 'covered', 'passing'] as const;

/** /compliance */
export const ZCompliancePageQuery = z.object({
  q: zText().trim().max(100, 'Use at most 100 characters').optional(),
  status: z.enum(COMPLIANCE_STATUSES, { error: 'Use all, failing, covered or passing' }).optional(),
  scope: z.enum(['latest', 'all'], { error: 'Use latest or all' }).optional(),
  environment: env.optional(),
  page: ZUrlPage.default(1),
  hide: ZHiddenColumns,
});
export type TCompliancePageQuery = z.infer<typeof ZCompliancePageQuery>;

export const ALERT_STATE_FILTERS = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'ALL'] as const;
export const ALERT_SEVERITY_FILTERS = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;

/** /monitoring (the alert inbox): open alerts unless told otherwise. */
export const ZAlertsPageQuery = z.object({
  state: z.enum(ALERT_STATE_FILTERS, { error: 'Use OPEN, ACKNOWLEDGED, RESOLVED or ALL' }).default('OPEN'),
  severity: z.enum(ALERT_SEVERITY_FILTERS, { error: 'Use CRITICAL, HIGH, MEDIUM or LOW' }).optional(),
  kind: zText()
    .trim()
    .regex(/^[a-z0-9-]{1,60}$/, 'Not an alert kind')
    .optional(),
  toolId: id.optional(),
  /** Who works the alert: `me` (the signed-in person), `none` (nobody yet) or a user id. */
  assignee: id.optional(),
  page: ZUrlPage.default(1),
  hide: ZHiddenColumns,
});
export type TAlertsPageQuery = z.infer<typeof ZAlertsPageQuery>;

/** /registries/runs */
export const ZSyncRunsPageQuery = z.object({
  registryId: id.optional(),
  page: ZUrlPage.default(1),
  hide: ZHiddenColumns,
});
export type TSyncRunsPageQuery = z.infer<typeof ZSyncRunsPageQuery>;
