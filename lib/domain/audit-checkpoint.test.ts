import { describe, expect, it } from 'vitest';
import {
  checkCheckpoint,
  checkHead,
  checkpointKeyId,
  checkpointMessage,
  checkSignature,
  signCheckpoint,
} from './audit-checkpoint';

const KEY = 'k'.repeat(32);
const at = new Date('2026-12-01T10:00:00.000Z');
const statement = { headSeq: 42n, headHash: 'a'.repeat(64), createdAt: at };
const checkpoint = { ...statement, signature: signCheckpoint(KEY, statement), keyId: checkpointKeyId(KEY) };

describe('audit chain checkpoints', () => {
  it('signs a fixed, versioned message with HMAC-SHA256 (hex)', () => {
    expect(checkpointMessage(statement)).toBe(`toolledger-audit-checkpoint:v1\n42\n${'a'.repeat(64)}\n2026-12-01T10:00:00.000Z`);
    expect(checkpoint.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(signCheckpoint('another key, also 32 characters', statement)).not.toBe(checkpoint.signature);
  });

  it.each([
    ['the chain still holds the record, same hash', checkpoint, { hashAtHead: 'a'.repeat(64), chainHeadSeq: 50n }, null],
    ['the checkpoint is the head', checkpoint, { hashAtHead: 'a'.repeat(64), chainHeadSeq: 42n }, null],
    ['newest records deleted', checkpoint, { hashAtHead: undefined, chainHeadSeq: 41n }, 'missing-records'],
    ['the record is gone but later ones exist', checkpoint, { hashAtHead: undefined, chainHeadSeq: 60n }, 'missing-records'],
    ['the chain was rewritten', checkpoint, { hashAtHead: 'b'.repeat(64), chainHeadSeq: 60n }, 'rewritten'],
    [
      'the head moved in the row (signature no longer matches)',
      { ...checkpoint, headSeq: 30n },
      { hashAtHead: 'a'.repeat(64), chainHeadSeq: 60n },
      'bad-signature',
    ],
    [
      'the hash was edited in the row',
      { ...checkpoint, headHash: 'b'.repeat(64) },
      { hashAtHead: 'b'.repeat(64), chainHeadSeq: 60n },
      'bad-signature',
    ],
    [
      'a signature of the wrong length',
      { ...checkpoint, signature: 'abcd' },
      { hashAtHead: 'a'.repeat(64), chainHeadSeq: 60n },
      'bad-signature',
    ],
    [
      'another key signed it',
      { ...checkpoint, keyId: checkpointKeyId('x'.repeat(32)) },
      { hashAtHead: 'a'.repeat(64), chainHeadSeq: 60n },
      'unknown-key',
    ],
  ] as const)('%s → %s', (_name, cp, chain, problem) => {
    expect(checkCheckpoint(cp, KEY, chain)).toBe(problem);
  });

  it('a checkpoint of the empty chain holds whatever follows', () => {
    const empty = { headSeq: 0n, headHash: '0'.repeat(64), createdAt: at };
    expect(
      checkCheckpoint({ ...empty, signature: signCheckpoint(KEY, empty), keyId: checkpointKeyId(KEY) }, KEY, {
        hashAtHead: undefined,
        chainHeadSeq: 0n,
      }),
    ).toBeNull();
  });

  it('a checkpoint with the event chain head signs message v2, which covers both heads', () => {
    const both = { ...statement, eventSeq: 7n, eventHash: 'c'.repeat(64) };
    expect(checkpointMessage(both)).toBe(
      `toolledger-audit-checkpoint:v2\n42\n${'a'.repeat(64)}\n2026-12-01T10:00:00.000Z\nevents\n7\n${'c'.repeat(64)}`,
    );
    const signed = { ...both, signature: signCheckpoint(KEY, both), keyId: checkpointKeyId(KEY) };
    expect(signed.signature).not.toBe(checkpoint.signature);
    expect(checkSignature(signed, KEY)).toBeNull();
    expect(checkSignature({ ...signed, eventHash: 'd'.repeat(64) }, KEY)).toBe('bad-signature');
    expect(checkSignature({ ...signed, eventSeq: null, eventHash: null }, KEY)).toBe('bad-signature');
    // A v1 checkpoint (no event head) still verifies as it was signed.
    expect(checkSignature({ ...checkpoint, eventSeq: null, eventHash: null }, KEY)).toBeNull();
  });

  it.each([
    ['same hash at the head', { hashAtHead: 'c'.repeat(64), chainHeadSeq: 9n }, null],
    ['rewritten', { hashAtHead: 'e'.repeat(64), chainHeadSeq: 9n }, 'rewritten'],
    ['records gone', { hashAtHead: undefined, chainHeadSeq: 6n }, 'missing-records'],
  ] as const)('the event head against the event chain: %s', (_name, chain, problem) => {
    expect(checkHead({ seq: 7n, hash: 'c'.repeat(64) }, chain)).toBe(problem);
  });
});
