/** A pack's period as days (YYYY-MM-DD, UTC, inclusive) turned into the [from, to) instants sections query. */
export interface PackPeriod {
  from: Date;
  /** Exclusive: midnight after the last day. */
  to: Date;
}

const DAY_MS = 86_400_000;

export function periodOfDays(from: string, to: string): PackPeriod {
  return { from: new Date(`${from}T00:00:00.000Z`), to: new Date(new Date(`${to}T00:00:00.000Z`).getTime() + DAY_MS) };
}

/**
 * What is wrong with a period, per field: reversed, or ending after today (a pack of the future
 * would claim completeness for days that have not happened). Shapes are checked by zDay first.
 */
export function periodIssues(from: string, to: string, now: Date): { path: 'from' | 'to'; message: string }[] {
  const today = now.toISOString().slice(0, 10);
  const issues: { path: 'from' | 'to'; message: string }[] = [];
  if (to < from) issues.push({ path: 'to', message: 'The period ends before it starts' });
  if (from > today) issues.push({ path: 'from', message: 'The period cannot start in the future' });
  if (to > today) issues.push({ path: 'to', message: `The period cannot end after today (${today})` });
  return issues;
}
