import { describe, expect, it } from 'vitest';
import { requestCheck } from './request-checks';

const runs = [{ agentId: 'a1', toolId: 't1', toolVersionId: 'v1', version: '1.0.0', state: 'ACTIVE' as const }];

describe('requestCheck', () => {
  it.each<[string, string, string | undefined, string | null]>([
    ['NEW_TOOL', 'a1', 't1', 'already runs this tool'],
    ['NEW_TOOL', 'a1', 't2', null],
    ['NEW_TOOL', 'a2', 't1', null],
    ['VERSION_UPDATE', 'a1', 't1', null],
    ['VERSION_UPDATE', 'a1', 't2', 'does not run this tool'],
    ['REMOVAL', 'a2', 't1', 'does not run this tool'],
    ['NEW_TOOL', '', 't1', null],
    ['NEW_TOOL', 'a1', undefined, null],
  ])('%s by %s of %s', (kind, agent, tool, error) => {
    const r = requestCheck(kind, agent, tool, runs);
    if (error === null) expect(r.error).toBeNull();
    else expect(r.error).toContain(error);
  });

  it('names the version an update replaces', () => {
    expect(requestCheck('VERSION_UPDATE', 'a1', 't1', runs).current?.version).toBe('1.0.0');
  });
});
