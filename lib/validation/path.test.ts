import { describe, expect, it } from 'vitest';
import { undecodablePathSegment } from './path';

describe('undecodablePathSegment', () => {
  it.each([
    ['/inventory/%ff', '%ff'],
    ['/changes/%ff', '%ff'],
    ['/policies/%ff', '%ff'],
    ['/api/changes/export/%ff', '%ff'],
    ['/inventory/%E0%A4%A', '%E0%A4%A'],
    ['/inventory/%', '%'],
    ['/inventory/%zz/x', '%zz'],
    ['/inventory/abc', null],
    ['/inventory/%C3%A9', null],
    ['/inventory/%00', null],
    ['/', null],
  ])('%s → %s', (path, expected) => {
    expect(undecodablePathSegment(path)).toBe(expected);
  });
});
