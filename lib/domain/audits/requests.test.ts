import { describe, expect, it } from 'vitest';
import { isRequestOverdue, nextRequestState, type RequestState, type RequestStep } from './requests';

describe('PBC request lifecycle', () => {
  it.each([
    ['OPEN', 'answer', 'ANSWERED'],
    ['ANSWERED', 'answer', 'ANSWERED'],
    ['ACCEPTED', 'answer', null],
    ['OPEN', 'accept', null],
    ['ANSWERED', 'accept', 'ACCEPTED'],
    ['ACCEPTED', 'accept', null],
    ['OPEN', 'followUp', 'OPEN'],
    ['ANSWERED', 'followUp', 'OPEN'],
    ['ACCEPTED', 'followUp', null],
  ] as [RequestState, RequestStep, RequestState | null][])('%s + %s → %s', (state, step, next) => {
    expect(nextRequestState(state, step)).toBe(next);
  });

  it.each([
    ['OPEN', '2026-04-01T00:00:00Z', '2026-04-02T00:00:00Z', true],
    ['OPEN', '2026-04-03T00:00:00Z', '2026-04-02T00:00:00Z', false],
    ['ANSWERED', '2026-04-01T00:00:00Z', '2026-04-02T00:00:00Z', false],
    ['ACCEPTED', '2026-04-01T00:00:00Z', '2026-04-02T00:00:00Z', false],
  ] as [RequestState, string, string, boolean][])('%s due %s, now %s → overdue %s', (state, due, now, overdue) => {
    expect(isRequestOverdue({ state, dueAt: new Date(due) }, new Date(now))).toBe(overdue);
  });
});
