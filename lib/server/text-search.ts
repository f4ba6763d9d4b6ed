import 'server-only';

/** `q` with the LIKE wildcards `%`, `_` and the escape `\` escaped to mean themselves. */
const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A case-insensitive "contains" filter for Prisma, taken literally: Prisma passes `contains` to
 * ILIKE as is, so `%`, `_` and `\` are escaped to mean themselves. On the columns with a trigram
 * index (migration trigram_search) PostgreSQL and PGlite answer it from the index.
 */
export function containsText(q: string) {
  return { contains: escapeLike(q), mode: 'insensitive' as const };
}

/** The ILIKE pattern Prisma makes of containsText(q), for raw SQL that must match the same rows. */
export function containsPattern(q: string): string {
  return `%${escapeLike(q)}%`;
}
