import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { ingestInvocationEvents } from '@/lib/server/invocations/ingest-invocation-events';
import { buildInvocationWorld, eventLine } from '@/lib/testing/invocation-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import { invocationTotalsSection } from './invocation-totals';

// A day's groups are read as JSON texts of at most 200 groups (invocation-totals.ts): a day of 450
// groups spans three, and its rows must come back once each, in (environment, tool) order.
withTestDatabase();
const DAY = 86_400_000;
const today = new Date(Math.floor(Date.now() / DAY) * DAY);
// Zero-padded lower-case names sort the same under any collation the database may use.
const names = Array.from({ length: 450 }, (_, i) => `tool-${String(i).padStart(3, '0')}`);

beforeAll(async () => {
  await buildInvocationWorld(await getPrisma());
  const at = new Date(Date.now() - 60_000).toISOString();
  // Ingested in reverse, so the order of the rows is the query's and not the ingest's.
  const body = names
    .toReversed()
    .map((tool_name, i) => eventLine({ event_id: `texts-${i}`, timestamp: at, tool_name }))
    .join('\n');
  await ingestInvocationEvents({ actor: SYSTEM_ACTOR, input: { body, single: false } });
});

describe('the invocation totals section over a day of many groups', () => {
  it('returns each group once, in order, across the texts the day is read in', async () => {
    const ctx = {
      db: await getPrisma(),
      scope: { from: new Date(today.getTime() - DAY), to: new Date(today.getTime() + DAY), environments: [], toolIds: [] },
    };
    const rows: Record<string, unknown>[] = [];
    for await (const r of invocationTotalsSection.rows(ctx)) rows.push(r);
    expect(rows.map((r) => r.toolName)).toEqual(names);
    expect(new Set(rows.map((r) => `${r.day} ${r.environment}`))).toEqual(
      new Set([`${new Date(Date.now() - 60_000).toISOString().slice(0, 10)} PRODUCTION`]),
    );
    expect(rows.every((r) => r.invocations === 1 && r.toolId === null)).toBe(true);
    expect(Object.keys(rows[0]!)).toEqual(invocationTotalsSection.columns);
  });
});
