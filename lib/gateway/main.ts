import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Readable, Writable } from 'node:stream';
import { EventBatcher } from '@/lib/client/event-batcher';
import { ToolLedgerClient } from '@/lib/client/toolledger-client';
import { DecisionGate } from './decision-gate';
import { GenerationWatch } from './generation-watch';
import { DefinitionsCheck } from './definitions-check';
import { invocationEvent, type CallContext } from './invocation-event';
import { McpProxy, type ProxyHooks } from './mcp-proxy';
import { OptionsError, parseGatewayOptions, USAGE, type GatewayOptions } from './options';

export interface GatewayIo {
  stdin: Readable;
  stdout: Writable;
  log: (message: string) => void;
}

const defaultIo = (): GatewayIo => ({
  stdin: process.stdin,
  stdout: process.stdout,
  log: (m) => process.stderr.write(`[toolledger-gateway ${new Date().toISOString()}] ${m}\n`),
});

/** Runs the gateway until the agent goes away; resolves with the exit code. */
export async function runGateway(argv: readonly string[], env: NodeJS.ProcessEnv, io: GatewayIo = defaultIo()): Promise<number> {
  let options: GatewayOptions;
  try {
    const parsed = parseGatewayOptions(argv, env);
    if (parsed === 'help') {
      io.log(`\n${USAGE}`);
      return 0;
    }
    options = parsed;
  } catch (e) {
    if (!(e instanceof OptionsError)) throw e;
    io.log(`${e.message}\n(run with --help for the options)`);
    return 2;
  }
  const { agent, tool, toolVersion: version, registry, failOpen } = options;
  io.log(
    `${agent}: ${tool}@${version} via ToolLedger ${options.url} (${failOpen ? 'fail-open' : 'fail-closed'} until the environment's policy says otherwise, allows cached ${options.cacheSeconds} s)`,
  );

  const client = new ToolLedgerClient({
    baseUrl: options.url,
    apiKey: options.apiKey,
    timeoutMs: 2000,
    retries: 1,
    userAgent: 'toolledger-gateway',
  });
  const events = new EventBatcher({ client, spoolFile: options.spool, onProblem: io.log });
  // Allows are reused only while the generation watch is up, and dropped when governance changes.
  const watch = new GenerationWatch(client, () => gate.invalidate(), io.log);
  const gate: DecisionGate = new DecisionGate(client, {
    agent,
    tool,
    version,
    registry,
    failOpen,
    cacheMs: options.cacheSeconds * 1000,
    cacheTrusted: () => watch.healthy,
    log: io.log,
  });
  if (options.cacheSeconds > 0) watch.start();

  const install = await gate.check('install');
  const refusal = install.allow
    ? undefined
    : `ToolLedger refused to install ${tool}@${version} for ${agent}: ${install.reasons.join('; ')}`;
  if (refusal) io.log(`${refusal}; the server is not started and every request is refused`);
  const downstream: Transport | null = !install.allow
    ? null
    : options.remote
      ? new StreamableHTTPClientTransport(new URL(options.remote))
      : new StdioClientTransport({
          command: options.command[0]!,
          args: options.command.slice(1),
          env: process.env as Record<string, string>,
          stderr: 'inherit',
        });

  const subject = { agent, tool, version, dataClassification: options.dataClassification };
  const definitions = new DefinitionsCheck(
    (cursor) => proxy.request('tools/list', cursor ? { cursor } : undefined) as Promise<{ tools: never[]; nextCursor?: string }>,
    client,
    { agent, tool, version, registry, failOpen: () => gate.failOpen() },
    io.log,
  );
  const denied = (call: CallContext, message: string, data?: unknown) => {
    events.add(invocationEvent(subject, call, { status: 'denied', durationMs: 0, outputBytes: 0 }, definitions.state));
    return { allow: false as const, message, data };
  };

  const hooks: ProxyHooks<CallContext> = {
    async beforeCall(request) {
      const params = (request.params ?? {}) as { name?: unknown; arguments?: unknown };
      const call: CallContext = {
        mcpTool: String(params.name ?? ''),
        startedAt: new Date(),
        inputBytes: Buffer.byteLength(JSON.stringify(params.arguments ?? {})),
        decisionId: null,
        decisionSource: 'gateway',
      };
      await definitions.ready();
      if (definitions.state.blocked)
        return denied(call, `ToolLedger gateway refused ${call.mcpTool}: ${definitions.state.blocked}`);
      const decision = await gate.check('invoke');
      call.decisionId = decision.decisionId;
      call.decisionSource = decision.source;
      if (!decision.allow) {
        return denied(call, `ToolLedger denied ${tool}@${version} for ${agent}: ${decision.reasons.join('; ')}`, {
          decisionId: decision.decisionId,
          reasons: decision.reasons,
        });
      }
      return { allow: true, context: call };
    },
    afterCall: (call, outcome) => events.add(invocationEvent(subject, call, outcome, definitions.state)),
    onInitialized: () => void definitions.refresh(),
    onToolsChanged: () => {
      gate.invalidate();
      void definitions.refresh();
    },
    log: io.log,
  };
  const proxy: McpProxy<CallContext> = new McpProxy(new StdioServerTransport(io.stdin, io.stdout), downstream, hooks, {
    callTimeoutMs: options.callTimeoutMs,
    refusal,
  });

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = async (why: string) => {
      if (stopping) return;
      stopping = true;
      io.log(`stopping (${why}); flushing events`);
      const c = gate.counts;
      io.log(
        `decisions: ${c.cache} cached, ${c.toolledger} asked, ${c.refused} refused, ${c['fail-open']} fail-open, ${c['fail-closed']} fail-closed; generation changes ${watch.changes}, watch lost ${watch.losses}`,
      );
      watch.stop();
      await events.close();
      await proxy.close();
      resolve(0);
    };
    io.stdin.once('end', () => void stop('the agent closed the connection'));
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
    proxy.start().catch((e: Error) => {
      io.log(`could not start: ${e.message}`);
      void stop('start failed');
    });
  });
}
