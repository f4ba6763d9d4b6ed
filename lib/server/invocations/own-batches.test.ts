import { afterEach, describe, expect, it } from 'vitest';
import { forgetOwnBatches, OWN_BATCHES_KEPT, ownKeysAfter, rememberOwnBatch } from './own-batches';

const at = (seq: number, hash = `h${seq}`) => ({ seq: BigInt(seq), hash });
const batch = (from: number, to: number, ...keys: string[]) => ({ before: at(from), last: at(to), keys: new Set(keys) });

afterEach(forgetOwnBatches);

describe('own batches', () => {
  it('gives the keys of the own batches that link from the head back past the position looked at', () => {
    rememberOwnBatch(batch(0, 10, 'a'));
    rememberOwnBatch(batch(10, 20, 'b'));
    rememberOwnBatch(batch(20, 30, 'c'));
    expect(ownKeysAfter(10n, at(30))?.map((k) => [...k])).toEqual([['c'], ['b']]);
    expect(ownKeysAfter(0n, at(30))?.map((k) => [...k])).toEqual([['c'], ['b'], ['a']]);
    expect(ownKeysAfter(30n, at(30))).toEqual([]);
  });

  it('sends the check to the database when a position between is not its own', () => {
    rememberOwnBatch(batch(0, 10, 'a'));
    // 10 → 20 written by another instance
    rememberOwnBatch(batch(20, 30, 'c'));
    expect(ownKeysAfter(20n, at(30))).not.toBeNull();
    expect(ownKeysAfter(10n, at(30))).toBeNull();
    expect(ownKeysAfter(0n, at(40))).toBeNull();
  });

  it('uses a range only when its hashes are the head’s chain (another database, a reset, a rolled-back batch)', () => {
    rememberOwnBatch(batch(0, 10, 'a'));
    expect(ownKeysAfter(0n, at(10, 'other'))).toBeNull();
    rememberOwnBatch({ before: at(10, 'elsewhere'), last: at(20), keys: new Set(['b']) });
    expect(ownKeysAfter(0n, at(20))).toBeNull();
    expect(ownKeysAfter(10n, at(20))).not.toBeNull();
  });

  it(`keeps the last ${OWN_BATCHES_KEPT} batches`, () => {
    for (let i = 0; i < OWN_BATCHES_KEPT + 2; i++) rememberOwnBatch(batch(i * 10, i * 10 + 10, `k${i}`));
    const head = at((OWN_BATCHES_KEPT + 2) * 10);
    expect(ownKeysAfter(BigInt(2 * 10), head)).toHaveLength(OWN_BATCHES_KEPT);
    expect(ownKeysAfter(BigInt(2 * 10 - 1), head)).toBeNull();
  });
});
