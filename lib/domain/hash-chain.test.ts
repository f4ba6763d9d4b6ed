import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { chainHash, GENESIS_HASH, verifyChain } from './hash-chain';

function buildChain(contents: unknown[]) {
  let prev = GENESIS_HASH;
  return contents.map((content) => {
    const hash = chainHash(prev, content);
    const link = { prevHash: prev, hash, content };
    prev = hash;
    return link;
  });
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [2, { z: 1, y: 2 }] } })).toBe('{"a":{"c":[2,{"y":2,"z":1}]},"b":1}');
  });
  it('writes dates as ISO strings and bigints as strings', () => {
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05Z'), seq: 12n })).toBe(
      '{"at":"2026-01-02T03:04:05.000Z","seq":"12"}',
    );
  });
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
});

describe('verifyChain', () => {
  const chain = buildChain([{ a: 1 }, { a: 2 }, { a: 3 }]);

  it('accepts an intact chain', () => {
    const result = verifyChain(chain, (r) => r.content);
    expect(result.ok).toBe(true);
    expect(result.lastHash).toBe(chain[2]!.hash);
  });

  it('finds an edited record', () => {
    const tampered = chain.map((r, i) => (i === 1 ? { ...r, content: { a: 99 } } : r));
    const result = verifyChain(tampered, (r) => r.content);
    expect(result).toMatchObject({ ok: false, break: { index: 1, kind: 'hash-mismatch' } });
  });

  it('finds a removed record', () => {
    const result = verifyChain([chain[0]!, chain[2]!], (r) => r.content);
    expect(result).toMatchObject({ ok: false, break: { index: 1, kind: 'prev-mismatch' } });
  });

  it('checks a chain in batches from a known previous hash', () => {
    const result = verifyChain(chain.slice(1), (r) => r.content, chain[0]!.hash);
    expect(result.ok).toBe(true);
  });

  it('accepts an empty chain', () => {
    expect(verifyChain([], () => null)).toEqual({ ok: true, lastHash: GENESIS_HASH });
  });
});
