import { z } from 'zod';
import { zText } from './text';
import { LEVELS } from '@/lib/domain/permissions';
import { parseSearchParams, urlList, type ParsedSearchParams, type QueryIssue } from './search-params';

// Tuples (not the domain's readonly arrays) so zod infers the string unions.
const ENV_VALUES = ['PRODUCTION', 'STAGING', 'DEVELOPMENT'] as const;
const TIER_VALUES = ['GOLD', 'VERIFIED', 'PARTIAL', 'UNVERIFIED', 'FAILED'] as const;

export const INVENTORY_SORTS = ['name', 'tier', 'trustScore', 'updatedAt', 'publisher'] as const;
export const VERIFICATION_STATES = ['PASSED', 'FAILED', 'UNVERIFIED'] as const;
export const INVENTORY_MAX_PAGE_SIZE = 100;
export const INVENTORY_DEFAULT_PAGE_SIZE = 25;

const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: (i) => `Unknown ${what} "${String(i.input)}". Use one of: ${values.join(', ')}` });

// Ids are cuids from Prisma or the sync engine; anything else cannot match a row.
export const ZRecordId = zText()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id');

const listOf = urlList;

const ZPositiveInt = (what: string, max: number) =>
  z.coerce
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(1, `${what} starts at 1`)
    .max(max, `${what} is at most ${max}`);

/**
 * The sort key of one row, base64url-encoded JSON (`[sortValue, …, id]`), so a link can carry it
 * and nobody is tempted to edit it. Its fit with the sort is checked by inventoryCursorIssues.
 */
const ZInventoryCursor = zText()
  .regex(/^[A-Za-z0-9_-]{1,1200}$/, { message: 'Not a page cursor; go back to the first page', abort: true })
  .refine((c) => decodeInventoryCursor(c) !== null, 'Not a page cursor; go back to the first page');

export type CursorValue = string | number | null;

/** The key values a cursor holds, or null when it is not one of ours. */
export function decodeInventoryCursor(cursor: string): CursorValue[] | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length < 2 || v.length > 3) return null;
    return v.every((x) => x === null || typeof x === 'string' || typeof x === 'number') ? (v as CursorValue[]) : null;
  } catch {
    return null;
  }
}

export function encodeInventoryCursor(values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

const isText = (v: CursorValue) => typeof v === 'string';
const isDate = (v: CursorValue) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
/** What each sort's cursor holds, in key order (the id always last). */
const CURSOR_SHAPE: Record<(typeof INVENTORY_SORTS)[number], ((v: CursorValue) => boolean)[]> = {
  name: [isText, isText],
  tier: [(v) => TIER_VALUES.includes(v as (typeof TIER_VALUES)[number]), isText, isText],
  trustScore: [(v) => v === null || Number.isInteger(v), isText],
  updatedAt: [isDate, isText],
  publisher: [isText, isText, isText],
};

/**
 * Cross-field rules of the query: a cursor must fit the sort it pages through (a link kept after
 * the sort changed), and only one direction at a time.
 */
export function inventoryCursorIssues(q: Pick<TInventoryQuery, 'after' | 'before' | 'sort'>): QueryIssue[] {
  if (q.after && q.before) return [{ path: 'before', message: 'Page forward or back, not both' }];
  const field = q.after ? 'after' : q.before ? 'before' : null;
  if (!field) return [];
  const values = decodeInventoryCursor(q[field]!);
  const shape = CURSOR_SHAPE[q.sort];
  return values && values.length === shape.length && shape.every((ok, i) => ok(values[i]!))
    ? []
    : [{ path: field, message: 'This page cursor belongs to another sort; go back to the first page' }];
}

/** Inventory list query as it appears in the URL and in the export API (all optional). */
export const ZInventoryQuery = z.object({
  q: zText().trim().max(200, 'Search at most 200 characters').optional(),
  env: oneOf(ENV_VALUES, 'environment').optional(),
  tier: listOf(oneOf(TIER_VALUES, 'tier')),
  network: oneOf(LEVELS.network, 'network level').optional(),
  filesystem: oneOf(LEVELS.filesystem, 'filesystem level').optional(),
  codeExecution: oneOf(LEVELS.codeExecution, 'code execution level').optional(),
  dataAccess: oneOf(LEVELS.dataAccess, 'data access level').optional(),
  publisher: ZRecordId.optional(),
  registry: ZRecordId.optional(),
  verification: oneOf(VERIFICATION_STATES, 'verification state').optional(),
  // Risk (issue 12): tools whose current assessment keeps a residual score of at least this.
  riskAtLeast: z.coerce
    .number({ error: 'Residual risk must be a number from 1 to 25' })
    .int('Residual risk must be a whole number')
    .min(1, 'Residual risk is at least 1')
    .max(25, 'Residual risk is at most 25')
    .optional(),
  /** covered = an approved, unexpired policy exception stands for the tool (issue 12.4). */
  exception: oneOf(['covered'], 'exception filter').optional(),
  /** yes = the tool's current data flow map sends data out of the environment (issue 12.2). */
  subprocessor: oneOf(['yes'], 'subprocessor filter').optional(),
  sort: oneOf(INVENTORY_SORTS, 'sort column').default('name'),
  dir: oneOf(['asc', 'desc'], 'sort direction').default('asc'),
  /**
   * Keyset cursors (issue 9.4): the page after the row `after` names, or before the row `before`
   * names, in the current sort; see inventoryCursorIssues for what a cursor holds. With a cursor,
   * `page` only numbers the page for the reader ("Showing 51–75"); without one it is an offset.
   */
  after: ZInventoryCursor.optional(),
  before: ZInventoryCursor.optional(),
  // Pages past the end give an empty page; the cap only keeps the number sane.
  page: ZPositiveInt('Page', 1_000_000).default(1),
  pageSize: ZPositiveInt('Page size', INVENTORY_MAX_PAGE_SIZE).default(INVENTORY_DEFAULT_PAGE_SIZE),
});
export type TInventoryQuery = z.infer<typeof ZInventoryQuery>;
export type TInventoryQueryInput = z.input<typeof ZInventoryQuery>;
export const INVENTORY_QUERY_KEYS = Object.keys(ZInventoryQuery.shape) as (keyof TInventoryQuery)[];

type RawParams = Record<string, string | string[] | undefined>;

function cleanParams(params: RawParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of INVENTORY_QUERY_KEYS) {
    const raw = params[key];
    if (raw === undefined) continue;
    if (Array.isArray(raw)) {
      if (key === 'tier') out[key] = raw;
      else if (raw[0] !== undefined && raw[0].trim() !== '') out[key] = raw[0];
    } else if (raw.trim() !== '') out[key] = raw;
  }
  return out;
}

/**
 * For the page: a bad field is dropped and reported, the others still apply (a typo in one
 * box should not blank the whole list). The shared URL reader does the work.
 */
export function parseInventoryQuery(params: RawParams): ParsedSearchParams<TInventoryQuery> {
  return parseSearchParams(ZInventoryQuery, params, inventoryCursorIssues);
}

/** For the API: strict, any bad field is a 400 with field-level issues. */
export function parseInventoryQueryStrict(params: URLSearchParams): z.ZodSafeParseResult<TInventoryQuery> {
  const raw: RawParams = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    raw[key] = all.length > 1 ? all : all[0];
  }
  const parsed = ZInventoryQuery.safeParse(cleanParams(raw));
  if (!parsed.success) return parsed;
  const issues = inventoryCursorIssues(parsed.data);
  return issues.length
    ? {
        success: false,
        error: new z.ZodError(
          issues.map((i) => ({ code: 'custom' as const, path: [i.path], message: i.message, input: undefined })),
        ) as z.ZodError<TInventoryQuery>,
      }
    : parsed;
}

/** The URL query string for a query (defaults left out so links stay short). */
export function inventorySearchParams(query: Partial<TInventoryQuery>): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of INVENTORY_QUERY_KEYS) {
    const v = query[key];
    if (v === undefined || v === '') continue;
    if (key === 'sort' && v === 'name') continue;
    if (key === 'dir' && v === 'asc') continue;
    if (key === 'page' && v === 1) continue;
    if (key === 'pageSize' && v === INVENTORY_DEFAULT_PAGE_SIZE) continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(key, v.join(','));
    } else p.set(key, String(v));
  }
  return p;
}

export const ZUpdateToolOwnershipInput = z.object({
  toolId: ZRecordId,
  owner: zText().trim().max(200, 'Use at most 200 characters'),
  dataClassification: oneOf(['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED'], 'data classification'),
});
export type TUpdateToolOwnershipInput = z.infer<typeof ZUpdateToolOwnershipInput>;
