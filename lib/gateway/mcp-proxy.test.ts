import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';
import { GATEWAY_ERRORS, McpProxy, type CallOutcome, type ProxyHooks } from './mcp-proxy';

/** A server that records what it was sent and answers only when the test says so. */
class FakeServer implements Transport {
  sent: JSONRPCMessage[] = [];
  onmessage?: (m: JSONRPCMessage) => void;
  onclose?: () => void;
  onerror?: (e: Error) => void;
  async start() {}
  async close() {
    this.onclose?.();
  }
  async send(m: JSONRPCMessage) {
    this.sent.push(m);
  }
  answer(m: JSONRPCMessage) {
    this.onmessage?.(m);
  }
}

async function setup(verdict: 'allow' | 'deny' = 'allow', callTimeoutMs = 5_000) {
  const [agent, gatewaySide] = InMemoryTransport.createLinkedPair();
  const server = new FakeServer();
  const outcomes: CallOutcome[] = [];
  const logs: string[] = [];
  const hooks: ProxyHooks<string> = {
    beforeCall: async () =>
      verdict === 'allow' ? { allow: true, context: 'ctx' } : { allow: false, message: 'ToolLedger denied t@1: quarantined' },
    afterCall: (_c, o) => outcomes.push(o),
    onInitialized: () => undefined,
    onToolsChanged: () => undefined,
    log: (m) => logs.push(m),
  };
  const proxy = new McpProxy(gatewaySide, server, hooks, { callTimeoutMs });
  await proxy.start();
  const received: JSONRPCMessage[] = [];
  agent.onmessage = (m) => received.push(m);
  await agent.start();
  const call = (id: number) =>
    agent.send({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'read_file', arguments: { path: '/x' } } });
  const tick = () => new Promise((r) => setTimeout(r, 10));
  return { agent, server, proxy, outcomes, logs, received, call, tick };
}

describe('McpProxy', () => {
  it('passes an allowed call through and reports its outcome; other messages pass unchanged', async () => {
    const t = await setup();
    await t.agent.send({ jsonrpc: '2.0', id: 1, method: 'resources/list' });
    await t.call(2);
    await t.tick();
    expect(t.server.sent.map((m) => ('method' in m ? m.method : ''))).toEqual(['resources/list', 'tools/call']);
    t.server.answer({ jsonrpc: '2.0', id: 2, result: { content: [{ type: 'text', text: 'ok' }] } });
    await t.tick();
    expect(t.received).toEqual([{ jsonrpc: '2.0', id: 2, result: { content: [{ type: 'text', text: 'ok' }] } }]);
    expect(t.outcomes).toMatchObject([{ status: 'success' }]);
  });

  it('answers a denied call with an MCP error naming the reason, and the server never sees it', async () => {
    const t = await setup('deny');
    await t.call(7);
    await t.tick();
    expect(t.server.sent).toEqual([]);
    expect(t.received).toEqual([
      { jsonrpc: '2.0', id: 7, error: { code: GATEWAY_ERRORS.denied, message: 'ToolLedger denied t@1: quarantined' } },
    ]);
  });

  it('counts a tool error result as an error outcome', async () => {
    const t = await setup();
    await t.call(3);
    await t.tick();
    t.server.answer({ jsonrpc: '2.0', id: 3, result: { isError: true, content: [] } });
    await t.tick();
    expect(t.outcomes).toMatchObject([{ status: 'error' }]);
  });

  it('times out a call the server never answers, and keeps serving', async () => {
    const t = await setup('allow', 30);
    await t.call(4);
    await new Promise((r) => setTimeout(r, 80));
    expect(t.received).toMatchObject([{ id: 4, error: { code: GATEWAY_ERRORS.timeout } }]);
    expect(t.outcomes).toMatchObject([{ status: 'timeout' }]);
    await t.call(5);
    await t.tick();
    expect(t.server.sent.filter((m) => 'id' in m && m.id === 5)).toHaveLength(1);
  });

  it('answers pending and later requests with an error when the server exits', async () => {
    const t = await setup();
    await t.call(6);
    await t.tick();
    await t.server.close();
    await t.tick();
    await t.agent.send({ jsonrpc: '2.0', id: 8, method: 'tools/list' });
    await t.tick();
    expect(t.received).toMatchObject([
      { id: 6, error: { code: GATEWAY_ERRORS.downstreamGone } },
      { id: 8, error: { code: GATEWAY_ERRORS.downstreamGone, message: 'the MCP server behind the gateway has exited' } },
    ]);
    expect(t.outcomes).toMatchObject([{ status: 'error' }]);
  });

  it("logs a server's malformed output and goes on; its own requests never reach the agent", async () => {
    const t = await setup();
    t.server.onerror?.(new Error('Unexpected token } in JSON'));
    const listed = t.proxy.request('tools/list');
    await t.tick();
    const own = t.server.sent.at(-1) as { id: string };
    expect(own.id).toMatch(/^toolledger-gateway-/);
    t.server.answer({ jsonrpc: '2.0', id: own.id, result: { tools: [] } });
    await expect(listed).resolves.toEqual({ tools: [] });
    expect(t.received).toEqual([]);
    expect(t.logs.join()).toMatch(/Unexpected token/);
  });
});
