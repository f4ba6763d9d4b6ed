import { randomUUID } from 'node:crypto';
import type { InvocationEvent } from './events';
import { ToolLedgerHttpError } from './http';
import { EventSpool } from './spool';
import type { ToolLedgerClient } from './toolledger-client';

export interface EventBatcherOptions {
  client: ToolLedgerClient;
  /** Where undelivered events wait (NDJSON). */
  spoolFile: string;
  /** Flush when this many events wait (the API takes up to 10,000 a batch). */
  maxBatch?: number;
  /** Flush at least this often while events wait. */
  flushIntervalMs?: number;
  /** Told about every refused line and every delivery failure; the default writes to stderr. */
  onProblem?: (message: string) => void;
}

/**
 * Buffers invocation events and sends them in batches, on size or on an interval. When ToolLedger
 * is unreachable the batch goes to the spool file, and every later flush first resends the spool,
 * so no event is lost across outages or restarts. Each event has an `event_id`, so a batch that
 * reached ToolLedger but whose answer was lost is stored once when resent.
 */
export class EventBatcher {
  private buffer: InvocationEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private readonly spool: EventSpool;
  private readonly maxBatch: number;

  constructor(private readonly options: EventBatcherOptions) {
    this.spool = new EventSpool(options.spoolFile);
    this.maxBatch = Math.min(options.maxBatch ?? 500, 10_000);
  }

  add(event: InvocationEvent): void {
    this.buffer.push({ ...event, event_id: event.event_id ?? randomUUID() });
    if (this.buffer.length >= this.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.options.flushIntervalMs ?? 1000);
  }

  /** Sends what waits (spool first); resolves when it is delivered or spooled. Never rejects. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    this.chain = this.chain.then(() => this.deliver(batch));
    return this.chain;
  }

  /** Flushes and stops the timer; what cannot be sent stays in the spool for the next start. */
  async close(): Promise<void> {
    await this.flush();
  }

  private async deliver(batch: InvocationEvent[]): Promise<void> {
    const problem = this.options.onProblem ?? ((m: string) => process.stderr.write(`toolledger: ${m}\n`));
    try {
      await this.spool.drain((events) => this.send(events, problem));
    } catch (e) {
      // Spooled again; the new batch is spooled behind it so order is kept.
      await this.spool.append(batch);
      problem(`events spooled (${(e as Error).message})`);
      return;
    }
    try {
      await this.send(batch, problem);
    } catch (e) {
      await this.spool.append(batch);
      problem(`${batch.length} event(s) spooled (${(e as Error).message})`);
    }
  }

  private async send(events: InvocationEvent[], problem: (m: string) => void): Promise<void> {
    for (let i = 0; i < events.length; i += this.maxBatch) {
      const chunk = events.slice(i, i + this.maxBatch);
      let answer;
      try {
        answer = await this.options.client.sendEvents(chunk);
      } catch (e) {
        // Only an unreachable ToolLedger is worth resending to; a refused batch would be refused again.
        if (e instanceof ToolLedgerHttpError && !e.unreachable) {
          problem(`batch of ${chunk.length} refused: ${e.message}`);
          continue;
        }
        // The whole list goes back to the spool; chunks already stored are recognized by event_id.
        throw e;
      }
      for (const r of answer.rejected) {
        problem(
          `event ${chunk[r.line - 1]?.event_id ?? `line ${r.line}`} refused: ${r.issues.map((x) => `${x.path}: ${x.message}`).join('; ')}`,
        );
      }
    }
  }
}
