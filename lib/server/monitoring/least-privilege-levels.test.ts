import { CodeExecutionLevel, DataAccessLevel, FilesystemLevel, NetworkLevel } from '@prisma/client';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '@/lib/domain/permissions';

// list-least-privilege.ts compares levels in SQL (`declared > used`), where an enum orders by its
// declaration; the domain orders them by LEVELS. The two orders must be the same.
describe('permission level enums', () => {
  it.each([
    ['network', NetworkLevel],
    ['filesystem', FilesystemLevel],
    ['codeExecution', CodeExecutionLevel],
    ['dataAccess', DataAccessLevel],
  ] as const)('%s is declared lowest first, as LEVELS', (dimension, declared) => {
    expect(Object.values(declared)).toEqual(LEVELS[dimension]);
  });
});
