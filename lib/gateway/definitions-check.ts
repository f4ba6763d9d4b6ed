import { createHash } from 'node:crypto';
import { ToolLedgerHttpError } from '@/lib/client/http';
import type { ToolLedgerClient } from '@/lib/client/toolledger-client';
import { canonicalJson } from '@/lib/domain/canonical-json';

interface ListedTool {
  name: string;
  description?: string;
  inputSchema?: unknown;
  outputSchema?: unknown;
}

export interface DefinitionsState {
  /** Why calls are refused (changed or poisoned definitions, or not checked while fail-closed); null = fine. */
  blocked: string | null;
  /** `sha256:` of each tool's input and output schema, for the events. */
  schemaHashes: Map<string, { input: string; output: string | null }>;
  /** The version's declared permissions as `dimension:level` (from ToolLedger). */
  declaredPermissions: string[];
}

const RETRY_MS = 10_000;

const sha256 = (value: unknown) => `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;

/**
 * Lists the server's tools (following pagination), reports them to ToolLedger and keeps its
 * verdict. Calls wait for the first check; a later one (the server announced a change) blocks
 * calls as soon as its verdict is a refusal.
 */
export class DefinitionsCheck {
  state: DefinitionsState = { blocked: 'tool definitions not checked yet', schemaHashes: new Map(), declaredPermissions: [] };
  private current: Promise<void> | null = null;
  /** False until ToolLedger has given a verdict on the current definitions: the next call checks again. */
  private settled = false;

  constructor(
    private readonly list: (cursor?: string) => Promise<{ tools: ListedTool[]; nextCursor?: string }>,
    private readonly client: ToolLedgerClient,
    private readonly subject: { agent: string; tool: string; version: string; registry?: string; failOpen: () => boolean },
    private readonly log: (m: string) => void,
  ) {}

  /**
   * Resolves once a check has finished: the one running now, or a first one started here when a
   * call arrives before the agent's `initialized` notification was handled (they race).
   */
  ready(): Promise<void> {
    // A check that ToolLedger could not answer (down, slow) is tried again by a later call, at most
    // every RETRY_MS, so one slow answer does not leave the gateway refusing (or unchecked) for good
    // and calls do not each wait on a ToolLedger that is down.
    if (!this.current) return this.refresh();
    if (this.settled || this.running || Date.now() - this.startedAt < RETRY_MS) return this.current;
    return this.refresh();
  }

  private running = false;
  private startedAt = 0;

  refresh(): Promise<void> {
    this.running = true;
    this.startedAt = Date.now();
    this.settled = false;
    this.current = this.run()
      .catch((e: Error) => {
        this.state = { ...this.state, blocked: `tool definitions could not be checked: ${e.message}` };
        this.log(this.state.blocked!);
      })
      .finally(() => {
        this.running = false;
      });
    return this.current;
  }

  private async run(): Promise<void> {
    const tools: ListedTool[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const res = await this.list(cursor);
      tools.push(...res.tools);
      cursor = res.nextCursor;
      if (!cursor) break;
    }
    const schemaHashes = new Map(
      tools.map((t) => [t.name, { input: sha256(t.inputSchema ?? {}), output: t.outputSchema ? sha256(t.outputSchema) : null }]),
    );
    const { agent, tool, version, registry } = this.subject;
    try {
      const answer = await this.client.reportDefinitions({
        agent,
        tool,
        version,
        ...(registry ? { registry } : {}),
        definitions: tools.map((t) => ({ name: t.name, description: t.description ?? null, inputSchema: t.inputSchema ?? null })),
      });
      const why =
        answer.verdict === 'CHANGED'
          ? `the tool definitions of ${tool}@${version} differ from the approved ones (hash ${answer.hash.slice(0, 12)}…, approved ${answer.pinnedHash?.slice(0, 12)}…)`
          : `the tool definitions of ${tool}@${version} hold ${answer.findings
              .filter((f) => f.severity === 'CRITICAL')
              .map((f) => `${f.label.toLowerCase()} in ${f.tool}`)
              .join(', ')}`;
      this.state = { blocked: answer.accepted ? null : why, schemaHashes, declaredPermissions: answer.declaredPermissions };
      this.settled = true;
      if (!answer.accepted) this.log(`refusing calls: ${why}`);
    } catch (e) {
      if (!(e instanceof ToolLedgerHttpError) || !e.unreachable) throw e;
      const failOpen = this.subject.failOpen();
      const mode = failOpen ? 'fail-open' : 'fail-closed';
      this.log(`tool definitions not checked, ToolLedger unreachable (${e.message}); ${mode}`);
      this.state = {
        ...this.state,
        schemaHashes,
        blocked: failOpen
          ? null
          : 'ToolLedger is unreachable, so the tool definitions are not checked, and the gateway fails closed',
      };
    }
  }
}
