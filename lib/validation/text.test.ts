import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTROL_CHARACTER_MESSAGE, MALFORMED_TEXT_MESSAGE, printable, zText } from './text';

describe('zText: the one text schema', () => {
  const line = zText().trim().max(20);
  const note = zText({ multiline: true }).trim().max(20);

  it.each([
    ['NUL', 'a\u0000b', CONTROL_CHARACTER_MESSAGE],
    ['NUL alone', '\u0000', CONTROL_CHARACTER_MESSAGE],
    ['escape', 'x\u001b[31m', CONTROL_CHARACTER_MESSAGE],
    ['DEL', 'x\u007f', CONTROL_CHARACTER_MESSAGE],
    ['C1 control', 'x\u0085', CONTROL_CHARACTER_MESSAGE],
    ['line feed in a one-line value', 'a\nb', CONTROL_CHARACTER_MESSAGE],
    ['tab in a one-line value', 'a\tb', CONTROL_CHARACTER_MESSAGE],
    ['a lone surrogate', 'a\ud800b', MALFORMED_TEXT_MESSAGE],
    ['a NUL in an overlong value (the control message wins)', `${'x'.repeat(50)}\u0000`, CONTROL_CHARACTER_MESSAGE],
  ])('refuses %s', (_what, value, message) => {
    const r = line.safeParse(value);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual([message]);
  });

  it.each([
    ['plain text', ' support-agent ', 'support-agent'],
    ['accents and emoji', 'Zoë 🚀', 'Zoë 🚀'],
    ['a surrogate pair', '𝔘𝔫𝔦', '𝔘𝔫𝔦'],
    ['U+FFFD (what %ff decodes to)', 'a\ufffd', 'a\ufffd'],
  ])('accepts %s', (_what, value, parsed) => {
    expect(line.parse(value)).toBe(parsed);
  });

  it('keeps tab and line breaks in multi-line text, and nothing else', () => {
    expect(note.parse('line 1\r\nline\t2')).toBe('line 1\r\nline\t2');
    expect(note.safeParse('a\u0000').success).toBe(false);
    expect(note.safeParse('a\u000b').success).toBe(false);
  });

  it('keeps the caller’s own message for a missing value', () => {
    expect(zText({ error: 'Enter a name' }).safeParse(undefined).error!.issues[0]!.message).toBe('Enter a name');
  });
});

describe('printable', () => {
  it.each([
    ['a\u0000b', 'a\ufffdb'],
    ['x\ud800y', 'x\ufffdy'],
    ['line\nbreak', 'line\ufffdbreak'],
    ['ok 🚀 Zoë', 'ok 🚀 Zoë'],
  ])('%j → %j', (input, output) => {
    expect(printable(input)).toBe(output);
  });
});

describe('every text schema in lib/validation starts from zText', () => {
  it('has no bare z.string()', () => {
    const dir = path.join(process.cwd(), 'lib', 'validation');
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'text.ts')
      .flatMap((f) =>
        readFileSync(path.join(dir, f), 'utf8')
          .split('\n')
          .flatMap((line, i, lines) =>
            /\bz\s*\.\s*(coerce\s*\.\s*)?string\s*\(/.test(line) ||
            (/\bz\s*$/.test(line) && /^\s*\.string\(/.test(lines[i + 1] ?? ''))
              ? [`${f}:${i + 1}`]
              : [],
          ),
      );
    expect(offenders, 'use zText() from lib/validation/text.ts (control characters are refused there, once)').toEqual([]);
  });
});
