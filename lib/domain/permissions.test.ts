import { describe, expect, it } from 'vitest';
import { exceedsMaximum, findEscalations, levelRank, mostPermissive, NO_PERMISSIONS } from './permissions';
import type { PermissionSet } from './types';

const set = (
  network: PermissionSet['network'],
  filesystem: PermissionSet['filesystem'],
  codeExecution: PermissionSet['codeExecution'],
  dataAccess: PermissionSet['dataAccess'],
): PermissionSet => ({ network, filesystem, codeExecution, dataAccess });

describe('permission lattice', () => {
  it.each([
    ['network', 'NONE', 0],
    ['network', 'INTERNAL', 1],
    ['network', 'EXTERNAL', 2],
    ['filesystem', 'WRITE', 2],
    ['codeExecution', 'SANDBOXED', 1],
    ['dataAccess', 'READ_WRITE', 2],
  ] as const)('%s %s has rank %i', (d, level, rank) => {
    expect(levelRank(d, level as never)).toBe(rank);
  });

  it('finds every dimension that rises', () => {
    const prev = set('INTERNAL', 'READ', 'NONE', 'READ');
    const next = set('EXTERNAL', 'READ', 'SANDBOXED', 'NONE');
    expect(findEscalations(prev, next)).toEqual([
      { dimension: 'network', from: 'INTERNAL', to: 'EXTERNAL' },
      { dimension: 'codeExecution', from: 'NONE', to: 'SANDBOXED' },
    ]);
  });

  it('does not count a lowered or equal level as escalation', () => {
    expect(findEscalations(set('EXTERNAL', 'WRITE', 'UNRESTRICTED', 'READ_WRITE'), NO_PERMISSIONS)).toEqual([]);
    expect(findEscalations(NO_PERMISSIONS, NO_PERMISSIONS)).toEqual([]);
  });

  it('reports what exceeds a maximum', () => {
    expect(exceedsMaximum(set('EXTERNAL', 'NONE', 'NONE', 'READ'), set('INTERNAL', 'READ', 'NONE', 'READ'))).toEqual([
      { dimension: 'network', from: 'INTERNAL', to: 'EXTERNAL' },
    ]);
  });

  it('takes the most permissive level per dimension', () => {
    expect(mostPermissive([set('INTERNAL', 'WRITE', 'NONE', 'NONE'), set('EXTERNAL', 'READ', 'SANDBOXED', 'READ')])).toEqual(
      set('EXTERNAL', 'WRITE', 'SANDBOXED', 'READ'),
    );
    expect(mostPermissive([])).toEqual(NO_PERMISSIONS);
  });
});
