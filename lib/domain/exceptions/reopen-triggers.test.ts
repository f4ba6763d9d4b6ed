import { describe, expect, it } from 'vitest';
import { materialChanges, type CoveredToolState, type ReopenTrigger } from './reopen-triggers';

const before: CoveredToolState = {
  latestVersionId: 'v1',
  latestVersionName: '1.0.0',
  tier: 'VERIFIED',
  verificationState: 'PASSED',
  network: 'INTERNAL',
  filesystem: 'READ',
  codeExecution: 'NONE',
  dataAccess: 'READ',
};

describe('materialChanges (what reopens an approved exception)', () => {
  it.each<[string, Partial<CoveredToolState>, ReopenTrigger[]]>([
    ['nothing changed', {}, []],
    ['new version', { latestVersionId: 'v2', latestVersionName: '1.1.0' }, ['new-version']],
    ['network rises', { network: 'EXTERNAL' }, ['permission-rise']],
    ['filesystem rises', { filesystem: 'WRITE' }, ['permission-rise']],
    ['code execution rises', { codeExecution: 'SANDBOXED' }, ['permission-rise']],
    ['data access rises', { dataAccess: 'READ_WRITE' }, ['permission-rise']],
    ['two dimensions rise', { network: 'EXTERNAL', dataAccess: 'READ_WRITE' }, ['permission-rise', 'permission-rise']],
    ['permission drops', { network: 'NONE', filesystem: 'NONE' }, []],
    ['tier drops', { tier: 'PARTIAL' }, ['tier-drop']],
    ['tier rises', { tier: 'GOLD' }, []],
    ['verification fails', { verificationState: 'FAILED' }, ['failed-verification']],
    ['tier becomes Failed', { tier: 'FAILED' }, ['failed-verification']],
    [
      'verification fails with a new version',
      { latestVersionId: 'v2', verificationState: 'FAILED', tier: 'FAILED' },
      ['new-version', 'failed-verification'],
    ],
  ])('%s', (_n, patch, triggers) => {
    expect(materialChanges(before, { ...before, ...patch }).map((c) => c.trigger)).toEqual(triggers);
  });

  it('a tool without a previous version (first import) reopens nothing', () => {
    expect(materialChanges({ ...before, latestVersionId: null }, before)).toEqual([]);
  });

  it('an already failed tool failing again is not news', () => {
    const failed = { ...before, tier: 'FAILED' as const, verificationState: 'FAILED' as const };
    expect(materialChanges(failed, failed)).toEqual([]);
  });
});
