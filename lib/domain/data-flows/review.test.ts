import { describe, expect, it } from 'vitest';
import type { PermissionSet } from '@/lib/domain/types';
import { mapReviewReasons, pickReviewTrigger, reviewNote, type VersionDeclaration } from './review';

const NONE: PermissionSet = { network: 'NONE', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'NONE' };

function v(id: string, permissions: Partial<PermissionSet> = {}, allowedDomains: string[] = []): VersionDeclaration {
  return { versionId: id, version: id, permissions: { ...NONE, ...permissions }, allowedDomains };
}

describe('mapReviewReasons: what a version raises over the one the map was written for', () => {
  it.each<[string, VersionDeclaration, VersionDeclaration, string[], string[]]>([
    ['nothing changed', v('1', { filesystem: 'READ' }), v('2', { filesystem: 'READ' }), [], []],
    [
      'filesystem read → write',
      v('1', { filesystem: 'READ' }),
      v('2', { filesystem: 'WRITE' }),
      [],
      ['Filesystem rose from read to write'],
    ],
    ['a lower level is no reason', v('1', { filesystem: 'WRITE' }), v('2', { filesystem: 'READ' }), [], []],
    [
      'each dimension that rises, in dimension order',
      v('1', { network: 'INTERNAL', dataAccess: 'READ' }),
      v('2', { network: 'EXTERNAL', codeExecution: 'SANDBOXED', dataAccess: 'READ_WRITE' }),
      [],
      [
        'Network rose from internal to external',
        'Code execution rose from none to sandboxed',
        'Data access rose from read to read-write',
      ],
    ],
    [
      'a new allowed host of an external tool',
      v('1', { network: 'EXTERNAL' }, ['api.crm.example']),
      v('2', { network: 'EXTERNAL' }, ['api.crm.example', 'upload.crm.example']),
      [],
      ['New allowed host upload.crm.example'],
    ],
    [
      'a host the map already names (a person added it) is no reason',
      v('1', { network: 'EXTERNAL' }, ['api.crm.example']),
      v('2', { network: 'EXTERNAL' }, ['upload.crm.example']),
      ['upload.crm.example'],
      [],
    ],
    [
      'a host under a wildcard the basis allowed is no reason; the bare domain is',
      v('1', { network: 'EXTERNAL' }, ['*.crm.example']),
      v('2', { network: 'EXTERNAL' }, ['eu.api.crm.example', 'crm.example']),
      [],
      ['New allowed host crm.example'],
    ],
    [
      'hosts compare case-insensitively; malformed ones are ignored',
      v('1', { network: 'EXTERNAL' }, ['API.crm.example']),
      v('2', { network: 'EXTERNAL' }, ['api.crm.example', 'https://x.example/path']),
      [],
      [],
    ],
    [
      'allowed hosts of a tool without external network carry nothing out',
      v('1', { network: 'INTERNAL' }),
      v('2', { network: 'INTERNAL' }, ['new.example.com']),
      [],
      [],
    ],
    [
      'going external names both the rise and the hosts',
      v('1', { network: 'INTERNAL' }, ['new.example.com']),
      v('2', { network: 'EXTERNAL' }, ['new.example.com']),
      [],
      ['Network rose from internal to external', 'New allowed host new.example.com'],
    ],
    [
      'against no version at all, every declared level and host',
      { versionId: null, version: null, permissions: NONE, allowedDomains: [] },
      v('1', { filesystem: 'READ', network: 'EXTERNAL' }, ['a.example.com']),
      [],
      ['Network rose from none to external', 'Filesystem rose from none to read', 'New allowed host a.example.com'],
    ],
  ])('%s', (_name, basis, candidate, mappedHosts, expected) => {
    expect(mapReviewReasons({ basis, candidate, mappedHosts }).map((r) => r.text)).toEqual(expected);
  });

  it('carries the dimension and levels, and the host, for the record', () => {
    expect(
      mapReviewReasons({
        basis: v('1', { filesystem: 'READ' }),
        candidate: v('2', { filesystem: 'WRITE', network: 'EXTERNAL' }, ['x.example.com']),
        mappedHosts: [],
      }),
    ).toEqual([
      { kind: 'permission-rise', dimension: 'network', from: 'NONE', to: 'EXTERNAL', text: 'Network rose from none to external' },
      { kind: 'permission-rise', dimension: 'filesystem', from: 'READ', to: 'WRITE', text: 'Filesystem rose from read to write' },
      { kind: 'new-host', host: 'x.example.com', text: 'New allowed host x.example.com' },
    ]);
  });
});

describe('pickReviewTrigger: which of the versions an event brings reopens the map', () => {
  const raise = [{ kind: 'new-host' as const, host: 'h.example.com', text: 'New allowed host h.example.com' }];
  const a = { candidate: v('a'), reasons: raise };
  const b = { candidate: v('b'), reasons: raise };
  const quiet = { candidate: v('c'), reasons: [] };
  it.each([
    ['none raises', [quiet], 'c', null],
    ['the latest when it raises', [a, b], 'b', b],
    ['else the first that raises', [quiet, a, b], 'c', a],
    ['nothing to check', [], null, null],
  ])('%s', (_name, checked, latest, expected) => {
    expect(pickReviewTrigger(checked, latest)).toBe(expected);
  });
});

describe('reviewNote', () => {
  it('names the version and every reason', () => {
    expect(
      reviewNote('2.0.0', [
        {
          kind: 'permission-rise',
          dimension: 'filesystem',
          from: 'READ',
          to: 'WRITE',
          text: 'Filesystem rose from read to write',
        },
        { kind: 'new-host', host: 'x.example.com', text: 'New allowed host x.example.com' },
      ]),
    ).toBe('Needs review: in version 2.0.0, filesystem rose from read to write; new allowed host x.example.com');
  });
});
