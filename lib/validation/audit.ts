import { z } from 'zod';
import { zText } from './text';
import { AUDIT_ACTION_LIST, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@/lib/domain/audit-actions';
import { dateRangeIssues, parseSearchParams, ZHiddenColumns, ZUrlDay, type RawSearchParams } from './search-params';

const ZSeq = zText().regex(/^\d{1,19}$/, 'Not a record number');
const ZText = (max: number) => zText().trim().max(max, `Use at most ${max} characters`);

/** Audit trail filters as they appear in the URL (all optional; dates are UTC days, inclusive). */
export const ZAuditFilterInput = z.object({
  entityType: ZText(100).optional(),
  entityId: ZText(200).optional(),
  actor: ZText(254).optional(),
  action: ZText(100).optional(),
  /** One audit's activity (issue 14.5): its own records, and its auditors' page views while it was open. */
  engagement: ZText(64).optional(),
  from: ZUrlDay.optional(),
  to: ZUrlDay.optional(),
  /** Keyset cursors: show records older than `before`, or newer than `after`. */
  before: ZSeq.optional(),
  after: ZSeq.optional(),
});
export type TAuditFilterInput = z.infer<typeof ZAuditFilterInput>;

export const AUDIT_PAGE_SIZE = 50;

/** listAuditEvents' input: the filters plus how many rows a page holds. */
export const ZListAuditEventsInput = ZAuditFilterInput.extend({
  pageSize: z.number().int().min(1).max(500).default(AUDIT_PAGE_SIZE),
});
export type TListAuditEventsInput = z.input<typeof ZListAuditEventsInput>;

/**
 * The audit page's URL: the same filters, except that action and entity type are picked from
 * the catalogue (a typo cannot silently match nothing), plus hidden columns.
 */
export const ZAuditPageQuery = ZAuditFilterInput.extend({
  action: z
    .enum(AUDIT_ACTION_LIST as [keyof typeof AUDIT_ACTIONS, ...(keyof typeof AUDIT_ACTIONS)[]], {
      error: 'Not an action the audit trail records',
    })
    .optional(),
  entityType: z.enum(AUDIT_ENTITY_TYPES, { error: 'Not a kind of record the audit trail names' }).optional(),
  hide: ZHiddenColumns,
});
export type TAuditPageQuery = z.infer<typeof ZAuditPageQuery>;

export function parseAuditPageQuery(params: RawSearchParams) {
  return parseSearchParams(ZAuditPageQuery, params, dateRangeIssues);
}
