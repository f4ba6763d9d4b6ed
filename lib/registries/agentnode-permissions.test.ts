import { describe, expect, it } from 'vitest';
import { levelRank } from '@/lib/domain/permissions';
import {
  AGENTNODE_CODE_EXECUTION,
  AGENTNODE_DATA_ACCESS,
  AGENTNODE_FILESYSTEM,
  AGENTNODE_NETWORK,
  CODE_EXECUTION_MAP,
  DATA_ACCESS_MAP,
  FILESYSTEM_MAP,
  isInternalHost,
  mapAgentNodePermissions,
  mapNetwork,
} from './agentnode-permissions';

describe('AgentNode permission table', () => {
  it.each([
    ['none', [], 'NONE'],
    ['none', ['api.github.com'], 'NONE'],
    ['restricted', [], 'EXTERNAL'],
    ['restricted', ['api.github.com'], 'EXTERNAL'],
    ['restricted', ['db.internal', '10.0.0.4'], 'INTERNAL'],
    ['restricted', ['db.internal', 'api.stripe.com'], 'EXTERNAL'],
    ['unrestricted', [], 'EXTERNAL'],
    ['unrestricted', ['db.internal'], 'EXTERNAL'],
  ] as const)('network %s with %j → %s', (level, domains, expected) => {
    expect(mapNetwork(level, domains)).toBe(expected);
  });

  it.each([
    ['none', 'NONE'],
    ['temp', 'READ'],
    ['workspace_read', 'READ'],
    ['workspace_write', 'WRITE'],
    ['any', 'WRITE'],
  ] as const)('filesystem %s → %s', (level, expected) => {
    expect(FILESYSTEM_MAP[level]).toBe(expected);
  });

  it.each([
    ['none', 'NONE'],
    ['limited_subprocess', 'SANDBOXED'],
    ['shell', 'UNRESTRICTED'],
  ] as const)('code execution %s → %s', (level, expected) => {
    expect(CODE_EXECUTION_MAP[level]).toBe(expected);
  });

  it.each([
    ['input_only', 'NONE'],
    ['connected_accounts', 'READ'],
    ['persistent', 'READ_WRITE'],
  ] as const)('data access %s → %s', (level, expected) => {
    expect(DATA_ACCESS_MAP[level]).toBe(expected);
  });

  it('covers every AgentNode word and never reverses AgentNode order', () => {
    const monotone = <W extends string>(words: readonly W[], map: (w: W) => number) =>
      words.every((w, i) => i === 0 || map(w) >= map(words[i - 1]!));
    expect(Object.keys(FILESYSTEM_MAP)).toEqual([...AGENTNODE_FILESYSTEM]);
    expect(Object.keys(CODE_EXECUTION_MAP)).toEqual([...AGENTNODE_CODE_EXECUTION]);
    expect(Object.keys(DATA_ACCESS_MAP)).toEqual([...AGENTNODE_DATA_ACCESS]);
    expect(monotone(AGENTNODE_FILESYSTEM, (w) => levelRank('filesystem', FILESYSTEM_MAP[w]))).toBe(true);
    expect(monotone(AGENTNODE_CODE_EXECUTION, (w) => levelRank('codeExecution', CODE_EXECUTION_MAP[w]))).toBe(true);
    expect(monotone(AGENTNODE_DATA_ACCESS, (w) => levelRank('dataAccess', DATA_ACCESS_MAP[w]))).toBe(true);
    expect(monotone(AGENTNODE_NETWORK, (w) => levelRank('network', mapNetwork(w, ['api.example.com'])))).toBe(true);
  });

  it('maps a whole declaration', () => {
    expect(
      mapAgentNodePermissions({
        network_level: 'restricted',
        allowed_domains: ['api.github.com'],
        filesystem_level: 'workspace_read',
        code_execution_level: 'none',
        data_access_level: 'connected_accounts',
      }),
    ).toEqual({ network: 'EXTERNAL', filesystem: 'READ', codeExecution: 'NONE', dataAccess: 'READ' });
  });
});

describe('isInternalHost', () => {
  it.each([
    ['localhost', true],
    ['metrics.localhost', true],
    ['db.internal', true],
    ['*.corp', false],
    ['*.svc.corp', true],
    ['orders.default.svc', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.32.0.1', false],
    ['192.168.1.10:8080', true],
    ['127.0.0.1', true],
    ['8.8.8.8', false],
    ['api.github.com', false],
    ['internal.example.com', false],
  ])('%s → %s', (host, expected) => {
    expect(isInternalHost(host)).toBe(expected);
  });
});
