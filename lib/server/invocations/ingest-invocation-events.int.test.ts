import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/v1/events/route';
import { getPrisma } from '@/lib/db/client';
import { INGEST_LIMITS } from '@/lib/domain/invocations/parse-batch';
import { buildInvocationWorld, eventLine, type InvocationWorld } from '@/lib/testing/invocation-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import * as ownBatches from './own-batches';

// Spied on, to see the check under the chain lock taken from this process's own batches, and to
// send it to the database as when another instance wrote the batches between.
vi.mock('./own-batches', async (actual) => {
  const real = await actual<typeof import('./own-batches')>();
  return { ...real, ownKeysAfter: vi.fn(real.ownKeysAfter) };
});

withTestDatabase();
let world: InvocationWorld;

beforeAll(async () => {
  world = await buildInvocationWorld(await getPrisma());
});

function post(body: string, key = world.keys.ingest, contentType = 'application/x-ndjson') {
  const req = new NextRequest('http://localhost/api/v1/events', {
    method: 'POST',
    body,
    headers: { host: 'localhost', authorization: `Bearer ${key}`, 'content-type': contentType },
  });
  return POST(req, { params: Promise.resolve({}) });
}

async function count(where: Record<string, unknown> = {}) {
  return (await getPrisma()).invocationEvent.count({ where });
}

describe('POST /api/v1/events', () => {
  it('keeps the valid lines of a batch and names each bad line precisely', async () => {
    const body = [
      eventLine({ event_id: 'mixed-1' }),
      '{"timestamp": ',
      '',
      eventLine({ event_id: 'mixed-3', tool_name: undefined }),
      eventLine({ event_id: 'mixed-4', permissions_used: ['filesystem:delete'] }),
      eventLine({ event_id: 'mixed-5', timestamp: new Date(Date.now() + 3_600_000).toISOString() }),
      eventLine({ event_id: 'mixed-6', timestamp: '2020-01-01T00:00:00Z' }),
      eventLine({ event_id: 'mixed-7', input_schema_hash: 'sha256:abc123' }),
      eventLine({ event_id: 'mixed-8', data_classification: 'secret', result_status: 'success' }),
      eventLine({
        event_id: 'mixed-9',
        result_status: 'error',
        permissions_used: ['code_execution:sandboxed', 'data_access:read-write'],
      }),
    ].join('\n');
    const res = await post(body);
    expect(res.status).toBe(200);
    const out = await res.json();
    expect(out).toMatchObject({ received: 9, accepted: 2, duplicates: 0 });
    expect(out.rejected.map((r: { line: number }) => r.line)).toEqual([2, 4, 5, 6, 7, 8, 9]);
    const byLine = Object.fromEntries(out.rejected.map((r: { line: number; error: string }) => [r.line, r.error]));
    expect(byLine[2]).toMatch(/^not valid JSON/);
    expect(byLine[4]).toMatch(/^tool_name: /);
    expect(byLine[5]).toBe('permissions_used.0: "filesystem:delete": filesystem level must be one of none, read, write');
    expect(byLine[6]).toMatch(/^timestamp: is more than 5 minutes after the server's time/);
    expect(byLine[7]).toMatch(/^timestamp: is before the retention window \(400 days/);
    expect(byLine[8]).toBe('input_schema_hash: must be "sha256:" followed by 64 hex digits');
    expect(byLine[9]).toMatch(/^data_classification: /);
    const stored = await (
      await getPrisma()
    ).invocationEvent.findMany({
      where: { eventId: { in: ['mixed-1', 'mixed-9'] } },
      orderBy: { seq: 'asc' },
    });
    expect(stored.map((e) => e.eventId)).toEqual(['mixed-1', 'mixed-9']);
    expect(stored[1]).toMatchObject({
      resultStatus: 'ERROR',
      codeExecutionUsed: 'SANDBOXED',
      dataAccessUsed: 'READ_WRITE',
      networkUsed: null,
    });
    expect(stored[1]!.prevHash).toBe(stored[0]!.hash);
  });

  it('stores each event once when the same batch comes twice (and inside one batch)', async () => {
    const body = [
      eventLine({ event_id: 'twice-1' }),
      eventLine({ event_id: 'twice-2' }),
      eventLine({ event_id: 'twice-2' }),
    ].join('\n');
    const first = await (await post(body)).json();
    expect(first).toMatchObject({ accepted: 2, duplicates: 1 });
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 3, rejected: [] });
    expect(await count({ eventId: { in: ['twice-1', 'twice-2'] } })).toBe(2);
  });

  it.each([
    ['from this process’s own batches', false],
    ['from the database, as when another instance wrote the batches between', true],
  ])(
    'stores each event once when several senders send the same events at once: the check under the lock %s',
    async (_, otherInstance) => {
      const ownKeysAfter = vi.mocked(ownBatches.ownKeysAfter);
      ownKeysAfter.mockClear();
      if (otherInstance) ownKeysAfter.mockReturnValue(null);
      const tag = otherInstance ? 'racing-db' : 'racing-own';
      // Large enough that every sender looks at the stored ids before the first one commits.
      const body = Array.from({ length: 1_500 }, (_, i) => eventLine({ event_id: `${tag}-${i}` })).join('\n');
      try {
        const answers = await Promise.all([post(body), post(body), post(body)].map(async (r) => (await r).json()));
        expect(answers.reduce((n, a) => n + a.accepted, 0)).toBe(1_500);
        expect(answers.reduce((n, a) => n + a.duplicates, 0)).toBe(3_000);
        expect(await count({ eventId: { startsWith: `${tag}-` } })).toBe(1_500);
        expect(ownKeysAfter).toHaveBeenCalled();
        if (!otherInstance) for (const r of ownKeysAfter.mock.results) expect(r.value).not.toBeNull();
      } finally {
        ownKeysAfter.mockImplementation((await vi.importActual<typeof import('./own-batches')>('./own-batches')).ownKeysAfter);
      }
    },
  );

  it('accepts one JSON event sent as application/json, pretty-printed', async () => {
    const res = await post(
      JSON.stringify(JSON.parse(eventLine({ event_id: 'single-1' })), null, 2),
      world.keys.ingest,
      'application/json',
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: 1, accepted: 1 });
  });

  it('links events to the latest enforcement decision and raises deduplicated alerts', async () => {
    const prisma = await getPrisma();
    const lines = (tool: string, n: number, agent = world.agent, version = '2.1.0') =>
      Array.from({ length: n }, () => eventLine({ tool_name: tool, agent_id: agent, tool_version: version }));
    for (let round = 0; round < 2; round++) {
      const res = await post(
        [
          ...lines(world.tools.allowed, 2),
          ...lines(world.tools.denied, 2),
          ...lines(world.tools.undecided, 2),
          ...lines('ghost-tool', 2),
          ...lines(world.tools.allowed, 1, 'unknown-agent-01'),
          ...lines(world.tools.allowed, 1, world.agent, '9.9.9'),
        ].join('\n'),
      );
      expect((await res.json()).accepted).toBe(10);
    }
    const approvals = await prisma.invocationEvent.groupBy({
      by: ['toolName', 'approval'],
      _count: true,
      where: { eventId: { not: { startsWith: 'mixed' } } },
    });
    const of = (tool: string) =>
      approvals
        .filter((a) => a.toolName === tool)
        .map((a) => a.approval)
        .sort();
    expect(of(world.tools.denied)).toEqual(['DENIED']);
    expect(of(world.tools.undecided)).toEqual(['NO_ALLOW']);
    expect(of('ghost-tool')).toEqual(['UNKNOWN_SUBJECT']);
    expect(of(world.tools.allowed)).toEqual(['ALLOWED', 'UNKNOWN_SUBJECT']);
    const linked = await prisma.invocationEvent.findFirst({
      where: { toolName: world.tools.denied },
      select: { decisionId: true },
    });
    const decision = await prisma.enforcementDecision.findUnique({ where: { id: linked!.decisionId! } });
    expect(decision).toMatchObject({ outcome: 'DENY', toolName: world.tools.denied });

    const alerts = await prisma.alert.findMany({ where: { kind: { startsWith: 'invocation-' } }, orderBy: { title: 'asc' } });
    // Twice the same stream: one alert per condition, not per event or per batch.
    expect(alerts.map((a) => [a.kind, a.severity, a.title])).toEqual([
      ['invocation-unknown-subject', 'MEDIUM', `Invocation by an unknown subject: ${world.agent} → email-parser 9.9.9`],
      ['invocation-unknown-subject', 'MEDIUM', `Invocation by an unknown subject: ${world.agent} → ghost-tool 2.1.0`],
      ['invocation-unknown-subject', 'MEDIUM', 'Invocation by an unknown subject: unknown-agent-01 → email-parser 2.1.0'],
      ['invocation-unapproved-use', 'CRITICAL', `Tool used after enforcement denied it: ${world.agent} → shell-runner 2.1.0`],
      ['invocation-unapproved-use', 'HIGH', `Tool used without an allow decision: ${world.agent} → web-fetcher 2.1.0`],
    ]);
    expect(await prisma.auditEvent.count({ where: { action: 'alert.raised', entityId: { in: alerts.map((a) => a.id) } } })).toBe(
      5,
    );
  });

  it('refuses a key bound to another agent, and a key without the ingest scope', async () => {
    const before = await count();
    const bound = await post(eventLine());
    expect(bound.status).toBe(200);
    const other = await post(eventLine(), world.keys.boundToOther);
    expect(other.status).toBe(403);
    expect((await other.json()).rejected[0]).toMatchObject({
      line: 1,
      error: `agent_id: this API key may only send events of agent "${world.otherAgent}"`,
    });
    expect((await post(eventLine(), world.keys.read)).status).toBe(403);
    expect((await post(eventLine(), world.keys.enforce)).status).toBe(403);
    expect(await count()).toBe(before + 1);
  });

  it('refuses a batch over the line limit and a body over the size cap, keeping nothing', async () => {
    const before = await count();
    const tooMany = await post(Array.from({ length: INGEST_LIMITS.maxLines + 1 }, () => eventLine()).join('\n'));
    expect(tooMany.status).toBe(413);
    expect((await tooMany.json()).error).toBe('The batch has 10001 events; the limit is 10000 per request');
    const huge = await post('x'.repeat(INGEST_LIMITS.maxBodyBytes + 1));
    expect(huge.status).toBe(413);
    const longLine = await post([eventLine(), eventLine({ tool_publisher: 'p'.repeat(INGEST_LIMITS.maxLineBytes) })].join('\n'));
    expect(longLine.status).toBe(200);
    expect((await longLine.json()).rejected).toEqual([
      { line: 2, error: expect.stringMatching(/^line is \d+ bytes; the limit is 16384$/), issues: expect.any(Array) },
    ]);
    expect(await count()).toBe(before + 1);
    expect((await post('   ')).status).toBe(400);
    const allBad = await post('{}\n[1]');
    expect(allBad.status).toBe(422);
  });
});
