// Apart from audit-checkpoint.ts (node:crypto) so the client component that shows a report can import it.
export type CheckpointProblemKind = 'unknown-key' | 'bad-signature' | 'missing-records' | 'rewritten';

export const CHECKPOINT_PROBLEM_TEXT: Record<CheckpointProblemKind, string> = {
  'unknown-key': 'was signed with another key than TOOLLEDGER_CHECKPOINT_KEY (rotated key, or forged)',
  'bad-signature': 'has a signature that does not match its content (forged or altered)',
  'missing-records': 'vouches for records that are no longer in the chain (newest records deleted)',
  rewritten: 'vouches for a record whose hash has changed (chain rewritten)',
};
