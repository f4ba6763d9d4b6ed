import { rawSqlOf } from '@/lib/db/raw-sql';
import type { SectionContext, TableSection } from './types';

const DAY_MS = 86_400_000;

interface TotalRow {
  environment: string;
  toolName: string;
  toolId: string | null;
  invocations: number;
  errors: number;
  timeouts: number;
  denied: number;
  unapproved: number;
}

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

/**
 * One UTC day's groups, through the raw driver ($1, $2: the day), each group as one JSON text:
 * read as 8 columns, a group cost PGlite's result parser a typed-array copy and a UTF-8 decode per
 * field, more CPU than the aggregate itself (at 5,000 tools a day has about as many groups as
 * events). Not the whole day as one json_agg: at 1M events (11k groups a day) that grew PGlite's
 * WASM heap, which never shrinks, and the build's peak RSS by ~100 MiB.
 */
const DAY_TOTALS = `
  SELECT row_to_json(g)::text AS "group" FROM (
  SELECT COALESCE(a."environment"::text, 'UNKNOWN') AS "environment", e."toolName", e."toolId",
         count(*)::int AS "invocations",
         count(*) FILTER (WHERE e."resultStatus" = 'ERROR')::int AS "errors",
         count(*) FILTER (WHERE e."resultStatus" = 'TIMEOUT')::int AS "timeouts",
         count(*) FILTER (WHERE e."resultStatus" = 'DENIED')::int AS "denied",
         count(*) FILTER (WHERE e."approval" <> 'ALLOWED')::int AS "unapproved"
  ${EVENTS_IN_SCOPE}
   GROUP BY 1, 2, 3) g
   ORDER BY g."environment", g."toolName", g."toolId"`;

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
      const groups = await sql.query<{ group: string }>(DAY_TOTALS, scopeParams(ctx, from, to));
      const day = from.toISOString().slice(0, 10);
      for (let i = 0; i < groups.length; i++) {
        const r = JSON.parse(groups[i]!.group) as TotalRow;
        // Let go of each group once read: the day's groups (~2 MB at 11k) outlive the young
        // generation's collections while they are written, so any still referenced are moved to
        // the old generation, which only a full collection empties (measured: ~2 MB a day).
        (groups as unknown[])[i] = undefined;
        totals.invocations += r.invocations;
        totals.errors += r.errors + r.timeouts;
        totals.unapproved += r.unapproved;
        yield { day, ...r, toolId: r.toolId ?? null };
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
