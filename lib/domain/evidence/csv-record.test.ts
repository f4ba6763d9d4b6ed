import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecord, type CsvCell } from './csv-record';

// Fields near every quoting rule: the four characters that force quotes, quotes to double,
// characters that do not (tab, semicolon, leading spaces, formula-like text), empty and falsy values.
const text = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '"',
    '""',
    ',',
    '\n',
    '\r',
    '\r\n',
    'a,b',
    'say "hi"',
    '=1+1',
    '-2',
    '\ttab',
    'a;b',
    'naïve 😀',
    '\ud800',
  ),
  fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'Z', ' ', '"', ',', '\n', '\r', ';', "'", 'é') }),
  fc.string({ maxLength: 20 }),
);
const field: fc.Arbitrary<CsvCell> = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, NaN, Infinity, true, false, null, undefined),
  fc.bigInt(),
);

describe('csvRecord', () => {
  it('writes what csv-stringify writes with its defaults, for any fields', () => {
    fc.assert(
      fc.property(fc.array(field, { maxLength: 10 }), (cells) => {
        expect(csvRecord(cells)).toBe(stringify([cells]));
      }),
      { numRuns: 2000 },
    );
  });

  it('quotes only fields that need it and doubles their quotes', () => {
    expect(csvRecord(['a', 'b c', 'x,y', 'say "hi"', 'two\nlines', 1, true, false, null])).toBe(
      'a,b c,"x,y","say ""hi""","two\nlines",1,1,,\n',
    );
  });
});
