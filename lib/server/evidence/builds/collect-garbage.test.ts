import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectGarbage } from './collect-garbage';

const holder = globalThis as { gc?: () => void };
const original = holder.gc;
afterEach(() => {
  holder.gc = original;
});

describe('collectGarbage', () => {
  it('runs a full collection where the process exposes gc', () => {
    holder.gc = vi.fn();
    collectGarbage();
    expect(holder.gc).toHaveBeenCalledTimes(1);
  });

  it('does nothing where it does not (PostgreSQL servers, tests)', () => {
    delete holder.gc;
    expect(() => collectGarbage()).not.toThrow();
  });
});
