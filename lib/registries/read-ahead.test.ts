import { describe, expect, it } from 'vitest';
import { readAhead } from './read-ahead';

/** A source that logs when each item is produced and when the consumer is done with the previous one. */
function source(n: number, log: string[], failAt?: number) {
  return (async function* () {
    try {
      for (let i = 1; i <= n; i++) {
        log.push(`produce ${i}`);
        await new Promise((r) => setTimeout(r, 5));
        if (i === failAt) throw new Error(`item ${i} failed`);
        yield i;
      }
    } finally {
      log.push('source closed');
    }
  })();
}

describe('readAhead', () => {
  it('yields every item in order and starts the next one before the caller is done with the current', async () => {
    const log: string[] = [];
    const seen: number[] = [];
    for await (const item of readAhead(source(3, log))) {
      log.push(`consume ${item}`);
      await new Promise((r) => setTimeout(r, 20));
      seen.push(item);
    }
    expect(seen).toEqual([1, 2, 3]);
    // Item 2 is produced while item 1 is consumed (sequential reading would log consume 1 first).
    expect(log.indexOf('produce 2')).toBeLessThan(log.indexOf('consume 1') + 2);
    expect(log.indexOf('produce 2')).toBeLessThan(log.indexOf('consume 2'));
    // Read ahead, the source finishes while the caller still works on the last item.
    expect(log.indexOf('source closed')).toBeGreaterThan(log.indexOf('produce 3'));
    expect(log.indexOf('source closed')).toBeLessThan(log.indexOf('consume 3') + 2);
  });

  it('surfaces an error of the item read ahead when the caller asks for it, not before', async () => {
    const log: string[] = [];
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of readAhead(source(3, log, 2))) seen.push(item);
      })(),
    ).rejects.toThrow('item 2 failed');
    expect(seen).toEqual([1]);
  });

  it('closes the source when the caller stops early', async () => {
    const log: string[] = [];
    for await (const item of readAhead(source(5, log))) if (item === 2) break;
    expect(log).toContain('source closed');
    expect(log.filter((l) => l.startsWith('produce')).length).toBeLessThanOrEqual(3);
  });
});
