import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '@/lib/domain/hash-chain';
import { eventHash } from '@/lib/domain/invocations/event-hash';
import { chainDraftRows, CONTENT_COLUMNS, COPY_INVOCATION_EVENTS, draftRow, type EventContent } from './invocation-rows';

const content = (over: Partial<EventContent> = {}): EventContent => ({
  receivedAt: new Date('2026-12-02T18:00:00.000Z'),
  eventId: 'e-1',
  occurredAt: new Date('2026-12-02T17:59:59.123Z'),
  agentName: 'support-agent',
  agentId: 'agent-id',
  toolName: 'email-parser',
  toolId: 'tool-id',
  toolVersion: '2.1.0',
  toolVersionId: 'version-id',
  trustLevel: 'gold',
  publisher: null,
  inputSchemaHash: `sha256:${'ab'.repeat(32)}`,
  outputSchemaHash: null,
  durationMs: 342,
  inputSizeBytes: 0,
  outputSizeBytes: null,
  permissionsUsed: ['network:none', 'filesystem:read'],
  networkUsed: 'NONE',
  filesystemUsed: 'READ',
  codeExecutionUsed: null,
  dataAccessUsed: null,
  dataClassification: 'INTERNAL',
  resultStatus: 'SUCCESS',
  approval: 'ALLOWED',
  decisionId: null,
  apiKeyId: 'key-id',
  ...over,
});

describe('invocation rows for COPY', () => {
  it('chains each row exactly as eventHash hashes the stored row', () => {
    const rows = [
      content(),
      content({ eventId: 'e-2', agentName: 'odd "name", with \\ and ,"seq":"0" inside', publisher: 'tab\there' }),
      content({
        eventId: 'e-3',
        permissionsUsed: [],
        agentId: null,
        toolId: null,
        toolVersionId: null,
        approval: 'UNKNOWN_SUBJECT',
      }),
      content({ eventId: 'e-4 ünïcödé 🚀', toolName: '{"seq":"0"}' }),
    ];
    const head = { seq: 9_007_199_254_740_990n, hash: GENESIS_HASH };
    const chained = chainDraftRows(rows.map(draftRow), head);
    const lines = chained.data.split('\n');
    expect(lines.pop()).toBe('');
    let prev = head.hash;
    rows.forEach((row, i) => {
      const seq = head.seq + 1n + BigInt(i);
      const hash = eventHash(prev, { ...row, seq });
      const fields = lines[i]!.split('\t');
      expect(fields[0]).toBe(seq.toString());
      expect(fields.slice(-2)).toEqual([prev, hash]);
      prev = hash;
    });
    expect(chained).toMatchObject({ firstSeq: 9_007_199_254_740_991n, lastSeq: 9_007_199_254_740_994n, lastHash: prev });
  });

  it('writes one field per column of the COPY statement, escaped', () => {
    const columns = COPY_INVOCATION_EVENTS.match(/\(([^)]*)\)/)![1]!.split(', ');
    expect(columns).toHaveLength(29);
    const [line] = chainDraftRows([draftRow(content({ publisher: 'a\tb\nc\\d' }))], { seq: 0n, hash: GENESIS_HASH }).data.split(
      '\n',
    );
    const fields = line!.split('\t');
    expect(fields).toHaveLength(columns.length);
    const at = (column: string) => fields[columns.indexOf(column)];
    expect(at('"publisher"')).toBe('a\\tb\\nc\\\\d');
    expect(at('"outputSizeBytes"')).toBe('\\N');
    expect(at('"permissionsUsed"')).toBe('{"network:none","filesystem:read"}');
    expect(at('"occurredAt"')).toBe('2026-12-02T17:59:59.123Z');
  });

  it('hashes arbitrary rows exactly as eventHash does, and writes their fields in column order', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
    const date = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T23:59:59Z'), noInvalidDate: true });
    const row = fc.record({
      receivedAt: date,
      eventId: text,
      occurredAt: date,
      agentName: text,
      agentId: nullable(text),
      toolName: text,
      toolId: nullable(text),
      toolVersion: text,
      toolVersionId: nullable(text),
      trustLevel: nullable(text),
      publisher: nullable(text),
      inputSchemaHash: nullable(text),
      outputSchemaHash: nullable(text),
      durationMs: fc.integer(),
      inputSizeBytes: nullable(fc.integer()),
      outputSizeBytes: nullable(fc.integer()),
      permissionsUsed: fc.array(text, { maxLength: 4 }),
      networkUsed: nullable(text),
      filesystemUsed: nullable(text),
      codeExecutionUsed: nullable(text),
      dataAccessUsed: nullable(text),
      dataClassification: text,
      resultStatus: text,
      approval: text,
      decisionId: nullable(text),
      apiKeyId: nullable(text),
    });
    fc.assert(
      fc.property(row, fc.bigInt({ min: 0n, max: 2n ** 63n - 2n }), (r, seq) => {
        const draft = draftRow(r);
        const chained = chainDraftRows([draft], { seq, hash: GENESIS_HASH });
        expect(chained.lastHash).toBe(eventHash(GENESIS_HASH, { ...r, seq: seq + 1n }));
        // The written-out fields follow the column table, column for column.
        const byTable = Object.entries(CONTENT_COLUMNS).map(([k, encode]) =>
          (encode as (v: unknown) => string)(r[k as keyof EventContent]),
        );
        expect(draft.fields).toBe(byTable.join('\t'));
      }),
      { numRuns: 300 },
    );
  });
});
