import { describe, expect, it } from 'vitest';
import { claudeAllowsServer } from './claude-code-rules';
import { packageCommand, toClaudeManagedSettings } from './claude-code';
import type { ExportableVersion } from './types';

const v = (externalId: string, declared: unknown, version = '1.0.0'): ExportableVersion => ({
  toolId: externalId,
  toolVersionId: `${externalId}@${version}`,
  externalId,
  name: externalId,
  version,
  artifactDigest: null,
  permissions: { network: 'EXTERNAL', filesystem: 'NONE', codeExecution: 'UNRESTRICTED', dataAccess: 'NONE' },
  allowedDomains: [],
  declared,
});

describe('packageCommand', () => {
  it.each([
    ['npm', '@acme/weather-mcp', '1.2.0', ['npx', '-y', '@acme/weather-mcp@1.2.0']],
    ['pypi', 'weather-mcp', '0.4.1', ['uvx', 'weather-mcp==0.4.1']],
    [
      'oci',
      'ghcr.io/github/github-mcp-server',
      '0.19.1',
      ['docker', 'run', '-i', '--rm', 'ghcr.io/github/github-mcp-server:0.19.1'],
    ],
    [
      'oci',
      'ghcr.io/github/github-mcp-server:v0.19.1',
      '0.19.1',
      ['docker', 'run', '-i', '--rm', 'ghcr.io/github/github-mcp-server:v0.19.1'],
    ],
    ['nuget', 'Acme.Weather', '1.0.0', null],
    ['npm', 'weather', null, null],
  ])('%s %s %s', (type, id, version, expected) => expect(packageCommand(type, id, version)).toEqual(expected));
});

describe('toClaudeManagedSettings', () => {
  const versions = [
    v('io.github.acme/weather', {
      source: 'mcp-registry',
      packages: [{ registryType: 'npm', identifier: '@acme/weather-mcp', version: '1.2.0', transport: 'stdio' }],
    }),
    v('io.github.acme/remote', {
      source: 'mcp-registry',
      remotes: [{ type: 'streamable-http', url: 'https://{tenant}.acme.com/mcp' }],
    }),
    v('io.github.acme/bad-remote', { source: 'mcp-registry', remotes: [{ url: 'https://acme.com:{port}/mcp' }] }),
    v('email-parser', { network_level: 'restricted' }),
    v('left-pad-mcp', { source: 'npm' }, '2.0.0'),
  ];
  const { settings, leftOut } = toClaudeManagedSettings(versions);

  it('pins stdio servers by exact command and remotes by bounded URL; writes no serverName', () => {
    expect(settings.allowManagedMcpServersOnly).toBe(true);
    expect(settings.allowedMcpServers).toEqual([
      { serverCommand: ['npx', '-y', '@acme/weather-mcp@1.2.0'] },
      { serverCommand: ['npx', '-y', 'left-pad-mcp@2.0.0'] },
      { serverUrl: 'https://*.acme.com/mcp' },
    ]);
    expect(settings.allowedMcpServers.some((e) => 'serverName' in e)).toBe(false);
    expect(settings.deniedMcpServers.length).toBeGreaterThan(0);
  });

  it('lists each server it cannot express, with the reason', () => {
    expect(leftOut).toEqual([
      {
        serverName: 'email-parser',
        version: '1.0.0',
        reason: 'no package command or remote URL is known, and a server name alone is not a security control in Claude Code',
      },
      {
        serverName: 'io-github-acme-bad-remote',
        version: '1.0.0',
        reason: 'remote https://acme.com:{port}/mcp: a variable or invalid value in the port cannot be bounded',
      },
    ]);
  });

  it('as Claude Code evaluates it: the approved command runs, the same name with another command or URL does not', () => {
    const allows = (s: Parameters<typeof claudeAllowsServer>[1]) => claudeAllowsServer(settings, s);
    expect(allows({ kind: 'stdio', name: 'weather', command: ['npx', '-y', '@acme/weather-mcp@1.2.0'] })).toBe(true);
    expect(allows({ kind: 'stdio', name: 'io-github-acme-weather', command: ['npx', '-y', '@acme/weather-mcp@1.3.0'] })).toBe(
      false,
    );
    expect(allows({ kind: 'stdio', name: 'email-parser', command: ['node', 'anything.js'] })).toBe(false);
    expect(allows({ kind: 'remote', name: 'io-github-acme-bad-remote', url: 'https://acme.com:9999/mcp' })).toBe(false);
    expect(allows({ kind: 'remote', name: 'x', url: 'https://eu.acme.com/mcp' })).toBe(true);
  });

  it('allows nothing when nothing is allowed (deny by default)', () => {
    expect(toClaudeManagedSettings([]).settings).toEqual({
      allowManagedMcpServersOnly: true,
      allowedMcpServers: [],
      deniedMcpServers: [],
    });
  });
});
