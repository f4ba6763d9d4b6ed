import { describe, expect, it } from 'vitest';
import { checkCheckpoint, checkpointKeyId, checkpointMessage, signCheckpoint } from './audit-checkpoint';

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
});
