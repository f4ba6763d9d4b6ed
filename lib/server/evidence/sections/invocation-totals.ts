import { rawSqlOf } from '@/lib/db/raw-sql';
import type { SectionContext, TableSection } from './types';

const DAY_MS = 86_400_000;

// A type, not an interface: a section's rows are records (Row), which an interface is not.
type TotalRow = {
  day: string;
  environment: string;
  toolName: string;
  toolId: string | null;
  invocations: number;
  errors: number;
  timeouts: number;
  denied: number;
  unapproved: number;
};

// Events whose agent is in the scope's environments and whose tool is in its tools ($3, $4: arrays,
// empty for all), written with arrays so each text is one prepared statement whatever the scope.
const EVENTS_IN_SCOPE = `
    FROM "InvocationEvent" e LEFT JOIN "Agent" a ON a."id" = e."agentId"
   WHERE e."occurredAt" >= $1::timestamp AND e."occurredAt" < $2::timestamp
     AND (cardinality($3::text[]) = 0 OR a."environment"::text = ANY($3::text[]))
     AND (cardinality($4::text[]) = 0 OR e."toolId" = ANY($4::text[]))`;

const scopeParams = ({ scope }: SectionContext, from: Date, to: Date) => [
  from.toISOString(),
  to.toISOString(),
  scope.environments,
  scope.toolIds,
];

/** Groups a JSON text holds at most (~160 bytes each): well under V8's 128 KiB large-object size. */
const GROUPS_PER_TEXT = 200;

/**
 * One UTC day's groups, through the raw driver ($1, $2: the day; $5: the day as text, the rows'
 * first column), as JSON texts of up to GROUPS_PER_TEXT groups in order: read as 8 columns, a
 * group cost PGlite's result parser a typed-array copy and a UTF-8 decode per field, more CPU than
 * the aggregate itself (at 5,000 tools a day has about as many groups as events); read as one
 * text each, ~1 KB of JavaScript heap a group (measured), garbage the build's peak carries. Not
 * the whole day as one json_agg: at 1M events (11k groups a day) that grew PGlite's WASM heap,
 * which never shrinks, and the build's peak RSS by ~100 MiB.
 */
const DAY_TOTALS = `
  SELECT (x.n - 1) / $6::int AS "part", json_agg(x.g ORDER BY x.n)::text AS "groups" FROM (
  SELECT row_number() OVER (ORDER BY g."environment", g."toolName", g."toolId") AS n, g FROM (
  SELECT $5::text AS "day", COALESCE(a."environment"::text, 'UNKNOWN') AS "environment", e."toolName", e."toolId",
         count(*)::int AS "invocations",
         count(*) FILTER (WHERE e."resultStatus" = 'ERROR')::int AS "errors",
         count(*) FILTER (WHERE e."resultStatus" = 'TIMEOUT')::int AS "timeouts",
         count(*) FILTER (WHERE e."resultStatus" = 'DENIED')::int AS "denied",
         count(*) FILTER (WHERE e."approval" <> 'ALLOWED')::int AS "unapproved"
  ${EVENTS_IN_SCOPE}
   GROUP BY 2, 3, 4) g) x
   GROUP BY 1 ORDER BY 1`;

/**
 * The period's totals, summed from the rows as they stream (a second pass over a million events
 * would cost as much again). Keyed by the build's context: two builds at once keep their own.
 */
const totalsOf = new WeakMap<SectionContext, { invocations: number; errors: number; unapproved: number }>();

/**
 * How often each tool was invoked, per environment (of the reporting agent) and UTC day of the
 * call. Aggregated one day at a time, so memory holds one day's groups (tools × environments),
 * never the events: a quarter of a million events a day costs what a quiet day does. One
 * aggregate over the quarter would group the same rows and hold every group of the quarter in
 * memory at once (not measured against this).
 * Read through the raw driver: Prisma's conversion of each group row cost as much as the query.
 */
export const invocationTotalsSection: TableSection = {
  kind: 'invocation-totals',
  shape: 'table',
  columns: ['day', 'environment', 'toolName', 'toolId', 'invocations', 'errors', 'timeouts', 'denied', 'unapproved'],
  async *rows(ctx) {
    const { db, scope } = ctx;
    const sql = rawSqlOf(db);
    const totals = { invocations: 0, errors: 0, unapproved: 0 };
    totalsOf.set(ctx, totals);
    for (let start = scope.from.getTime(); start < scope.to.getTime(); start += DAY_MS) {
      const from = new Date(start);
      const to = new Date(Math.min(start + DAY_MS, scope.to.getTime()));
      const day = from.toISOString().slice(0, 10);
      const texts = await sql.query<{ groups: string }>(DAY_TOTALS, [...scopeParams(ctx, from, to), day, GROUPS_PER_TEXT]);
      for (let i = 0; i < texts.length; i++) {
        const groups = JSON.parse(texts[i]!.groups) as TotalRow[];
        // Let go of each text once read: the day's texts (~2 MB at 11k groups) outlive the young
        // generation's collections while they are written, so any still referenced are moved to
        // the old generation, which only a full collection empties (measured: ~2 MB a day).
        (texts as unknown[])[i] = undefined;
        for (const r of groups) {
          totals.invocations += r.invocations;
          totals.errors += r.errors + r.timeouts;
          totals.unapproved += r.unapproved;
          yield r;
        }
      }
    }
  },
  async summary(ctx) {
    const totals = totalsOf.get(ctx) ?? (await countTotals(ctx));
    return { totals, dayOf: 'occurredAt (UTC), the time the agent reported' };
  },
};

/** The totals counted in the database, for a summary asked without the rows (not in a build). */
async function countTotals(ctx: SectionContext) {
  const [t] = await rawSqlOf(ctx.db).query<{ invocations: number; errors: number; unapproved: number }>(
    `SELECT count(*)::int AS "invocations",
            count(*) FILTER (WHERE e."resultStatus" IN ('ERROR', 'TIMEOUT'))::int AS "errors",
            count(*) FILTER (WHERE e."approval" <> 'ALLOWED')::int AS "unapproved"
     ${EVENTS_IN_SCOPE}`,
    scopeParams(ctx, ctx.scope.from, ctx.scope.to),
  );
  return t ?? { invocations: 0, errors: 0, unapproved: 0 };
}
