import { z } from 'zod';

// Control characters (Unicode Cc: C0, DEL, C1). PostgreSQL text cannot hold NUL at all ("invalid
// byte sequence for encoding UTF8", a 500), and the others are never meant in a name, an id, a
// search or a note: refusing them here, once, keeps them out of every query and every record.
// Multi-line text keeps tab, line feed and carriage return.
const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_WHITESPACE = /(?![\t\n\r])\p{Cc}/u;
// A UTF-16 surrogate without its pair (JSON "\ud800"): cannot be stored as UTF-8 faithfully.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const CONTROL_CHARACTER_MESSAGE = 'Remove the control characters (such as NUL) from this value';
export const MALFORMED_TEXT_MESSAGE = 'This value is not valid Unicode text';

interface TextOptions {
  /** The message when the value is missing or not a string. */
  error?: string;
  /** Notes and comments: tab and line breaks allowed. */
  multiline?: boolean;
}

/**
 * The one text schema: every string input (forms, JSON bodies, search params, path segments)
 * starts here, then adds its own `.trim().min().max()`. The check runs first and stops the chain,
 * so a value with a NUL byte gets this message, not a length message.
 */
export function zText(options: TextOptions = {}) {
  const control = options.multiline ? CONTROL_EXCEPT_WHITESPACE : CONTROL;
  return z
    .string(options.error ? { error: options.error } : undefined)
    .refine((s) => !LONE_SURROGATE.test(s), { message: MALFORMED_TEXT_MESSAGE, abort: true })
    .refine((s) => !control.test(s), { message: CONTROL_CHARACTER_MESSAGE, abort: true });
}

/**
 * For text that is recorded rather than validated (a refused request's raw fields in the
 * enforcement log): control characters and lone surrogates become U+FFFD, so the record can be
 * written (PostgreSQL refuses NUL) and still shows that something was there.
 */
export function printable(s: string): string {
  return s.replace(new RegExp(`${CONTROL.source}|${LONE_SURROGATE.source}`, 'gu'), '\ufffd');
}
