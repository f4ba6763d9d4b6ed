import { z } from 'zod';
import { zDay } from './day';
import { zText } from './text';

/** What Next.js hands a page as `searchParams` (repeated keys become arrays). */
export type RawSearchParams = Record<string, string | string[] | undefined>;

export interface QueryIssue {
  path: string;
  message: string;
}

export interface ParsedSearchParams<Q> {
  query: Q;
  /** One per field that was dropped, for the page to show beside the filter. */
  issues: QueryIssue[];
}

// C0 controls (NUL included) and DEL never belong in a filter, and PostgreSQL refuses NUL:
// refused here so no page hands one to the database.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A calendar day in the URL (YYYY-MM-DD), checked to exist: 2026-13-01 and 2026-02-30 are refused. */
export const ZUrlDay = zDay();

/** A positive page number in the URL. */
export const ZUrlPage = z.coerce
  .number({ error: 'Page must be a number' })
  .int('Page must be a whole number')
  .min(1, 'Page starts at 1')
  .max(1_000_000, 'Page is too large');

/** A list in the URL: repeated keys (tier=GOLD&tier=PARTIAL) or one comma-separated value. */
export function urlList<S extends z.ZodType>(item: S, max = 20) {
  const schema = z.preprocess(
    (v) =>
      v === undefined
        ? undefined
        : (Array.isArray(v) ? v : [v])
            .flatMap((s) => String(s).split(','))
            .map((s) => s.trim())
            .filter(Boolean),
    z.array(item).max(max, `At most ${max} values`).optional(),
  );
  LIST_FIELDS.add(schema);
  return schema;
}

// List fields receive every repeated value; other fields only the first.
const LIST_FIELDS = new WeakSet<z.ZodType>();
const isListField = (schema: z.ZodType) => LIST_FIELDS.has(schema);

/**
 * The one reader of a list page's URL: each field is parsed on its own with the page's zod
 * schema; a bad field is dropped and reported (a typo in one box should not blank the whole
 * list, nor answer 500), the others still apply, and the defaults fill the rest. `check` adds
 * rules across fields (a date range that ends before it starts) and may drop fields too.
 */
export function parseSearchParams<S extends z.ZodObject>(
  schema: S,
  raw: RawSearchParams,
  check?: (query: z.infer<S>) => { path: string; message: string }[],
): ParsedSearchParams<z.infer<S>> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const kept: Record<string, unknown> = {};
  const issues: QueryIssue[] = [];
  for (const [key, fieldSchema] of Object.entries(shape)) {
    const value = raw[key];
    if (value === undefined) continue;
    const values = (Array.isArray(value) ? value : [value]).filter((v) => v.trim() !== '');
    if (values.length === 0) continue;
    if (values.some((v) => CONTROL.test(v))) {
      issues.push({ path: key, message: 'Contains control characters' });
      continue;
    }
    const candidate = isListField(fieldSchema) ? values : values[0];
    const parsed = fieldSchema.safeParse(candidate);
    if (parsed.success) kept[key] = candidate;
    else issues.push({ path: key, message: parsed.error.issues[0]?.message ?? 'Invalid value' });
  }
  let query = schema.parse(kept) as z.infer<S>;
  if (check) {
    const crossIssues = check(query);
    if (crossIssues.length) {
      for (const i of crossIssues) delete kept[i.path];
      query = schema.parse(kept) as z.infer<S>;
      issues.push(...crossIssues);
    }
  }
  return { query, issues };
}

/** The cross-field rule every date-range filter shares. */
export function dateRangeIssues(q: { from?: string; to?: string }): QueryIssue[] {
  return q.from && q.to && q.from > q.to ? [{ path: 'to', message: 'The end date is before the start date' }] : [];
}

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

/**
 * The link for a list page with this query: empty values and values equal to the page's
 * defaults are left out, so links stay short and a default view has a clean address.
 */
export function buildHref(path: string, query: Record<string, QueryValue>, defaults: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    if (text === '') continue;
    const fallback = defaults[key];
    if (fallback !== undefined && (Array.isArray(fallback) ? fallback.join(',') : String(fallback)) === text) continue;
    params.set(key, text);
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** A `href(query)` bound to one page's path and defaults. */
export function hrefBuilder<Q extends object>(path: string, defaults: Partial<Record<keyof Q, QueryValue>> = {}) {
  return (query: Partial<Q>) => buildHref(path, query as Record<string, QueryValue>, defaults as Record<string, QueryValue>);
}

/** Hidden table columns (`hide=reasons,policy`): column ids are short words. */
export const ZHiddenColumns = urlList(zText().regex(/^[A-Za-z][A-Za-z0-9_-]{0,40}$/, 'Not a column name'), 30);

const ZSearchBox = zText().trim().max(200, 'Use at most 200 characters');

/**
 * A lone search box outside a list's query schema (a form's tool picker): the text to search for,
 * or '' with the problem to show beside the box when the value cannot be searched for (a NUL byte
 * would otherwise reach PostgreSQL and answer 500).
 */
export function parseSearchBox(raw: string | string[] | undefined): { search: string; issue?: string } {
  if (typeof raw !== 'string') return { search: '' };
  const parsed = ZSearchBox.safeParse(raw);
  return parsed.success ? { search: parsed.data } : { search: '', issue: parsed.error.issues[0]!.message };
}
