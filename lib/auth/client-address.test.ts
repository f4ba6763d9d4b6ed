import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './client-address';

describe('clientAddressOf', () => {
  it.each<[string, Record<string, string> | Headers | undefined, string | null]>([
    ['no headers', undefined, null],
    ['socket address filled in by Next', { 'x-forwarded-for': '127.0.0.1' }, '127.0.0.1'],
    ['right-most entry wins (client-prepended values ignored)', { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }, '203.0.113.7'],
    ['IPv6', { 'x-forwarded-for': '2001:db8::1' }, '2001:db8::1'],
    ['IPv4-mapped IPv6', { 'x-forwarded-for': '::ffff:10.0.0.2' }, '::ffff:10.0.0.2'],
    ['x-real-ip when no forwarded-for', { 'x-real-ip': '198.51.100.4' }, '198.51.100.4'],
    ['free text is not an address', { 'x-forwarded-for': '<script>' }, null],
    ['Headers object', new Headers({ 'x-forwarded-for': '192.0.2.1' }), '192.0.2.1'],
  ])('%s', (_name, headers, expected) => {
    expect(clientAddressOf(headers)).toBe(expected);
  });
});
