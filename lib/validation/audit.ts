import { z } from 'zod';
import { zText } from './text';
import { zDay } from './day';

const ZDay = zDay();
const ZSeq = zText().regex(/^\d{1,19}$/, 'Not a record number');
const ZText = (max: number) => zText().trim().max(max, `Use at most ${max} characters`);

/** Audit trail filters as they appear in the URL (all optional; dates are UTC days, inclusive). */
export const ZAuditFilterInput = z.object({
  entityType: ZText(100).optional(),
  entityId: ZText(200).optional(),
  actor: ZText(254).optional(),
  action: ZText(100).optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
  /** Keyset cursors: show records older than `before`, or newer than `after`. */
  before: ZSeq.optional(),
  after: ZSeq.optional(),
});
export type TAuditFilterInput = z.infer<typeof ZAuditFilterInput>;
export const AUDIT_FILTER_KEYS = Object.keys(ZAuditFilterInput.shape) as (keyof TAuditFilterInput)[];

/**
 * Reads the URL's search params field by field: a bad field is dropped and reported, the
 * others still apply (a typo in one box should not blank the whole page).
 */
export function parseAuditFilter(params: Record<string, string | string[] | undefined>): {
  filter: TAuditFilterInput;
  issues: { path: string; message: string }[];
} {
  const filter: Record<string, string> = {};
  const issues: { path: string; message: string }[] = [];
  for (const key of AUDIT_FILTER_KEYS) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value.trim() === '') continue;
    const parsed = ZAuditFilterInput.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined && parsed.data !== '') filter[key] = parsed.data;
    else if (!parsed.success) issues.push({ path: key, message: parsed.error.issues[0]?.message ?? 'Invalid value' });
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    issues.push({ path: 'to', message: 'The end date is before the start date' });
    delete filter.to;
  }
  return { filter: filter as TAuditFilterInput, issues };
}
