import 'server-only';

/**
 * A case-insensitive "contains" filter for Prisma, taken literally: Prisma passes `contains` to
 * ILIKE as is, so `%`, `_` and `\` are escaped to mean themselves. On the columns with a trigram
 * index (migration trigram_search) PostgreSQL and PGlite answer it from the index.
 */
export function containsText(q: string) {
  return { contains: q.replace(/[\\%_]/g, (c) => `\\${c}`), mode: 'insensitive' as const };
}
