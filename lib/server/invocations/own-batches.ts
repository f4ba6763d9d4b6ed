/**
 * The event keys of the batches this process committed last, by chain range, so that under the
 * chain lock a batch checks its ids against the batches that went first meanwhile without reading
 * them back from the database, when this process wrote them all (the usual case: one instance, or
 * one agent's gateway per instance). A range it did not write (another instance's) sends the check
 * to the database as before.
 *
 * Each range carries the chain links on both its ends; the ranges are used only when they link up,
 * hash to hash, from the database's head back past the position the batch looked at before the
 * lock. A range is remembered only after its transaction committed, so what links to the head is
 * what the table holds: a rolled-back batch, a reset database or another database entirely (tests
 * open several in one process) cannot link to the head's hash.
 */
import type { ChainHead } from './chain-head';

export interface OwnBatch {
  /** The chain's end before the batch: its first row has position `before.seq + 1`. */
  before: ChainHead;
  /** Its last row. */
  last: ChainHead;
  /** eventKey(agent, eventId) of every row it stored. */
  keys: ReadonlySet<string>;
}

/**
 * Enough for the batches that can commit between one batch's look and its turn under the lock:
 * one per other batch in flight in this process (the bench's four senders need three).
 */
export const OWN_BATCHES_KEPT = 8;

const holder = globalThis as typeof globalThis & { __toolledgerOwnBatches?: OwnBatch[] };
// On globalThis: Next bundles this module into more than one chunk; every copy must share the list.
const batches = (holder.__toolledgerOwnBatches ??= []);

/** After the batch's transaction committed. */
export function rememberOwnBatch(batch: OwnBatch): void {
  batches.push(batch);
  if (batches.length > OWN_BATCHES_KEPT) batches.splice(0, batches.length - OWN_BATCHES_KEPT);
}

/**
 * The keys stored at positions after `upTo` up to `head`, when this process's own batches hold all
 * of them, linked hash to hash from `head`; null when some of those positions are not its own.
 */
export function ownKeysAfter(upTo: bigint, head: ChainHead): ReadonlySet<string>[] | null {
  const found: ReadonlySet<string>[] = [];
  let end = head;
  while (end.seq > upTo) {
    const at = end;
    const batch = batches.find((b) => b.last.seq === at.seq && b.last.hash === at.hash);
    // A range that starts before `upTo` would be partly seen already: harmless, its keys are
    // either the batch's duplicates (dropped before the lock) or not the batch's at all.
    if (!batch) return null;
    found.push(batch.keys);
    end = batch.before;
  }
  return found;
}

/** For tests: forget every batch. */
export function forgetOwnBatches(): void {
  batches.length = 0;
}
