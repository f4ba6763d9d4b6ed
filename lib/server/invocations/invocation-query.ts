import 'server-only';
import type { AuditWindow } from '@/lib/server/engagements/auditor-scope';
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
  /** An auditor's open audits (auditorWindows); null: not scoped. */
  windows: AuditWindow[] | null = null,
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
  if (windows) parts.push(windowsSql(windows, params));
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

/**
 * An auditor's events (ADR 0010): the call happened (occurredAt) inside one open audit's period,
 * on an agent of that audit's environments; an unknown agent's call (no agentId) counts only in
 * an audit of every environment. No open audit: nothing.
 */
function windowsSql(windows: AuditWindow[], params: unknown[]): string {
  if (!windows.length) return 'FALSE';
  const p = (value: unknown) => `$${params.push(value)}`;
  const each = windows.map((w) => {
    const envs = w.environments.map((e) => `${p(e)}::"Environment"`).join(', ');
    const known = envs ? `"agentId" IN (SELECT id FROM "Agent" WHERE environment IN (${envs}))` : 'FALSE';
    const agent = w.environments.length === 3 ? `(${known} OR "agentId" IS NULL)` : known;
    return `("occurredAt" >= ${p(w.from.toISOString())}::timestamp AND "occurredAt" < ${p(w.to.toISOString())}::timestamp AND ${agent})`;
  });
  return `(${each.join(' OR ')})`;
}
