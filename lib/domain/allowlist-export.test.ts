import { describe, expect, it } from 'vitest';
import { claudeServerName, serverUrlPattern, toClaudeManagedSettings, toToolHiveExport, toToolHiveProfile, type ApprovedToolVersion } from './allowlist-export';

const tool = (patch: Partial<ApprovedToolVersion> = {}): ApprovedToolVersion => ({
  externalId: 'email-parser',
  name: 'Email parser',
  version: '2.1.0',
  artifactDigest: 'sha256:abc',
  permissions: { network: 'NONE', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'NONE' },
  allowedDomains: [],
  remoteUrls: [],
  ...patch,
});

describe('claudeServerName', () => {
  it.each([
    ['email-parser', 'email-parser'],
    ['io.github.acme/weather', 'io-github-acme-weather'],
    ['@acme/Weather_MCP', 'acme-weather_mcp'],
    ['///', 'unnamed'],
  ])('%s → %s', (input, expected) => expect(claudeServerName(input)).toBe(expected));
});

describe('serverUrlPattern', () => {
  it.each([
    ['https://mcp.acme.com/v1/mcp', 'https://mcp.acme.com/*'],
    ['https://{tenant}.acme.com/mcp', 'https://*.acme.com/*'],
    ['ftp://acme.com/x', null],
    ['not a url', null],
  ])('%s → %s', (input, expected) => expect(serverUrlPattern(input)).toBe(expected));
});

describe('toClaudeManagedSettings', () => {
  it('allows only managed servers, names de-duplicated and sorted, URLs after names', () => {
    const out = toClaudeManagedSettings([
      tool({ externalId: 'zeta' }),
      tool({ externalId: 'alpha', remoteUrls: ['https://alpha.example.com/mcp'] }),
      tool({ externalId: 'zeta', version: '2.2.0' }),
    ]);
    expect(out).toEqual({
      allowManagedMcpServersOnly: true,
      allowedMcpServers: [{ serverName: 'alpha' }, { serverName: 'zeta' }, { serverUrl: 'https://alpha.example.com/*' }],
    });
  });

  it('allows nothing when nothing is approved (deny by default)', () => {
    expect(toClaudeManagedSettings([])).toEqual({ allowManagedMcpServersOnly: true, allowedMcpServers: [] });
  });
});

describe('toToolHiveProfile', () => {
  it.each([
    ['no network', tool(), { insecure_allow_all: false, allow_host: [], allow_port: [] }, 0],
    [
      'external with domains',
      tool({ permissions: { ...tool().permissions, network: 'EXTERNAL' }, allowedDomains: ['api.b.com', 'API.a.com', 'api.b.com'] }),
      { insecure_allow_all: false, allow_host: ['api.a.com', 'api.b.com'], allow_port: [443] },
      0,
    ],
    ['external without domains', tool({ permissions: { ...tool().permissions, network: 'EXTERNAL' } }), { insecure_allow_all: true, allow_host: [], allow_port: [] }, 1],
    ['internal without hosts', tool({ permissions: { ...tool().permissions, network: 'INTERNAL' } }), { insecure_allow_all: false, allow_host: [], allow_port: [] }, 1],
    ['internal with hosts', tool({ permissions: { ...tool().permissions, network: 'INTERNAL' }, allowedDomains: ['db.internal'] }), { insecure_allow_all: false, allow_host: ['db.internal'], allow_port: [443] }, 0],
  ] as const)('%s', (_n, input, outbound, noteCount) => {
    const entry = toToolHiveProfile(input);
    expect(entry.profile.network.outbound).toEqual(outbound);
    expect(entry.profile.privileged).toBe(false);
    expect(entry.notes).toHaveLength(noteCount);
  });

  it('never grants mounts or privilege, but says which filesystem level was approved', () => {
    const entry = toToolHiveProfile(tool({ permissions: { network: 'NONE', filesystem: 'WRITE', codeExecution: 'UNRESTRICTED', dataAccess: 'READ' } }));
    expect(entry.profile).toMatchObject({ name: 'email-parser', privileged: false, read: [], write: [] });
    expect(entry.notes.join(' ')).toMatch(/write/);
    expect(entry.notes.join(' ')).toMatch(/unprivileged/);
  });

  it('exports one profile per approved version, sorted, with the pinned digest', () => {
    const out = toToolHiveExport('PRODUCTION', [tool({ externalId: 'b' }), tool({ externalId: 'a', artifactDigest: 'sha256:def' })], new Date('2026-11-25T00:00:00Z'));
    expect(out.environment).toBe('PRODUCTION');
    expect(out.generatedAt).toBe('2026-11-25T00:00:00.000Z');
    expect(out.profiles.map((p) => [p.serverName, p.artifactDigest])).toEqual([['a', 'sha256:def'], ['b', 'sha256:abc']]);
  });
});
