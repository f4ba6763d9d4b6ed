import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { CheckpointProblemKind } from './audit-checkpoint-problems';

export type { CheckpointProblemKind };

/** What a checkpoint states: the audit chain's head at one moment, and the invocation event chain's beside it. */
export interface CheckpointStatement {
  headSeq: bigint;
  headHash: string;
  createdAt: Date;
  /** Null on checkpoints taken before the event chain was covered (they keep the v1 message). */
  eventSeq?: bigint | null;
  eventHash?: string | null;
}

/** The exact bytes signed; versioned so the format can change without ambiguity. */
export function checkpointMessage(s: CheckpointStatement): string {
  const v1 = `${s.headSeq.toString()}\n${s.headHash}\n${s.createdAt.toISOString()}`;
  if (s.eventSeq == null || s.eventHash == null) return `toolledger-audit-checkpoint:v1\n${v1}`;
  return `toolledger-audit-checkpoint:v2\n${v1}\nevents\n${s.eventSeq.toString()}\n${s.eventHash}`;
}

export function signCheckpoint(key: string, s: CheckpointStatement): string {
  return createHmac('sha256', key).update(checkpointMessage(s)).digest('hex');
}

/** Names the key without revealing it, so a rotated key is told apart from a forged signature. */
export function checkpointKeyId(key: string): string {
  return createHash('sha256').update(`toolledger-checkpoint-key\n${key}`).digest('hex').slice(0, 16);
}

/**
 * Compares one checkpoint with the chain as it is now. `hashAtHead` is the hash of the chain's
 * record with the checkpoint's sequence number (undefined when there is none), `chainHeadSeq`
 * the chain's last sequence number (0n when empty). The chain itself is verified separately.
 */
export function checkCheckpoint(
  checkpoint: CheckpointStatement & { signature: string; keyId: string },
  key: string,
  chain: ChainAtHead,
): CheckpointProblemKind | null {
  return checkSignature(checkpoint, key) ?? checkHead({ seq: checkpoint.headSeq, hash: checkpoint.headHash }, chain);
}

/** What the chain holds at a checkpoint's head (see checkCheckpoint). */
export interface ChainAtHead {
  hashAtHead: string | undefined;
  chainHeadSeq: bigint;
}

/** The key and the signature alone: whether the row says what was signed. */
export function checkSignature(
  checkpoint: CheckpointStatement & { signature: string; keyId: string },
  key: string,
): CheckpointProblemKind | null {
  if (checkpoint.keyId !== checkpointKeyId(key)) return 'unknown-key';
  const expected = Buffer.from(signCheckpoint(key, checkpoint), 'hex');
  const actual = Buffer.from(checkpoint.signature, 'hex');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return 'bad-signature';
  return null;
}

/** A signed head against the chain as it is now (either chain: audit or invocation events). */
export function checkHead(head: { seq: bigint; hash: string }, chain: ChainAtHead): CheckpointProblemKind | null {
  if (head.seq === 0n) return null; // taken on an empty chain
  if (chain.chainHeadSeq < head.seq || chain.hashAtHead === undefined) return 'missing-records';
  if (chain.hashAtHead !== head.hash) return 'rewritten';
  return null;
}
