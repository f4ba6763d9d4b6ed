import { describe, expect, it } from 'vitest';
import { classifyAddress, hostAllowed, ipLiteral, parseAllowedHosts } from './network-address';

describe('classifyAddress', () => {
  it.each([
    ['93.184.215.14', true, ''],
    ['2606:4700::6810:84e5', true, ''],
    ['127.0.0.1', false, 'loopback'],
    ['127.8.9.10', false, 'loopback'],
    ['::1', false, 'loopback'],
    ['10.1.2.3', false, 'private'],
    ['172.16.0.1', false, 'private'],
    ['192.168.1.1', false, 'private'],
    ['169.254.169.254', false, 'link-local (cloud metadata)'],
    ['fe80::1', false, 'link-local (cloud metadata)'],
    ['fd00::1', false, 'private (IPv6 unique-local)'],
    ['100.64.0.1', false, 'carrier-grade NAT'],
    ['0.0.0.0', false, 'unspecified'],
    ['::', false, 'unspecified'],
    ['224.0.0.1', false, 'multicast'],
    ['::ffff:10.0.0.1', false, 'private'],
    ['::ffff:127.0.0.1', false, 'loopback'],
    ['::ffff:93.184.215.14', true, ''],
    ['2002:a00:1::', false, '6to4'],
    ['64:ff9b::a00:1', false, 'rfc6052'],
    ['nonsense', false, 'not an IP address'],
  ])('%s → ok %s %s', (address, ok, range) => {
    expect(classifyAddress(address)).toEqual(ok ? { ok: true } : { ok: false, range });
  });
});

describe('allowed hosts', () => {
  it('parses the comma list and matches host or host:port exactly', () => {
    const allowed = parseAllowedHosts(' Mirror.Internal , 127.0.0.1:8080,[::1]');
    expect(allowed).toEqual(['mirror.internal', '127.0.0.1:8080', '[::1]']);
    expect(hostAllowed(allowed, 'mirror.internal', '443')).toBe(true);
    expect(hostAllowed(allowed, 'MIRROR.internal', '80')).toBe(true);
    expect(hostAllowed(allowed, 'evil.mirror.internal', '443')).toBe(false);
    expect(hostAllowed(allowed, '127.0.0.1', '8080')).toBe(true);
    expect(hostAllowed(allowed, '127.0.0.1', '5432')).toBe(false);
    expect(hostAllowed(allowed, '[::1]', '9')).toBe(true);
    expect(hostAllowed(parseAllowedHosts(undefined), 'x', '1')).toBe(false);
  });

  it('recognises IP literals, bracketed IPv6 included', () => {
    expect(ipLiteral('[::1]')).toBe('::1');
    expect(ipLiteral('10.0.0.1')).toBe('10.0.0.1');
    expect(ipLiteral('registry.example')).toBeNull();
  });
});
