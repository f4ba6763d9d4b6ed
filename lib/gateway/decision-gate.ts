import type { ToolLedgerClient } from '@/lib/client/toolledger-client';
import { ToolLedgerHttpError } from '@/lib/client/http';

export interface GateDecision {
  allow: boolean;
  /** Why, as a person reads it: ToolLedger's reasons, or why ToolLedger was not asked. */
  reasons: string[];
  decisionId: string | null;
  /** Where the answer came from: ToolLedger, a cached allow, or the fail mode when unreachable. */
  source: 'toolledger' | 'cache' | 'fail-open' | 'fail-closed' | 'refused';
}

export interface DecisionGateOptions {
  agent: string;
  tool: string;
  version: string;
  registry?: string;
  /**
   * What to do while ToolLedger is unreachable before it has ever answered. Once it has, the
   * environment's policy decides (`failMode` in every enforcement answer): a production policy
   * that says fail-closed cannot be loosened by one gateway's flag.
   */
  failOpen: boolean;
  /** How long an allow for `invoke` is reused; 0 asks every call. A deny is never reused. */
  cacheMs: number;
  /** Allows are cached only while this says ToolLedger's generation watch is up. */
  cacheTrusted?: () => boolean;
  log: (message: string) => void;
  now?: () => number;
}

/**
 * Asks ToolLedger's enforcement API for this agent, tool and version. Only allows are cached, and
 * only for invocations, so an approval takes effect on the next call; a revocation or quarantine
 * empties the cache through `invalidate`, which the gateway calls the moment ToolLedger's
 * enforcement generation moves (GenerationWatch), and nothing is cached while that watch is down.
 */
export class DecisionGate {
  private cachedAllow: { until: number; decisionId: string } | null = null;
  /** The fail mode of the agent's environment, from ToolLedger's latest answer (null: none yet). */
  private policyFailOpen: boolean | null = null;
  /** How many answers came from each source, printed when the gateway stops (and read by the bench). */
  readonly counts: Record<GateDecision['source'], number> = {
    toolledger: 0,
    cache: 0,
    'fail-open': 0,
    'fail-closed': 0,
    refused: 0,
  };

  constructor(
    private readonly client: ToolLedgerClient,
    private readonly options: DecisionGateOptions,
  ) {}

  /** The fail mode in force: the environment's policy once ToolLedger has answered, else this gateway's option. */
  failOpen(): boolean {
    return this.policyFailOpen ?? this.options.failOpen;
  }

  invalidate(): void {
    this.cachedAllow = null;
  }

  async check(action: 'install' | 'invoke'): Promise<GateDecision> {
    const decision = await this.decide(action);
    this.counts[decision.source]++;
    return decision;
  }

  private async decide(action: 'install' | 'invoke'): Promise<GateDecision> {
    const now = (this.options.now ?? Date.now)();
    if (action === 'invoke' && this.cachedAllow && this.cachedAllow.until > now && (this.options.cacheTrusted?.() ?? true)) {
      return { allow: true, reasons: [], decisionId: this.cachedAllow.decisionId, source: 'cache' };
    }
    const { agent, tool, version, registry } = this.options;
    try {
      const answer = await this.client.enforce({ agent, tool, version, action, ...(registry ? { registry } : {}) });
      if (answer.failMode) this.policyFailOpen = answer.failMode === 'open';
      const allow = answer.decision === 'allow';
      if (allow && action === 'invoke' && this.options.cacheMs > 0 && (this.options.cacheTrusted?.() ?? true)) {
        this.cachedAllow = { until: now + this.options.cacheMs, decisionId: answer.decisionId };
      } else if (!allow) {
        this.cachedAllow = null;
      }
      return { allow, reasons: answer.reasons.map((r) => r.message), decisionId: answer.decisionId, source: 'toolledger' };
    } catch (e) {
      if (!(e instanceof ToolLedgerHttpError)) throw e;
      this.cachedAllow = null;
      if (!e.unreachable) {
        // ToolLedger answered and refused the question itself (bad key, unknown agent): a deny.
        return { allow: false, reasons: [e.message], decisionId: null, source: 'refused' };
      }
      const failOpen = this.failOpen();
      const mode = failOpen ? 'fail-open' : 'fail-closed';
      const by = this.policyFailOpen === null ? 'this gateway' : "the environment's policy";
      this.options.log(
        `${action} ${tool}@${version}: ToolLedger unreachable (${e.message}); ${mode} (set by ${by}): ${failOpen ? 'allowed' : 'refused'}`,
      );
      return {
        allow: failOpen,
        reasons: [`ToolLedger is unreachable and ${by} says ${mode}`],
        decisionId: null,
        source: mode,
      };
    }
  }
}
