import { describe, expect, it } from 'vitest';
import { newDecisionId } from './decision-writer';

describe('newDecisionId', () => {
  it('gives distinct, time-ordered ids across many refills of its random pool', () => {
    const at = new Date('2026-12-03T20:00:00Z');
    const ids = Array.from({ length: 5_000 }, () => newDecisionId(at));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(new RegExp(`^c${at.getTime().toString(36)}[0-9a-f]{20}$`));
    // The random part is not a counter: consecutive ids share no long run of their random bytes.
    const randomParts = ids.map((id) => id.slice(-20));
    const sameHalf = randomParts.filter((r, i) => i > 0 && r.slice(0, 10) === randomParts[i - 1]!.slice(0, 10));
    expect(sameHalf.length).toBeLessThan(3);
    expect(newDecisionId(new Date(at.getTime() + 1)) > ids[0]!).toBe(true);
  });
});
