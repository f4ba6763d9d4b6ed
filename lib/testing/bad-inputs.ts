// Test-only: generated malformed inputs for the sweep (lib/server/malformed-input-sweep.int.test.ts).
// What a reviewer or a fuzzer sends: NUL bytes, invalid percent-encodings, overlong text, dates
// shaped right but not real, numbers out of range, wrong JSON types, broken JSON.
import { z } from 'zod';

/** Query-string values exactly as they appear in a URL (already percent-encoded). */
export const BAD_QUERY_VALUES = [
  '%00',
  'a%00b',
  '%ff',
  '%00%ff',
  '%ED%A0%80', // an encoded lone surrogate
  '%1B%5B31m',
  encodeURIComponent('x'.repeat(5000)),
  '2026-13-01',
  '2026-02-30',
  '-1',
  '0',
  '1e309',
  'NaN',
  '%5B%5D',
  encodeURIComponent(`'; DROP TABLE "Tool"; --`),
];

/** Values for JSON body fields and decoded path segments. */
export const BAD_VALUES: unknown[] = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\u001b[31m',
  '%ff',
  'x'.repeat(100_000),
  '2026-13-01',
  '',
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  null,
  [],
  {},
  ['\u0000'],
  { nested: '\u0000' },
];

/** Bodies that are not the JSON object a route expects. */
export const BAD_BODIES = [
  '',
  ' ',
  'not json',
  '{',
  '{"a":1',
  '[]',
  'null',
  '123',
  '"\\u0000"',
  '\u0000',
  '{"a":"\\u0000"}',
  '['.repeat(5000),
  `{"x":"${'y'.repeat(200_000)}"}`,
];

/** Every field name any input schema in lib/validation knows, so bad values reach each one. */
export function fieldNamesOf(modules: Record<string, unknown>[]): string[] {
  const names = new Set<string>();
  for (const mod of modules) {
    for (const value of Object.values(mod)) {
      if (value instanceof z.ZodObject) for (const key of Object.keys(value.shape)) names.add(key);
    }
  }
  return [...names].sort();
}

/** URLSearchParams as Next hands them to a page: a repeated key becomes an array. */
export function searchParamsRecord(search: string): Record<string, string | string[]> {
  const params = new URLSearchParams(search);
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}
