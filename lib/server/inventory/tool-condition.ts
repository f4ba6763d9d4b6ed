import 'server-only';
import { Prisma } from '@prisma/client';
import { containsPattern, containsText } from '@/lib/server/text-search';

/**
 * One condition on tools in both forms the inventory runs it in: the Prisma filter its pages are
 * read with, and SQL over `"Tool" t` for its bounded count. Prisma puts ORDER BY id on any read
 * with a limit, so a limited count of a selective filter walks the whole id index (issue 9.4);
 * the count is raw SQL without an order instead. Each condition is written once, its two forms
 * side by side, and the count test compares them on every filter (inventory-count.int.test.ts).
 */
export interface ToolCondition {
  where: Prisma.ToolWhereInput;
  sql: Prisma.Sql;
}

/** The Tool columns the inventory filters and pages on, with the SQL type a value is cast to. */
const COLUMN_TYPE = {
  id: null,
  name: null,
  externalId: null,
  description: null,
  publisherId: null,
  publisherName: null,
  registryId: null,
  // Enum and non-text columns: a parameter arrives as text (or a JS number), so it is cast to the
  // column's type; compared the other way round, the column would be cast and its index unused.
  tier: '"Tier"',
  network: '"NetworkLevel"',
  filesystem: '"FilesystemLevel"',
  codeExecution: '"CodeExecutionLevel"',
  dataAccess: '"DataAccessLevel"',
  verificationState: '"VerificationState"',
  trustScore: 'integer',
  updatedAt: 'timestamp(3)',
} as const;
export type ToolColumn = keyof typeof COLUMN_TYPE;
type Value = string | number | Date;

const column = (c: ToolColumn) => Prisma.raw(`t."${c}"`);

/** A value as SQL for column `c`; dates go as ISO text, which a `timestamp` reads as UTC. */
function sqlValue(c: ToolColumn, v: Value): Prisma.Sql {
  const param = v instanceof Date ? v.toISOString() : v;
  const type = COLUMN_TYPE[c];
  return type ? Prisma.sql`CAST(${param} AS ${Prisma.raw(type)})` : Prisma.sql`${param}`;
}

export type CompareOp = 'equals' | 'gt' | 'gte' | 'lt' | 'lte';
const SQL_OP: Record<CompareOp, string> = { equals: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' };

/** `c op v` (a date column takes a Date). */
export function compare(c: ToolColumn, op: CompareOp, v: Value): ToolCondition {
  return {
    where: { [c]: { [op]: v } } as Prisma.ToolWhereInput,
    sql: Prisma.sql`${column(c)} ${Prisma.raw(SQL_OP[op])} ${sqlValue(c, v)}`,
  };
}

export function isNull(c: ToolColumn, yes: boolean): ToolCondition {
  return {
    where: { [c]: yes ? null : { not: null } } as Prisma.ToolWhereInput,
    sql: Prisma.sql`${column(c)} ${Prisma.raw(yes ? 'IS NULL' : 'IS NOT NULL')}`,
  };
}

export function oneOf(c: ToolColumn, values: readonly string[]): ToolCondition {
  if (values.length === 0) return NOTHING;
  return {
    where: { [c]: { in: [...values] } } as Prisma.ToolWhereInput,
    sql: Prisma.sql`${column(c)} IN (${Prisma.join(values.map((v) => sqlValue(c, v)))})`,
  };
}

/** Case-insensitive substring, `%` `_` `\` taken literally (containsText). */
export function textContains(c: ToolColumn, q: string): ToolCondition {
  return {
    where: { [c]: containsText(q) } as Prisma.ToolWhereInput,
    sql: Prisma.sql`${column(c)} ILIKE ${containsPattern(q)}`,
  };
}

const EVERYTHING: ToolCondition = { where: {}, sql: Prisma.sql`TRUE` };
/** Matches no tool: an empty `in` for Prisma, FALSE for SQL (never an empty OR or IN list). */
const NOTHING: ToolCondition = { where: { id: { in: [] } }, sql: Prisma.sql`FALSE` };

const joined = (conditions: readonly ToolCondition[], op: 'AND' | 'OR') =>
  Prisma.join(
    conditions.map((c) => Prisma.sql`(${c.sql})`),
    ` ${op} `,
    '(',
    ')',
  );

export function allOf(conditions: readonly ToolCondition[]): ToolCondition {
  if (conditions.length === 0) return EVERYTHING;
  if (conditions.length === 1) return conditions[0]!;
  return { where: { AND: conditions.map((c) => c.where) }, sql: joined(conditions, 'AND') };
}

export function anyOf(conditions: readonly ToolCondition[]): ToolCondition {
  if (conditions.length === 0) return NOTHING;
  if (conditions.length === 1) return conditions[0]!;
  return { where: { OR: conditions.map((c) => c.where) }, sql: joined(conditions, 'OR') };
}
