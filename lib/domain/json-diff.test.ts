import { describe, expect, it } from 'vitest';
import { diffJson } from './json-diff';

describe('diffJson', () => {
  it.each([
    ['nothing to nothing', null, null, []],
    ['equal objects', { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, []],
    [
      'creation lists every field as added',
      null,
      { role: 'ADMIN', email: 'a@b' },
      [
        { path: 'email', kind: 'added', after: 'a@b' },
        { path: 'role', kind: 'added', after: 'ADMIN' },
      ],
    ],
    ['removal lists every field as removed', { x: { y: 1 } }, undefined, [{ path: 'x.y', kind: 'removed', before: 1 }]],
    [
      'a changed scalar',
      { role: 'ADMIN', active: true },
      { role: 'AUDITOR', active: true },
      [{ path: 'role', kind: 'changed', before: 'ADMIN', after: 'AUDITOR' }],
    ],
    [
      'nested keys by dotted path',
      { p: { net: 'none', fs: 'read' } },
      { p: { net: 'external', fs: 'read', code: 'none' } },
      [
        { path: 'p.code', kind: 'added', after: 'none' },
        { path: 'p.net', kind: 'changed', before: 'none', after: 'external' },
      ],
    ],
    [
      'arrays compare whole',
      { scopes: ['READ'] },
      { scopes: ['READ', 'ENFORCE'] },
      [{ path: 'scopes', kind: 'changed', before: ['READ'], after: ['READ', 'ENFORCE'] }],
    ],
    ['object replaced by scalar', { v: { a: 1 } }, { v: 3 }, [{ path: 'v', kind: 'changed', before: { a: 1 }, after: 3 }]],
    ['scalar root', 1, 2, [{ path: '', kind: 'changed', before: 1, after: 2 }]],
    ['a key set to null counts as removed', { a: 1 }, { a: null }, [{ path: 'a', kind: 'removed', before: 1 }]],
  ] as const)('%s', (_name, before, after, expected) => {
    expect(diffJson(before, after)).toEqual(expected);
  });
});
