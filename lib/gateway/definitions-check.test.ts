import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToolLedgerHttpError } from '@/lib/client/http';
import type { ToolLedgerClient } from '@/lib/client/toolledger-client';
import { DefinitionsCheck } from './definitions-check';

const accepted = {
  accepted: true,
  verdict: 'MATCH',
  hash: 'sha256:aa',
  pinnedHash: 'sha256:aa',
  findings: [],
  declaredPermissions: ['filesystem:read'],
};

function check(report: () => Promise<unknown>, failOpen = false) {
  const client = { reportDefinitions: vi.fn(report) } as unknown as ToolLedgerClient & {
    reportDefinitions: ReturnType<typeof vi.fn>;
  };
  const list = async () => ({ tools: [{ name: 'read_file', description: 'Reads a file', inputSchema: { type: 'object' } }] });
  const c = new DefinitionsCheck(
    list,
    client,
    { agent: 'a', tool: 't', version: '1', failOpen: () => failOpen },
    () => undefined,
  );
  return { c, client };
}

describe('DefinitionsCheck', () => {
  afterEach(() => vi.useRealTimers());

  it('refuses while ToolLedger cannot answer (fail-closed), and checks again on a later call once the retry interval has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    let down = true;
    const { c, client } = check(async () => {
      if (down) throw new ToolLedgerHttpError('ToolLedger timed out', null, null);
      return accepted;
    });
    await c.ready();
    expect(c.state.blocked).toMatch(/not checked/);
    await c.ready(); // within the interval: no new request
    expect(client.reportDefinitions).toHaveBeenCalledTimes(1);
    down = false;
    vi.setSystemTime(Date.now() + 11_000);
    await c.ready();
    expect(client.reportDefinitions).toHaveBeenCalledTimes(2);
    expect(c.state).toMatchObject({ blocked: null, declaredPermissions: ['filesystem:read'] });
    vi.setSystemTime(Date.now() + 60_000);
    await c.ready(); // settled: the verdict stands until the server announces a change
    expect(client.reportDefinitions).toHaveBeenCalledTimes(2);
  });

  it('lets calls through unchecked while ToolLedger is down when the fail mode is open', async () => {
    const { c } = check(async () => {
      throw new ToolLedgerHttpError('ToolLedger unreachable', null, null);
    }, true);
    await c.ready();
    expect(c.state.blocked).toBeNull();
  });

  it('blocks on a refusal verdict (changed definitions)', async () => {
    const { c } = check(async () => ({ ...accepted, accepted: false, verdict: 'CHANGED', pinnedHash: 'sha256:bb' }));
    await c.ready();
    expect(c.state.blocked).toMatch(/differ from the approved ones/);
  });
});
