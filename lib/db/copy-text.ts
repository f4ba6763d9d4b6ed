// PostgreSQL's COPY text format (https://www.postgresql.org/docs/current/sql-copy.html, "Text
// Format"): one line per row, columns separated by tabs, \N for NULL. Inside a value, backslash,
// tab, line feed and carriage return must be written as backslash sequences, or they would read as
// an escape, a column break or a row break. Everything else, Unicode included, goes as it is
// (the connection's client_encoding is UTF-8).

/** The SQL NULL marker of the text format. */
export const COPY_NULL = '\\N';

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One text value as a COPY field; null is \N. */
export function copyText(value: string | null): string {
  if (value === null) return COPY_NULL;
  // Most values (ids, names, hashes) have nothing to escape: no new string then.
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : value;
}

/** A whole number (integer or bigint column) as a COPY field; null is \N. */
export function copyNumber(value: number | bigint | null): string {
  if (value === null) return COPY_NULL;
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError(`not a whole number: ${value}`);
  return value.toString();
}

/**
 * A `timestamp` (without time zone) column as a COPY field. The column holds UTC wall time, like
 * Prisma writes it; PostgreSQL ignores the "Z" of an ISO string for this type, so the stored value
 * is exactly the Date's UTC time to the millisecond.
 */
export function copyTimestamp(value: Date | null): string {
  return value === null ? COPY_NULL : value.toISOString();
}

/**
 * A text[] column as a COPY field: an array literal whose every element is double-quoted (so
 * commas, braces, spaces and the word NULL stay text), with " and \ escaped inside the quotes;
 * then the literal as a whole is escaped like any COPY value.
 */
export function copyTextArray(values: readonly string[] | null): string {
  if (values === null) return COPY_NULL;
  const literal = `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  return copyText(literal);
}
