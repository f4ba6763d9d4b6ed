/**
 * The one place dates and numbers are formatted for people. Everything is shown in UTC (the
 * audit trail and evidence packs are in UTC, and a reviewer comparing a screen with a record
 * must see the same time), in one locale, so two pages never disagree about the same instant.
 */
const LOCALE = 'en-GB';
const dayFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' });
const minuteFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const secondFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat(LOCALE);

type DateLike = Date | string | number | null | undefined;

function toDate(value: DateLike): Date | null {
  if (value === null || value === undefined) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** 25 Nov 2026 */
export function formatDate(value: DateLike, empty = '—'): string {
  const d = toDate(value);
  return d ? dayFormat.format(d) : empty;
}

/** 25 Nov 2026, 14:30 (UTC) */
export function formatDateTime(value: DateLike, empty = '—'): string {
  const d = toDate(value);
  return d ? minuteFormat.format(d) : empty;
}

/** 25 Nov 2026, 14:30:05 (UTC): for logs, where order within a minute matters. */
export function formatTimestamp(value: DateLike, empty = '—'): string {
  const d = toDate(value);
  return d ? secondFormat.format(d) : empty;
}

/** 12,345 */
export function formatNumber(value: number | bigint | null | undefined, empty = '—'): string {
  return value === null || value === undefined ? empty : numberFormat.format(value);
}

/** "1 tool", "12 tools": the noun's plural is given when it is not just "+s". */
export function formatCount(n: number, noun: string, plural = `${noun}s`): string {
  return `${numberFormat.format(n)} ${n === 1 ? noun : plural}`;
}

/** YYYY-MM-DD of an instant in UTC: the value a date input and a URL filter use. */
export function isoDay(value: DateLike): string | undefined {
  const d = toDate(value);
  return d ? d.toISOString().slice(0, 10) : undefined;
}
