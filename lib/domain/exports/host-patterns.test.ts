import { describe, expect, it } from 'vitest';
import { isInternalHost, parseHostPattern, toolHiveHostMatches } from './host-patterns';

describe('parseHostPattern keeps the source form and its meaning', () => {
  it.each([
    ['.github.com', { pattern: '.github.com', base: 'github.com', subdomains: true }],
    ['*.google.com', { pattern: '*.google.com', base: 'google.com', subdomains: true }],
    ['API.Example.com', { pattern: 'api.example.com', base: 'api.example.com', subdomains: false }],
    ['10.0.0.5', { pattern: '10.0.0.5', base: '10.0.0.5', subdomains: false }],
    ['localhost', { pattern: 'localhost', base: 'localhost', subdomains: false }],
    ['*', null],
    ['.com', null],
    ['*.10.0.0.1', null],
    ['https://api.example.com', null],
    ['api.example.com:443', null],
    ['300.1.1.1', null],
  ])('%s', (raw, expected) => expect(parseHostPattern(raw)).toEqual(expected));
});

describe('toolHiveHostMatches (ToolHive: leading "." or "*." = host and subdomains; bare = itself)', () => {
  it.each([
    ['.github.com', 'api.github.com', true],
    ['.github.com', 'github.com', true],
    ['*.github.com', 'a.b.github.com', true],
    ['.github.com', 'evilgithub.com', false],
    ['github.com', 'api.github.com', false],
    ['github.com', 'GITHUB.com', true],
  ])('%s reaches %s: %s', (pattern, host, expected) =>
    expect(toolHiveHostMatches(parseHostPattern(pattern)!, host)).toBe(expected),
  );
});

describe('isInternalHost', () => {
  it.each([
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['db.svc', true],
    ['api.corp.internal', true],
    ['api.github.com', false],
  ])('%s → %s', (host, expected) => expect(isInternalHost(host)).toBe(expected));
});
