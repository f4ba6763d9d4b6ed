import type { ToolLedgerClient } from '@/lib/client/toolledger-client';

/**
 * Keeps a long poll on ToolLedger's enforcement generation open and calls `onChange` the moment a
 * governing change commits (a quarantine, a revocation, an expired or revoked exception, a policy
 * change). `healthy` is false until the first answer and whenever the watch is down, and the
 * gateway caches nothing then: a cached allow never outlives a change it could have missed.
 */
export class GenerationWatch {
  healthy = false;
  /** Changes seen and times the watch was lost, printed when the gateway stops. */
  changes = 0;
  losses = 0;
  private stopped = false;

  constructor(
    private readonly client: ToolLedgerClient,
    private readonly onChange: () => void,
    private readonly log: (m: string) => void,
  ) {}

  start(): void {
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
  }

  private async loop(): Promise<void> {
    let generation: string | undefined;
    let failures = 0;
    while (!this.stopped) {
      try {
        const next = await this.client.waitForGeneration(generation);
        if (generation !== undefined && next !== generation) {
          this.changes++;
          this.onChange();
        }
        generation = next;
        this.healthy = true;
        failures = 0;
      } catch (e) {
        this.losses++;
        if (this.healthy) this.log(`generation watch lost (${(e as Error).message}); not caching decisions until it is back`);
        this.healthy = false;
        this.onChange();
        generation = undefined;
        await new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** failures++)));
      }
    }
  }
}
