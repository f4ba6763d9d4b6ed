import { parseArgs } from 'node:util';
import { z } from 'zod';

export const USAGE = `Usage:
  toolledger-gateway --url URL --api-key KEY --agent NAME [options] -- COMMAND [ARGS...]
  toolledger-gateway --url URL --api-key KEY --agent NAME [options] --remote URL

Puts ToolLedger between an agent and one MCP server: asks the enforcement API before the server
starts (install) and before every tools/call (invoke), reports every call as an invocation event,
and refuses a server whose tool definitions differ from the approved version's.

Options (each also from the environment):
  --url URL              ToolLedger's address                      TOOLLEDGER_URL
  --api-key KEY          an API key with the enforce and ingest scopes, bound to the agent
                                                                   TOOLLEDGER_API_KEY
  --agent NAME           the agent's name in ToolLedger            TOOLLEDGER_AGENT
  --tool NAME            the server's tool name in ToolLedger (default: from "npx PACKAGE@VERSION")
                                                                   TOOLLEDGER_TOOL
  --tool-version V       the server's version                      TOOLLEDGER_TOOL_VERSION
  --registry NAME        the registry, when two registries hold the tool's name
                                                                   TOOLLEDGER_REGISTRY
  --remote URL           a remote server over streamable HTTP instead of a command
  --fail-open            allow calls when ToolLedger is unreachable (default: refuse); once
                         ToolLedger has answered, the agent environment's policy decides
                                                                   TOOLLEDGER_FAIL_OPEN=true
  --cache-seconds N      reuse an allow for N seconds (0 = ask every call; default 5)
                                                                   TOOLLEDGER_CACHE_SECONDS
  --data-classification  public|internal|confidential|restricted (default internal)
                                                                   TOOLLEDGER_DATA_CLASSIFICATION
  --spool FILE           where undelivered events wait (default ./.toolledger-spool-AGENT.ndjson)
                                                                   TOOLLEDGER_SPOOL
  --call-timeout-ms N    a tools/call the server has not answered by then fails (default 60000)
  --help`;

const ZOptions = z
  .object({
    url: z.url({ error: 'must be a URL such as http://localhost:3000' }),
    apiKey: z.string().min(8, 'is required (an API key with the enforce and ingest scopes)'),
    agent: z.string().min(1, 'is required (the agent name registered in ToolLedger)'),
    tool: z.string().min(1).optional(),
    toolVersion: z.string().min(1).optional(),
    registry: z.string().min(1).optional(),
    remote: z.url({ error: 'must be the URL of a streamable HTTP MCP endpoint' }).optional(),
    command: z.array(z.string()),
    failOpen: z.boolean(),
    cacheSeconds: z.coerce.number().min(0).max(300),
    dataClassification: z.enum(['public', 'internal', 'confidential', 'restricted']),
    spool: z.string().min(1),
    callTimeoutMs: z.coerce.number().int().min(100).max(3_600_000),
  })
  .superRefine((o, ctx) => {
    if (!o.remote && o.command.length === 0)
      ctx.addIssue({ code: 'custom', path: ['command'], message: 'give a command after -- or --remote URL' });
    if (o.remote && o.command.length > 0)
      ctx.addIssue({ code: 'custom', path: ['remote'], message: 'give either --remote or a command, not both' });
  });

export type GatewayOptions = z.infer<typeof ZOptions> & { tool: string; toolVersion: string };

/** `npx -y @scope/pkg@1.2.3 args…` → the package and version it pins (the usual MCP config). */
export function toolFromCommand(command: readonly string[]): { tool: string; version: string } | null {
  const [bin, ...rest] = command;
  if (!bin || !/(^|\/)(npx|pnpx|bunx)$/.test(bin)) return null;
  const spec = rest.find((a) => !a.startsWith('-'));
  const m = spec ? /^(@[^/@]+\/[^@]+|[^@]+)@(\d[^\s]*)$/.exec(spec) : null;
  return m ? { tool: m[1]!, version: m[2]! } : null;
}

export class OptionsError extends Error {}

export function parseGatewayOptions(argv: readonly string[], env: NodeJS.ProcessEnv): GatewayOptions | 'help' {
  const dash = argv.indexOf('--');
  const own = dash === -1 ? argv : argv.slice(0, dash);
  const command = dash === -1 ? [] : argv.slice(dash + 1);
  let values;
  try {
    ({ values } = parseArgs({
      args: [...own],
      options: {
        url: { type: 'string' },
        'api-key': { type: 'string' },
        agent: { type: 'string' },
        tool: { type: 'string' },
        'tool-version': { type: 'string' },
        registry: { type: 'string' },
        remote: { type: 'string' },
        'fail-open': { type: 'boolean' },
        'cache-seconds': { type: 'string' },
        'data-classification': { type: 'string' },
        spool: { type: 'string' },
        'call-timeout-ms': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (e) {
    throw new OptionsError((e as Error).message);
  }
  if (values.help) return 'help';
  const agent = values.agent ?? env.TOOLLEDGER_AGENT ?? '';
  const parsed = ZOptions.safeParse({
    url: values.url ?? env.TOOLLEDGER_URL,
    apiKey: values['api-key'] ?? env.TOOLLEDGER_API_KEY ?? '',
    agent,
    tool: values.tool ?? env.TOOLLEDGER_TOOL,
    toolVersion: values['tool-version'] ?? env.TOOLLEDGER_TOOL_VERSION,
    registry: values.registry ?? env.TOOLLEDGER_REGISTRY,
    remote: values.remote,
    command,
    failOpen: values['fail-open'] ?? env.TOOLLEDGER_FAIL_OPEN === 'true',
    cacheSeconds: values['cache-seconds'] ?? env.TOOLLEDGER_CACHE_SECONDS ?? 5,
    dataClassification: values['data-classification'] ?? env.TOOLLEDGER_DATA_CLASSIFICATION ?? 'internal',
    spool: values.spool ?? env.TOOLLEDGER_SPOOL ?? `.toolledger-spool-${agent.replace(/[^\w.-]/g, '_') || 'agent'}.ndjson`,
    callTimeoutMs: values['call-timeout-ms'] ?? 60_000,
  });
  if (!parsed.success) {
    throw new OptionsError(
      parsed.error.issues
        .map((i) => `--${String(i.path[0]).replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} ${i.message}`)
        .join('\n'),
    );
  }
  const o = parsed.data;
  const inferred = toolFromCommand(o.command);
  const tool = o.tool ?? inferred?.tool;
  const toolVersion = o.toolVersion ?? inferred?.version;
  if (!tool || !toolVersion) {
    throw new OptionsError(
      'cannot tell which tool@version this server is: pass --tool and --tool-version (or run it as "npx PACKAGE@VERSION")',
    );
  }
  return { ...o, tool, toolVersion };
}
