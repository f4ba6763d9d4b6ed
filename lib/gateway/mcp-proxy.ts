import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  isJSONRPCErrorResponse,
  isJSONRPCNotification,
  isJSONRPCRequest,
  isJSONRPCResultResponse,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type RequestId,
} from '@modelcontextprotocol/sdk/types.js';

/** JSON-RPC error codes the gateway answers with (the -32000..-32099 range is the server's own). */
export const GATEWAY_ERRORS = {
  denied: -32001,
  downstreamGone: -32002,
  timeout: -32003,
} as const;

export interface CallOutcome {
  status: 'success' | 'error' | 'timeout';
  durationMs: number;
  /** Bytes of the result (or error) as JSON. */
  outputBytes: number;
}

export type CallVerdict<C> = { allow: true; context: C } | { allow: false; message: string; data?: unknown };

export interface ProxyHooks<C> {
  /** Before a tools/call reaches the server: may refuse it. */
  beforeCall(request: JSONRPCRequest): Promise<CallVerdict<C>>;
  afterCall(context: C, outcome: CallOutcome): void;
  /** The agent finished initializing the session: the server can now be asked for its tools. */
  onInitialized(): void;
  /** The server announced its tool list changed. */
  onToolsChanged(): void;
  log(message: string): void;
}

const OWN_ID_PREFIX = 'toolledger-gateway-';

/**
 * A JSON-RPC message relay between the agent and one MCP server, on the official SDK's
 * transports, so every message the two exchange (capabilities, resources, prompts, sampling,
 * progress, cancellation) passes unchanged. Only tools/call is held back for the gate, and the
 * gateway's own requests (tools/list, to hash the definitions) use ids the agent never sees.
 */
export class McpProxy<C> {
  private ownSeq = 0;
  private readonly own = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly calls = new Map<RequestId, { context: C; started: number; timer: NodeJS.Timeout }>();
  private downstreamGone: string | null = null;

  constructor(
    private readonly agent: Transport,
    /** null when the server may not start: every request is answered with `refusal`. */
    private readonly downstream: Transport | null,
    private readonly hooks: ProxyHooks<C>,
    private readonly options: { callTimeoutMs: number; refusal?: string },
  ) {}

  async start(): Promise<void> {
    this.agent.onmessage = (m) =>
      void this.fromAgent(m).catch((e) => this.hooks.log(`agent message failed: ${(e as Error).message}`));
    this.agent.onerror = (e) => this.hooks.log(`agent transport: ${e.message}`);
    if (this.downstream) {
      this.downstream.onmessage = (m) => this.fromDownstream(m);
      // A server that prints malformed JSON-RPC is reported, and the session goes on.
      this.downstream.onerror = (e) => this.hooks.log(`server transport: ${e.message}`);
      this.downstream.onclose = () => this.onDownstreamClosed();
      await this.downstream.start();
    }
    await this.agent.start();
  }

  /** The gateway's own request to the server (never forwarded to the agent). */
  request(method: string, params?: Record<string, unknown>): Promise<unknown> {
    if (!this.downstream || this.downstreamGone) return Promise.reject(new Error(this.downstreamGone ?? 'no server'));
    const id = `${OWN_ID_PREFIX}${++this.ownSeq}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.own.delete(id);
        reject(new Error(`${method} not answered within ${this.options.callTimeoutMs} ms`));
      }, this.options.callTimeoutMs);
      this.own.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      void this.downstream!.send({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) }).catch((e: Error) => {
        this.own.delete(id);
        clearTimeout(timer);
        reject(e);
      });
    });
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.downstream?.close(), this.agent.close()]);
  }

  private async fromAgent(message: JSONRPCMessage): Promise<void> {
    if (isJSONRPCRequest(message)) {
      const refusal = this.options.refusal ?? this.downstreamGone;
      if (refusal)
        return this.answerError(
          message.id,
          this.options.refusal ? GATEWAY_ERRORS.denied : GATEWAY_ERRORS.downstreamGone,
          refusal,
        );
      if (message.method === 'tools/call') return this.gateCall(message);
    }
    if (
      isJSONRPCNotification(message) &&
      message.method === 'notifications/initialized' &&
      this.downstream &&
      !this.downstreamGone
    ) {
      await this.downstream.send(message);
      this.hooks.onInitialized();
      return;
    }
    if (this.downstream && !this.downstreamGone) await this.downstream.send(message);
  }

  private async gateCall(request: JSONRPCRequest): Promise<void> {
    const verdict = await this.hooks.beforeCall(request);
    if (!verdict.allow) return this.answerError(request.id, GATEWAY_ERRORS.denied, verdict.message, verdict.data);
    const timer = setTimeout(() => this.timeOut(request.id), this.options.callTimeoutMs);
    this.calls.set(request.id, { context: verdict.context, started: performance.now(), timer });
    await this.downstream!.send(request);
  }

  private fromDownstream(message: JSONRPCMessage): void {
    if (
      (isJSONRPCResultResponse(message) || isJSONRPCErrorResponse(message)) &&
      typeof message.id === 'string' &&
      this.own.has(message.id)
    ) {
      const waiter = this.own.get(message.id)!;
      this.own.delete(message.id);
      if (isJSONRPCErrorResponse(message)) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
      return;
    }
    if (
      (isJSONRPCResultResponse(message) || isJSONRPCErrorResponse(message)) &&
      message.id !== undefined &&
      this.calls.has(message.id)
    ) {
      const call = this.calls.get(message.id)!;
      this.calls.delete(message.id);
      clearTimeout(call.timer);
      const isError = isJSONRPCErrorResponse(message) || (message.result as { isError?: boolean }).isError === true;
      const body = isJSONRPCErrorResponse(message) ? message.error : message.result;
      this.hooks.afterCall(call.context, {
        status: isError ? 'error' : 'success',
        durationMs: performance.now() - call.started,
        outputBytes: Buffer.byteLength(JSON.stringify(body) ?? ''),
      });
    }
    if (isJSONRPCNotification(message) && message.method === 'notifications/tools/list_changed') this.hooks.onToolsChanged();
    void this.agent.send(message).catch((e: Error) => this.hooks.log(`could not pass a message to the agent: ${e.message}`));
  }

  private timeOut(id: RequestId): void {
    const call = this.calls.get(id);
    if (!call) return;
    this.calls.delete(id);
    this.hooks.afterCall(call.context, { status: 'timeout', durationMs: performance.now() - call.started, outputBytes: 0 });
    void this.answerError(id, GATEWAY_ERRORS.timeout, `the tool did not answer within ${this.options.callTimeoutMs} ms`);
  }

  private onDownstreamClosed(): void {
    this.downstreamGone = 'the MCP server behind the gateway has exited';
    this.hooks.log(this.downstreamGone);
    for (const [id, call] of this.calls) {
      clearTimeout(call.timer);
      this.hooks.afterCall(call.context, { status: 'error', durationMs: performance.now() - call.started, outputBytes: 0 });
      void this.answerError(id, GATEWAY_ERRORS.downstreamGone, this.downstreamGone);
    }
    this.calls.clear();
    for (const waiter of this.own.values()) waiter.reject(new Error(this.downstreamGone));
    this.own.clear();
  }

  private async answerError(id: RequestId, code: number, message: string, data?: unknown): Promise<void> {
    await this.agent.send({ jsonrpc: '2.0', id, error: { code, message, ...(data === undefined ? {} : { data }) } });
  }
}
