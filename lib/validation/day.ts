import { zText } from './text';

/** True for a real calendar day: 2026-02-30 and 2026-13-01 match the shape but are not days. */
export function isCalendarDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC: the latter reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * A UTC day as YYYY-MM-DD (URL filters, date inputs). A value shaped like a date that is not one
 * (2026-13-01) is refused here, before it becomes an Invalid Date that a query or a formatter
 * throws on (a 500 where the reader deserves "Not a real date").
 */
export function zDay(shapeMessage = 'Use a date like 2026-11-25') {
  return zText()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: shapeMessage, abort: true })
    .refine(isCalendarDay, 'Not a real date');
}
