import { appendFile, readFile, rename, rm } from 'node:fs/promises';
import type { InvocationEvent } from './events';

/**
 * Events that could not be delivered, one JSON line each, in a local file that outlives the
 * process. Appends are whole lines; a drain renames the file first, so events spooled while the
 * drain is sending land in a fresh file and are never lost or sent twice by this process.
 */
export class EventSpool {
  constructor(readonly file: string) {}

  async append(events: readonly InvocationEvent[]): Promise<void> {
    if (events.length === 0) return;
    await appendFile(this.file, events.map((e) => JSON.stringify(e) + '\n').join(''), { mode: 0o600 });
  }

  /**
   * Hands the spooled events to `send`; when it throws, they go back to the spool. A torn last
   * line (a crash mid-append) is skipped: its event was also never acknowledged.
   */
  async drain(send: (events: InvocationEvent[]) => Promise<void>): Promise<number> {
    const taken = `${this.file}.${process.pid}.draining`;
    try {
      await rename(this.file, taken);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw e;
    }
    const events: InvocationEvent[] = [];
    for (const line of (await readFile(taken, 'utf8')).split('\n')) {
      if (!line.trim()) continue;
      try {
        events.push(JSON.parse(line) as InvocationEvent);
      } catch {
        // torn line
      }
    }
    try {
      await send(events);
    } catch (e) {
      await this.append(events);
      await rm(taken, { force: true });
      throw e;
    }
    await rm(taken, { force: true });
    return events.length;
  }
}
