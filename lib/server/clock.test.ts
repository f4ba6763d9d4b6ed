import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reloadEnv } from '@/lib/env';
import { now } from './clock';

const DAY = 86_400_000;

describe('server clock', () => {
  afterEach(() => {
    delete process.env.TOOLLEDGER_TEST_CLOCK_FILE;
    reloadEnv();
  });

  it('is real time without a test clock', () => {
    const before = Date.now();
    const t = now().getTime();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });

  it('adds the offset the file holds, and follows the file when it changes', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'clock-')), 'offset');
    process.env.TOOLLEDGER_TEST_CLOCK_FILE = file;
    reloadEnv();
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(DAY); // no file yet: real time
    writeFileSync(file, String(30 * DAY));
    expect(now().getTime() - Date.now()).toBeGreaterThan(29 * DAY);
    writeFileSync(file, '0');
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(DAY);
  });
});
