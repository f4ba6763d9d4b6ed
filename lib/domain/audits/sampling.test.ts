import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aicpaSampleSize, checkSampleSize, drawSample, sampleKey } from './sampling';

const ids = Array.from({ length: 30 }, (_, i) => `rec_${String(i).padStart(2, '0')}`);

describe('sampling order', () => {
  it('keys a record by SHA-256 of seed followed by id (what sha256sum prints)', () => {
    expect(sampleKey('q1-2026', 'abc')).toBe(createHash('sha256').update('q1-2026abc').digest('hex'));
    // A fixed vector, so a change of method cannot pass unnoticed: printf '%s' 'seedid' | sha256sum
    expect(sampleKey('seed', 'id')).toBe('102e82fcedbbea925891d31e859ae1046aacf3870dff77c5f4c86358708b5613');
  });

  it.each([
    ['s1', 5],
    ['s2', 10],
    ['another-seed', 30],
  ])('seed %s, size %i: the first n ids in ascending key order', (seed, n) => {
    const expected = [...ids].sort((a, b) => sampleKey(seed, a).localeCompare(sampleKey(seed, b))).slice(0, n);
    expect(drawSample(seed, ids, n)).toEqual(expected);
  });

  it('the same seed redraws the same sample whatever order the population comes in', () => {
    expect(drawSample('fixed', [...ids].reverse(), 10)).toEqual(drawSample('fixed', ids, 10));
  });

  it('another seed draws another sample', () => {
    expect(drawSample('a', ids, 10)).not.toEqual(drawSample('b', ids, 10));
  });

  it('never returns more than the population', () => {
    expect(drawSample('x', ids.slice(0, 3), 10)).toHaveLength(3);
  });
});

describe('AICPA-style sample size by population size', () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [4, 2],
    [5, 2],
    [12, 2],
    [13, 5],
    [52, 5],
    [53, 25],
    [365, 25],
    [366, 40],
    [10_000, 40],
  ])('population %i → %i', (population, size) => {
    expect(aicpaSampleSize(population)).toBe(size);
  });
});

describe('sample size check', () => {
  it.each([
    [0, 5, { ok: false, field: 'population' }],
    [0, 'aicpa' as const, { ok: false, field: 'population' }],
    [9, 10, { ok: false, field: 'size' }],
    [10, 10, { ok: true, size: 10 }],
    [10, 0, { ok: false, field: 'size' }],
    [100, 'aicpa' as const, { ok: true, size: 25 }],
    [3, 'aicpa' as const, { ok: true, size: 2 }],
  ])('population %i, asked %s', (population, asked, expected) => {
    expect(checkSampleSize(population, asked)).toMatchObject(expected);
  });
});
