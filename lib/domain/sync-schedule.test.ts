import { describe, expect, it } from 'vitest';
import { isSyncDue } from './sync-schedule';

const now = new Date('2026-11-25T12:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('isSyncDue', () => {
  it.each([
    ['never synced', null, null, 60, true],
    ['schedule off', null, null, 0, false],
    ['synced 59 min ago', ago(59), 'SUCCEEDED', 60, false],
    ['synced 60 min ago', ago(60), 'SUCCEEDED', 60, true],
    ['running', ago(600), 'RUNNING', 60, false],
    ['failed 14 min ago, retried after 15', ago(14), 'FAILED', 60, false],
    ['failed 15 min ago', ago(15), 'FAILED', 60, true],
    ['partial 15 min ago', ago(15), 'PARTIAL', 60, true],
    ['failed with a 2-minute interval retries after 1', ago(1), 'FAILED', 2, true],
  ] as const)('%s → %s', (_name, lastSyncAt, lastSyncStatus, intervalMinutes, expected) => {
    expect(isSyncDue({ lastSyncAt, lastSyncStatus, intervalMinutes, now })).toBe(expected);
  });
});
