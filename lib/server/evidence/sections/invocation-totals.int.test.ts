import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { ingestInvocationEvents } from '@/lib/server/invocations/ingest-invocation-events';
import { createAgent } from '@/lib/testing/factories';
import { buildInvocationWorld, eventLine } from '@/lib/testing/invocation-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import { invocationTotalsSection } from './invocation-totals';
import type { PackScope, SectionContext } from './types';

withTestDatabase();
const DAY = 86_400_000;
const today = new Date(Math.floor(Date.now() / DAY) * DAY);
let emailParserId = '';

beforeAll(async () => {
  const prisma = await getPrisma();
  await buildInvocationWorld(prisma);
  await createAgent(prisma, { name: 'staging-agent', environment: 'STAGING' });
  emailParserId = (await prisma.tool.findFirstOrThrow({ where: { name: 'email-parser' } })).id;
  const at = new Date(Date.now() - 60_000).toISOString();
  const body = [
    eventLine({ event_id: 't-1', timestamp: at }),
    eventLine({ event_id: 't-2', timestamp: at, result_status: 'error' }),
    eventLine({ event_id: 't-3', timestamp: at, agent_id: 'staging-agent' }),
    eventLine({ event_id: 't-4', timestamp: at, tool_name: 'not-in-the-inventory' }),
  ].join('\n');
  await ingestInvocationEvents({ actor: SYSTEM_ACTOR, input: { body, single: false } });
});

type Totals = { invocations: number; errors: number; unapproved: number };
const totalsIn = (summary: unknown) => (summary as { totals: Totals }).totals;

async function totals(over: Partial<PackScope>) {
  const scope: PackScope = {
    from: new Date(today.getTime() - DAY),
    to: new Date(today.getTime() + DAY),
    environments: [],
    toolIds: [],
    ...over,
  };
  const ctx: SectionContext = { db: await getPrisma(), scope };
  const rows: Record<string, unknown>[] = [];
  for await (const r of invocationTotalsSection.rows(ctx)) rows.push(r);
  // A summary asked without the rows counts in the database: it must agree with the rows.
  const counted = await invocationTotalsSection.summary!({ ...ctx });
  return { rows, streamed: totalsIn(await invocationTotalsSection.summary!(ctx)), counted: totalsIn(counted) };
}

describe('the invocation totals section', () => {
  it('groups by day, environment and tool; the counted summary equals the streamed one for every scope', async () => {
    const all = await totals({});
    expect(all.rows.map((r) => [r.environment, r.toolName, r.invocations, r.errors])).toEqual([
      ['PRODUCTION', 'email-parser', 2, 1],
      ['PRODUCTION', 'not-in-the-inventory', 1, 0],
      ['STAGING', 'email-parser', 1, 0],
    ]);
    expect(all.streamed).toEqual({ invocations: 4, errors: 1, unapproved: expect.any(Number) });
    expect(all.counted).toEqual(all.streamed);

    const staging = await totals({ environments: ['STAGING'] });
    expect(staging.rows.map((r) => [r.environment, r.toolName])).toEqual([['STAGING', 'email-parser']]);
    expect(staging.counted).toEqual(staging.streamed);

    const oneTool = await totals({ environments: ['PRODUCTION'], toolIds: [emailParserId] });
    expect(oneTool.rows.map((r) => [r.environment, r.toolName, r.invocations])).toEqual([['PRODUCTION', 'email-parser', 2]]);
    expect(oneTool.counted).toEqual({ invocations: 2, errors: 1, unapproved: oneTool.streamed.unapproved });

    expect((await totals({ environments: ['DEVELOPMENT'] })).counted).toEqual({ invocations: 0, errors: 0, unapproved: 0 });
  });
});
