import { describe, expect, it } from 'vitest';
import { copyNumber, copyText, copyTextArray, copyTimestamp } from './copy-text';

describe('COPY text format fields', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['tab\there', 'tab\\there'],
    ['line\nbreak', 'line\\nbreak'],
    ['carriage\rreturn', 'carriage\\rreturn'],
    ['back\\slash', 'back\\\\slash'],
    ['\\N', '\\\\N'],
    ['\\.', '\\\\.'],
    ['all \\\t\n\r at once', 'all \\\\\\t\\n\\r at once'],
    ['unicode: é 中文 🚀', 'unicode: é 中文 🚀'],
    ['quotes "and" \'these\'', 'quotes "and" \'these\''],
  ])('text %j', (value, field) => expect(copyText(value)).toBe(field));

  it('writes NULL as \\N, for every kind', () => {
    expect([copyText(null), copyNumber(null), copyTimestamp(null), copyTextArray(null)]).toEqual(['\\N', '\\N', '\\N', '\\N']);
  });

  it('writes whole numbers exactly, bigints past 2^53 included, and refuses anything else', () => {
    expect(copyNumber(0)).toBe('0');
    expect(copyNumber(-42)).toBe('-42');
    expect(copyNumber(9_007_199_254_740_993n)).toBe('9007199254740993');
    expect(() => copyNumber(1.5)).toThrow(RangeError);
    expect(() => copyNumber(Number.NaN)).toThrow(RangeError);
  });

  it('writes timestamps as UTC ISO text to the millisecond', () => {
    expect(copyTimestamp(new Date('2026-12-02T18:00:00.123Z'))).toBe('2026-12-02T18:00:00.123Z');
  });

  it.each([
    [[], '{}'],
    [['network:none', 'filesystem:read'], '{"network:none","filesystem:read"}'],
    [['NULL'], '{"NULL"}'],
    [['a,b', '{c}', ' d '], '{"a,b","{c}"," d "}'],
    [['say "hi"'], '{"say \\\\"hi\\\\""}'],
    [['back\\slash'], '{"back\\\\\\\\slash"}'],
    [['tab\tnew\nline'], '{"tab\\tnew\\nline"}'],
  ])('text[] %j', (values, field) => expect(copyTextArray(values)).toBe(field));
});
