import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as list } from '@/app/api/v1/events/route';
import { GET as exportEvents } from '@/app/api/v1/events/export/route';
import { GET as verify } from '@/app/api/v1/events/verify/route';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import { buildInvocationWorld, eventLine, type InvocationWorld } from '@/lib/testing/invocation-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import { ingestInvocationEvents } from './ingest-invocation-events';

withTestDatabase();
let world: InvocationWorld;
const DAY = 86_400_000;
const today = new Date();
const day = (offset: number) =>
  new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) + offset * DAY);

beforeAll(async () => {
  world = await buildInvocationWorld(await getPrisma());
  // 12 events over three days; every third by the other agent, every fourth an error.
  // Seconds after midnight, so today's events are never ahead of the clock (ingest refuses
  // events more than five minutes ahead; CI once ran this at 00:10 UTC).
  const body = Array.from({ length: 12 }, (_, i) =>
    eventLine({
      event_id: `read-${i}`,
      timestamp: new Date(day(-(i % 3)).getTime() + i * 1000).toISOString(),
      agent_id: i % 3 === 0 ? world.otherAgent : world.agent,
      result_status: i % 4 === 0 ? 'error' : 'success',
    }),
  ).join('\n');
  await ingestInvocationEvents({ actor: SYSTEM_ACTOR, input: { body, single: false } });
});

const get = (handler: typeof list, path: string, key = world.keys.read) =>
  handler(new NextRequest(`http://localhost${path}`, { headers: { host: 'localhost', authorization: `Bearer ${key}` } }), {
    params: Promise.resolve({}),
  });

describe('reading invocation events through the API', () => {
  it('pages newest first with a cursor, filtered by agent, status and day', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res = await get(list, `/api/v1/events?agent=${world.agent}&limit=3${cursor ? `&before=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as {
        events: { event_id: string; timestamp: string; agent_id: string }[];
        next_cursor: string | null;
      };
      expect(page.events.every((e) => e.agent_id === world.agent)).toBe(true);
      seen.push(...page.events.map((e) => e.event_id));
      cursor = page.next_cursor;
    }
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    const errors = await (await get(list, `/api/v1/events?status=ERROR&from=${day(0).toISOString().slice(0, 10)}`)).json();
    // Errors are events 0, 4 and 8, on days 0, -1 and -2: only event 0 is from today.
    expect(errors.events.map((e: { event_id: string }) => e.event_id)).toEqual(['read-0']);
  });

  it('refuses a bad filter with a 400 naming the field, and a key without the read scope', async () => {
    const bad = await get(list, '/api/v1/events?status=BROKEN');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/^status: Use SUCCESS/);
    expect((await get(list, '/api/v1/events?before=nope')).status).toBe(400);
    expect((await get(list, '/api/v1/events', world.keys.ingest)).status).toBe(403);
  });

  it('streams NDJSON and CSV downloads and records each one in the audit trail', async () => {
    const prisma = await getPrisma();
    const before = await prisma.auditEvent.count({ where: { action: 'invocation.exported' } });
    const nd = await get(exportEvents, `/api/v1/events/export?format=ndjson&agent=${world.otherAgent}`);
    expect(nd.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = (await nd.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      agent_id: world.otherAgent,
      tool_name: 'email-parser',
      permissions_used: ['network:none', 'filesystem:read'],
    });
    const csv = await (await get(exportEvents, '/api/v1/events/export?format=csv')).text();
    const rows = csv.trim().split('\n');
    expect(rows[0]).toMatch(/^seq,event_id,timestamp,received_at,agent_id,/);
    expect(rows).toHaveLength(13);
    expect(await prisma.auditEvent.count({ where: { action: 'invocation.exported' } })).toBe(before + 2);
  });

  it('verifies the chain through the API', async () => {
    const res = await get(verify, '/api/v1/events/verify');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, checked: 12, anchor: { kind: 'genesis' } });
    expect((await get(verify, '/api/v1/events/verify?from=yesterday')).status).toBe(400);
  });

  it('gives the same events as OCSF 1.3.0 API Activity, in pages and in the download', async () => {
    const page = await (await get(list, `/api/v1/events?format=ocsf&agent=${world.otherAgent}&limit=2`)).json();
    expect(page.events).toHaveLength(2);
    expect(page.events[0]).toMatchObject({
      class_uid: 6003,
      type_uid: 600399,
      metadata: { version: '1.3.0' },
      actor: { user: { name: world.otherAgent } },
      api: { operation: 'email-parser', service: { version: '2.1.0' } },
    });
    expect(page.next_cursor).toEqual(expect.any(String));
    expect((await get(list, '/api/v1/events?format=xml')).status).toBe(400);
    const download = await get(exportEvents, `/api/v1/events/export?format=ocsf&agent=${world.otherAgent}`);
    expect(download.headers.get('content-disposition')).toMatch(/\.ocsf\.ndjson"$/);
    const lines = (await download.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((l) => l.class_uid))).toEqual(new Set([6003]));
    expect(lines.map((l) => l.metadata.uid).sort()).toEqual(['read-0', 'read-3', 'read-6', 'read-9']);
  });
});
