import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERMISSION_USED_EXAMPLES } from './permissions-used';
import { plainWireEvent } from './plain-wire-event';
import { DATA_CLASSIFICATIONS, RESULT_STATUSES, TRUST_LEVELS, ZWireEvent } from './wire-event';

const good = {
  event_id: 'evt-1',
  timestamp: '2026-12-01T10:00:00.000Z',
  agent_id: 'support-agent',
  tool_name: 'email-parser',
  tool_version: '2.1.0',
  tool_trust_level: 'gold',
  tool_publisher: 'Acme Tools',
  input_schema_hash: `sha256:${'a'.repeat(64)}`,
  output_schema_hash: `sha256:${'b'.repeat(64)}`,
  execution_duration_ms: 120,
  input_size_bytes: 900,
  output_size_bytes: 2400,
  permissions_used: ['network:none', 'filesystem:read'],
  data_classification: 'internal',
  result_status: 'success',
};

// Values near every rule's edge, good and bad, for each field.
const text = fc.oneof(
  fc.constantFrom('agent', 'a b', ' padded', 'padded ', '', 'x'.repeat(100), 'x'.repeat(101), 'x'.repeat(201), 'x'.repeat(301)),
  fc.constantFrom('naïve', 'tab\there', 'nul\u0000', '\ud800', 'emoji 😀', 'evt:1/a@b+c-d.e_f', 'evt 1', 'a'.repeat(200)),
  fc.string({ maxLength: 12 }),
);
const number = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 1.5, 86_400_000, 86_400_001, 2 ** 31 - 1, 2 ** 31, Number.MAX_SAFE_INTEGER + 2, NaN),
  fc.integer(),
  fc.double(),
);
const timestamp = fc.oneof(
  fc.constantFrom(
    '2026-12-01T10:00:00.000Z',
    '2026-02-30T10:00:00.000Z',
    '2026-12-01T10:00:00Z',
    '2026-12-01T10:00:00.000+01:00',
    '2026-12-01T24:00:00.000Z',
    '2026-13-01T10:00:00.000Z',
    '2026-12-01 10:00:00.000Z',
    '0000-01-01T00:00:00.000Z',
  ),
  fc.date({ min: new Date(-1e14), max: new Date(3e14), noInvalidDate: true }).map((d) => d.toISOString()),
);
const permission = fc.oneof(
  fc.constantFrom(...PERMISSION_USED_EXAMPLES),
  fc.constantFrom('Network:NONE', 'disk:read', 'network', 'network:none:x', ''),
);
const field = <T>(arb: fc.Arbitrary<T>) => fc.option(fc.oneof(arb, fc.constant(null), number, text), { nil: undefined });

const wireLike = fc.record(
  {
    event_id: field(text),
    timestamp: field(timestamp),
    agent_id: field(text),
    tool_name: field(text),
    tool_version: field(text),
    tool_trust_level: field(fc.constantFrom(...TRUST_LEVELS, 'Gold', 'platinum')),
    tool_publisher: field(text),
    input_schema_hash: field(
      fc.constantFrom(`sha256:${'a'.repeat(64)}`, `sha256:${'A'.repeat(64)}`, 'sha256:abc', `md5:${'a'.repeat(64)}`),
    ),
    output_schema_hash: field(fc.constantFrom(`sha256:${'0'.repeat(64)}`, `SHA256:${'0'.repeat(64)}`)),
    execution_duration_ms: field(number),
    input_size_bytes: field(number),
    output_size_bytes: field(number),
    permissions_used: field(fc.array(permission, { maxLength: 18 })),
    data_classification: field(fc.constantFrom(...DATA_CLASSIFICATIONS, 'secret', 'Internal')),
    result_status: field(fc.constantFrom(...RESULT_STATUSES, 'ok')),
    extra: field(text),
  },
  { requiredKeys: [] },
);

// The ordinary event with one to three fields (any of them) changed or removed: most of the
// property's interesting cases are here.
const FIELDS = [...Object.keys(good), 'extra'];
const nearGood = fc.tuple(wireLike, fc.shuffledSubarray(FIELDS, { minLength: 1, maxLength: 3 })).map(([e, keys]) => {
  const out: Record<string, unknown> = { ...good };
  for (const k of keys) {
    const v = (e as Record<string, unknown>)[k];
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
});

describe('plainWireEvent (the fast path of ingest validation)', () => {
  it('takes the ordinary event, with and without its optional fields, as ZWireEvent does', () => {
    expect(plainWireEvent(good)).toStrictEqual(ZWireEvent.parse(good));
    const {
      tool_trust_level,
      tool_publisher,
      input_schema_hash,
      output_schema_hash,
      input_size_bytes,
      output_size_bytes,
      event_id,
      ...bare
    } = good;
    void [tool_trust_level, tool_publisher, input_schema_hash, output_schema_hash, input_size_bytes, output_size_bytes, event_id];
    expect(plainWireEvent(bare)).toStrictEqual(ZWireEvent.parse(bare));
    expect(plainWireEvent({ ...good, unknown_field: 1 })).toStrictEqual(ZWireEvent.parse({ ...good, unknown_field: 1 }));
  });

  it('leaves anything unusual to ZWireEvent', () => {
    for (const odd of [
      { ...good, agent_id: ' support-agent' },
      { ...good, tool_name: 'naïve' },
      { ...good, timestamp: '2026-12-01T10:00:00+01:00' },
      { ...good, input_schema_hash: `sha256:${'A'.repeat(64)}` },
      { ...good, tool_publisher: null },
      { ...good, permissions_used: ['filesystem:delete'] },
    ])
      expect(plainWireEvent(odd)).toBeNull();
  });

  it('accepts only what ZWireEvent accepts, with the same result (property)', () => {
    fc.assert(
      fc.property(fc.oneof(wireLike, nearGood), (e) => {
        const fast = plainWireEvent(e as Record<string, unknown>);
        if (fast === null) return;
        const slow = ZWireEvent.safeParse(e);
        expect(slow.success).toBe(true);
        expect(fast).toStrictEqual(slow.data);
      }),
      { numRuns: 20_000 },
    );
  });

  it('the generator reaches both sides: some events near the ordinary one are taken, some left', () => {
    const taken = fc.sample(nearGood, 2_000).filter((e) => plainWireEvent(e) !== null).length;
    expect(taken).toBeGreaterThan(100);
    expect(taken).toBeLessThan(1_900);
  });
});
