import { createHash, hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The hash every chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainLink {
  prevHash: string;
  hash: string;
}

/** hash = sha256(prevHash || canonical content): changing, removing or reordering any record breaks every later link. */
export function chainHash(prevHash: string, content: unknown): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

export type ChainBreak =
  | { index: number; kind: 'prev-mismatch'; expectedPrev: string; actualPrev: string }
  | { index: number; kind: 'hash-mismatch'; expectedHash: string; actualHash: string };

/** chainHash over content already written as canonical JSON (one sha256 call, no copy). */
export function chainHashOfJson(prevHash: string, canonical: string): string {
  return hash('sha256', `${prevHash}\n${canonical}`, 'hex');
}

/**
 * Walks records in chain order. `startPrev` is the hash before the first record given,
 * so a long chain can be checked in batches.
 */
export function verifyChain<T extends ChainLink>(
  records: readonly T[],
  contentOf: (record: T) => unknown,
  startPrev: string = GENESIS_HASH,
): { ok: true; lastHash: string } | { ok: false; lastHash: string; break: ChainBreak } {
  return verifyChainOfJson(records, (r) => canonicalJson(contentOf(r)), startPrev);
}

/** verifyChain for records whose canonical JSON the caller writes itself (a faster, flat literal). */
export function verifyChainOfJson<T extends ChainLink>(
  records: readonly T[],
  canonicalOf: (record: T) => string,
  startPrev: string = GENESIS_HASH,
): { ok: true; lastHash: string } | { ok: false; lastHash: string; break: ChainBreak } {
  let prev = startPrev;
  for (let index = 0; index < records.length; index++) {
    const record = records[index]!;
    if (record.prevHash !== prev) {
      return {
        ok: false,
        lastHash: prev,
        break: { index, kind: 'prev-mismatch', expectedPrev: prev, actualPrev: record.prevHash },
      };
    }
    const expected = chainHashOfJson(prev, canonicalOf(record));
    if (expected !== record.hash) {
      return {
        ok: false,
        lastHash: prev,
        break: { index, kind: 'hash-mismatch', expectedHash: expected, actualHash: record.hash },
      };
    }
    prev = record.hash;
  }
  return { ok: true, lastHash: prev };
}
