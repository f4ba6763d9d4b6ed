/** The events a monitor reads in one run: seq in (after, upTo]. */
export interface SeqRange {
  after: bigint;
  upTo: bigint;
}
