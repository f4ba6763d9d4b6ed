import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBatcher } from './event-batcher';
import type { InvocationEvent } from './events';
import { ToolLedgerHttpError } from './http';
import type { ToolLedgerClient } from './toolledger-client';

const event = (i: number): InvocationEvent => ({
  timestamp: new Date(0).toISOString(),
  agent_id: 'agent',
  tool_name: 'tool',
  tool_version: '1.0.0',
  execution_duration_ms: i,
  permissions_used: [],
  data_classification: 'internal',
  result_status: 'success',
});

/** A fake ToolLedger that stores events by id (idempotent, as the real one is) and can be "down". */
function fakeToolLedger() {
  const stored = new Map<string, InvocationEvent>();
  const state = { down: false, batches: 0 };
  const client = {
    sendEvents: async (events: readonly InvocationEvent[]) => {
      if (state.down) throw new ToolLedgerHttpError('ToolLedger unreachable', null, null);
      state.batches++;
      for (const e of events) stored.set(e.event_id!, e);
      return { accepted: events.length, duplicates: 0, rejected: [] };
    },
  } as unknown as ToolLedgerClient;
  return { client, stored, state };
}

describe('EventBatcher', () => {
  const spoolFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'spool-')), 'events.ndjson');

  it('sends in batches of the configured size and gives every event an id', async () => {
    const t = fakeToolLedger();
    const b = new EventBatcher({ client: t.client, spoolFile: spoolFile(), maxBatch: 3, onProblem: () => undefined });
    for (let i = 0; i < 7; i++) b.add(event(i));
    await b.close();
    expect(t.stored.size).toBe(7);
    expect(t.state.batches).toBe(3);
  });

  it('spools while ToolLedger is down and delivers everything, once, when it is back', async () => {
    const t = fakeToolLedger();
    const file = spoolFile();
    const problems: string[] = [];
    const b = new EventBatcher({ client: t.client, spoolFile: file, onProblem: (m) => problems.push(m) });
    t.state.down = true;
    b.add(event(1));
    b.add(event(2));
    await b.flush();
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(problems.join()).toMatch(/spooled/);
    // A new process (the gateway restarted) drains the same spool with its first flush.
    t.state.down = false;
    const next = new EventBatcher({ client: t.client, spoolFile: file, onProblem: () => undefined });
    next.add(event(3));
    await next.close();
    expect([...t.stored.values()].map((e) => e.execution_duration_ms).sort()).toEqual([1, 2, 3]);
  });

  it('reports refused lines and does not resend them', async () => {
    const problems: string[] = [];
    const client = {
      sendEvents: async () => ({
        accepted: 0,
        duplicates: 0,
        rejected: [{ line: 1, issues: [{ path: 'timestamp', message: 'too far in the future' }] }],
      }),
    } as unknown as ToolLedgerClient;
    const file = spoolFile();
    const b = new EventBatcher({ client, spoolFile: file, onProblem: (m) => problems.push(m) });
    b.add(event(1));
    await b.close();
    expect(problems.join()).toMatch(/refused: timestamp: too far in the future/);
    expect(() => readFileSync(file)).toThrow();
  });
});
