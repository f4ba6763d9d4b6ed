import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseHostPattern, toolHiveHostMatches } from './host-patterns';
import { toToolHiveProfile, toToolHiveProfiles } from './toolhive';
import { profileJson, toolHiveArchive } from './toolhive-archive';
import { ZExportedToolHiveProfile, ZToolHiveProfile } from './toolhive-profile-schema';
import type { ExportableVersion } from './types';

const FIXTURES = join(__dirname, '__fixtures__', 'toolhive');
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(FIXTURES, f), 'utf8'))] as const);

const version = (patch: Partial<ExportableVersion> = {}): ExportableVersion => ({
  toolId: 't1',
  toolVersionId: 'v1',
  externalId: 'io.github.acme/weather',
  name: 'Weather',
  version: '1.2.0',
  artifactDigest: 'sha256:abc',
  permissions: { network: 'NONE', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'NONE' },
  allowedDomains: [],
  declared: null,
  ...patch,
});
const external = { network: 'EXTERNAL', filesystem: 'NONE', codeExecution: 'SANDBOXED', dataAccess: 'NONE' } as const;

/** Loads an exported file the way ToolHive does (its struct, strict about keys) and our stricter rule. */
function load(text: string) {
  const json: unknown = JSON.parse(text);
  ZToolHiveProfile.parse(json);
  return ZExportedToolHiveProfile.parse(json);
}

describe('ToolHive fixtures from ToolHive itself round-trip with host patterns and ports intact', () => {
  it.each(fixtures)('%s', (_name, fixture) => {
    expect(ZToolHiveProfile.safeParse(fixture).success).toBe(true);
    const r = toToolHiveProfile(
      version({
        permissions: { ...external, filesystem: 'WRITE' },
        declared: { source: 'mcp-registry', toolhive: [{ artifact: 'ghcr.io/x', permissions: fixture }] },
      }),
    );
    if (!r.ok) throw new Error(r.leftOut.reason);
    const exported = load(profileJson(r.file));
    const out = fixture.network?.outbound ?? {};
    expect(exported.network.outbound).toEqual({
      insecure_allow_all: out.insecure_allow_all ?? false,
      allow_host: [...(out.allow_host ?? [])].sort(),
      allow_port: [...(out.allow_port ?? [])].sort((a: number, b: number) => a - b),
    });
    expect(exported.read).toEqual(fixture.read ?? []);
    expect(exported.write).toEqual(fixture.write ?? []);
  });

  it('keeps the subdomain meaning of a leading dot (.github.com reaches api.github.com)', () => {
    const gh = fixtures.find(([n]) => n === 'github-registry-profile.json')![1];
    const r = toToolHiveProfile(version({ permissions: external, declared: { toolhive: [{ permissions: gh }] } }));
    if (!r.ok) throw new Error('left out');
    const patterns = r.file.profile.network.outbound.allow_host.map((h) => parseHostPattern(h)!);
    const reaches = (host: string) => patterns.some((p) => toolHiveHostMatches(p, host));
    expect(r.file.profile.network.outbound.allow_host).toEqual(['.github.com', '.githubusercontent.com']);
    expect(reaches('api.github.com')).toBe(true);
    expect(reaches('github.com')).toBe(true);
    expect(reaches('evilgithub.com')).toBe(false);
    expect(r.file.profile.network.outbound.allow_port).toEqual([443]);
  });
});

describe('the validator refuses what ToolHive would misread', () => {
  const good = {
    name: 'x',
    read: [],
    write: [],
    privileged: false,
    network: { outbound: { insecure_allow_all: false, allow_host: [], allow_port: [] } },
  };
  it.each([
    ['the old wrapper file', { environment: 'PRODUCTION', generatedAt: '2026-01-01T00:00:00Z', profiles: [{ profile: good }] }],
    ['an unknown top-level key', { ...good, notes: ['add mounts'] }],
    ['an unknown outbound key', { ...good, network: { outbound: { ...good.network.outbound, allow_transport: ['tcp'] } } }],
    ['no network section', { name: 'x', read: [], write: [], privileged: false }],
    ['a network section without outbound', { ...good, network: {} }],
    ['ports without hosts', { ...good, network: { outbound: { insecure_allow_all: false, allow_host: [], allow_port: [443] } } }],
    ['privileged', { ...good, privileged: true }],
  ])('%s', (_l, profile) => {
    expect(ZExportedToolHiveProfile.safeParse(profile).success).toBe(false);
  });
  it('accepts the explicit deny-all profile', () => expect(ZExportedToolHiveProfile.safeParse(good).success).toBe(true));
  it('ToolHive struct refuses an unknown top-level key too', () =>
    expect(ZToolHiveProfile.safeParse({ name: 'x', profiles: [] }).success).toBe(false));
});

describe('toToolHiveProfile', () => {
  const outboundOf = (v: ExportableVersion) => {
    const r = toToolHiveProfile(v);
    return r.ok ? r.file.profile.network.outbound : r.leftOut.reason;
  };
  it.each([
    ['no network permission → explicit deny-all', version(), { insecure_allow_all: false, allow_host: [], allow_port: [] }],
    [
      'no network permission wins over a published profile',
      version({ declared: { toolhive: [{ permissions: { network: { outbound: { allow_host: ['api.x.com'] } } } }] } }),
      { insecure_allow_all: false, allow_host: [], allow_port: [] },
    ],
    [
      'AgentNode domains keep their form, no port invented',
      version({ permissions: external, allowedDomains: ['.github.com', 'API.slack.com'] }),
      { insecure_allow_all: false, allow_host: ['.github.com', 'api.slack.com'], allow_port: [] },
    ],
    [
      'remote URL ports are kept',
      version({
        permissions: external,
        allowedDomains: ['mcp.acme.com'],
        declared: { remotes: [{ url: 'https://mcp.acme.com:8443/mcp' }] },
      }),
      { insecure_allow_all: false, allow_host: ['mcp.acme.com'], allow_port: [8443] },
    ],
    [
      'hosts with different ports are left out',
      version({
        permissions: external,
        allowedDomains: ['a.acme.com', 'b.acme.com'],
        declared: { remotes: [{ url: 'https://a.acme.com/mcp' }, { url: 'http://b.acme.com/mcp' }] },
      }),
      'its hosts were declared with different ports, and a ToolHive profile pairs every host with every port',
    ],
    [
      'external without hosts → allow-all, as approved',
      version({ permissions: external }),
      { insecure_allow_all: true, allow_host: [], allow_port: [] },
    ],
    [
      'internal without hosts is left out',
      version({ permissions: { ...external, network: 'INTERNAL' } }),
      'approved for internal network but no internal hosts are declared',
    ],
    [
      'internal approval with external hosts is left out',
      version({ permissions: { ...external, network: 'INTERNAL' }, allowedDomains: ['api.x.com'] }),
      'declared hosts are external, wider than the approved internal network',
    ],
    [
      'a bare * host is left out',
      version({ permissions: external, allowedDomains: ['*'] }),
      'host "*" is not a host pattern ToolHive can match as approved',
    ],
    [
      'a wildcard over a top-level domain is left out',
      version({ permissions: external, allowedDomains: ['.com'] }),
      'host ".com" is not a host pattern ToolHive can match as approved',
    ],
    [
      'published allow-all under an internal approval is left out',
      version({
        permissions: { ...external, network: 'INTERNAL' },
        declared: { toolhive: [{ permissions: { network: { outbound: { insecure_allow_all: true } } } }] },
      }),
      'the published ToolHive profile allows all outbound traffic, wider than the approved network level',
    ],
  ])('%s', (_l, v, expected) => expect(outboundOf(v)).toEqual(expected));

  it('drops write mounts that were not approved, never marks privileged', () => {
    const r = toToolHiveProfile(
      version({
        permissions: { ...external, filesystem: 'READ' },
        declared: { toolhive: [{ permissions: { read: ['/in'], write: ['/out'], privileged: true } }] },
      }),
    );
    if (!r.ok) throw new Error('left out');
    expect(r.file.profile).toMatchObject({ read: ['/in'], write: [], privileged: false });
    expect(r.file.notes.join(' ')).toMatch(/write mounts are left out.*privileged/);
  });
});

describe('toolHiveArchive', () => {
  it('holds one bare profile per server plus a README naming what was left out', () => {
    const { files, leftOut } = toToolHiveProfiles([
      version(),
      version({ externalId: 'db-tool', permissions: { ...external, network: 'INTERNAL' } }),
    ]);
    const zip = unzipSync(toolHiveArchive('PRODUCTION', new Date('2026-01-01T00:00:00Z'), files, leftOut));
    expect(Object.keys(zip).sort()).toEqual(['README.md', 'io-github-acme-weather-1.2.0.json']);
    expect(load(strFromU8(zip['io-github-acme-weather-1.2.0.json']!))).toMatchObject({ name: 'io-github-acme-weather' });
    expect(strFromU8(zip['README.md']!)).toContain(
      '- db-tool 1.2.0: approved for internal network but no internal hosts are declared',
    );
  });
});
