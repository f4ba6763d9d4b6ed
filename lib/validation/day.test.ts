import { describe, expect, it } from 'vitest';
import { isCalendarDay, zDay } from './day';

describe('zDay', () => {
  it.each([
    ['2026-11-25', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-04-31', false],
    ['0000-01-01', true],
    ['2026-1-1', false],
  ])('%s is a calendar day: %s', (value, ok) => {
    expect(isCalendarDay(value)).toBe(ok);
    expect(zDay().safeParse(value).success).toBe(ok);
  });

  it('says why', () => {
    expect(
      zDay()
        .safeParse('2026-13-01')
        .error!.issues.map((i) => i.message),
    ).toEqual(['Not a real date']);
    expect(
      zDay()
        .safeParse('yesterday')
        .error!.issues.map((i) => i.message),
    ).toEqual(['Use a date like 2026-11-25']);
  });
});
