import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const runs: { resolve: () => void }[] = [];
vi.mock('./run-invocation-monitors', () => ({
  runInvocationMonitors: () => new Promise<void>((resolve) => runs.push({ resolve })),
}));

const { kickInvocationMonitors, MONITOR_GAP_MS } = await import('./monitor-scheduler');

describe('the monitor scheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once when idle, once more for kicks during a run, then waits out the gap for the next', async () => {
    kickInvocationMonitors();
    expect(runs).toHaveLength(1);
    kickInvocationMonitors();
    kickInvocationMonitors();
    expect(runs).toHaveLength(1);
    runs[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    // Kicked during the run: goes round once more, but only after the gap.
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(MONITOR_GAP_MS - 1);
    expect(runs).toHaveLength(1);
    kickInvocationMonitors();
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toHaveLength(2);
    runs[1]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    // Nothing asked since: nothing runs.
    await vi.advanceTimersByTimeAsync(10 * MONITOR_GAP_MS);
    expect(runs).toHaveLength(2);
    // Long after the last run, a kick runs at once.
    kickInvocationMonitors();
    expect(runs).toHaveLength(3);
    runs[2]!.resolve();
  });
});
