import 'server-only';
import type { TInvocationFilter } from '@/lib/validation/invocation-filter';

const DAY_MS = 86_400_000;

/**
 * The WHERE clause of every read of the explorer (page, API, downloads) as parameterized SQL.
 * Each filter is an equality on the leading column of one index ending in ("occurredAt", seq),
 * and the keyset cursor is a row comparison on those two, so the first page, and every later
 * one, is an index range scan newest-first however many events there are.
 */
export function invocationWhere(
  filter: TInvocationFilter,
  cursor: { occurredAt: Date; seq: bigint } | null,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const parts: string[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    parts.push(clause(`$${params.length}`));
  };
  if (filter.agent) add((p) => `"agentName" = ${p}`, filter.agent);
  if (filter.tool) add((p) => `"toolName" = ${p}`, filter.tool);
  if (filter.version) add((p) => `"toolVersion" = ${p}`, filter.version);
  if (filter.status) add((p) => `"resultStatus" = ${p}::"InvocationResult"`, filter.status);
  if (filter.classification) add((p) => `"dataClassification" = ${p}::"DataClassification"`, filter.classification);
  if (filter.approval) add((p) => `approval = ${p}::"InvocationApproval"`, filter.approval);
  if (filter.from) add((p) => `"occurredAt" >= ${p}::timestamp`, `${filter.from}T00:00:00Z`);
  if (filter.to)
    add((p) => `"occurredAt" < ${p}::timestamp`, new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS).toISOString());
  if (cursor) {
    params.push(cursor.occurredAt.toISOString(), cursor.seq.toString());
    parts.push(`("occurredAt", seq) < ($${params.length - 1}::timestamp, $${params.length}::bigint)`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function parseCursor(before: string | undefined): { occurredAt: Date; seq: bigint } | null {
  if (!before) return null;
  const [ms, seq] = before.split('_') as [string, string];
  return { occurredAt: new Date(Number(ms)), seq: BigInt(seq) };
}

export const cursorOf = (row: { occurredAt: Date; seq: bigint }) => `${row.occurredAt.getTime()}_${row.seq}`;
