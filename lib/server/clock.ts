import 'server-only';
import { readFileSync, statSync } from 'node:fs';
import { env } from '@/lib/env';

/**
 * The server's one source of "now". Operations get it through `operationContext`, the
 * enforcement API calls it directly.
 *
 * End-to-end tests need time to pass (an exception expires, an audit window closes) inside a
 * running server. With TOOLLEDGER_TEST_CLOCK_FILE set, and only in demo mode (lib/env refuses
 * it otherwise), the file holds an offset in milliseconds added to the real time; the test
 * writes it and the very next call sees it. Without the variable this is `new Date()`.
 */
export function now(): Date {
  const file = env().TOOLLEDGER_TEST_CLOCK_FILE;
  return new Date(Date.now() + (file ? offsetFrom(file) : 0));
}

let cache: { mtimeMs: number; size: number; offset: number } | undefined;

function offsetFrom(file: string): number {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return 0; // no file yet: real time
  }
  if (cache && cache.mtimeMs === stat.mtimeMs && cache.size === stat.size) return cache.offset;
  const offset = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isFinite(offset)) throw new Error(`TOOLLEDGER_TEST_CLOCK_FILE ${file} does not hold a number of milliseconds`);
  cache = { mtimeMs: stat.mtimeMs, size: stat.size, offset };
  return offset;
}
