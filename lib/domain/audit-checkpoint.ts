import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { CheckpointProblemKind } from './audit-checkpoint-problems';

export type { CheckpointProblemKind };

/** What a checkpoint states: the audit chain's head at one moment. */
export interface CheckpointStatement {
  headSeq: bigint;
  headHash: string;
  createdAt: Date;
}

/** The exact bytes signed; versioned so the format can change without ambiguity. */
export function checkpointMessage(s: CheckpointStatement): string {
  return `toolledger-audit-checkpoint:v1\n${s.headSeq.toString()}\n${s.headHash}\n${s.createdAt.toISOString()}`;
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
  chain: { hashAtHead: string | undefined; chainHeadSeq: bigint },
): CheckpointProblemKind | null {
  if (checkpoint.keyId !== checkpointKeyId(key)) return 'unknown-key';
  const expected = Buffer.from(signCheckpoint(key, checkpoint), 'hex');
  const actual = Buffer.from(checkpoint.signature, 'hex');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return 'bad-signature';
  if (checkpoint.headSeq === 0n) return null; // taken on an empty chain
  if (chain.chainHeadSeq < checkpoint.headSeq || chain.hashAtHead === undefined) return 'missing-records';
  if (chain.hashAtHead !== checkpoint.headHash) return 'rewritten';
  return null;
}
