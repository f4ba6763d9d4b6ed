import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import acme from './__fixtures__/npm/acme-weather-mcp.json';
import old from './__fixtures__/npm/old-mcp-helper.json';
import shell from './__fixtures__/npm/quick-shell-tool.json';
import { normalizeRepoUrl, sha256Canonical } from './connector-support';
import { packumentUrl } from './npm';
import { mapPackage, NpmMappingError, sriFromShasum, versionsNewestFirst } from './npm-map';
import { installScriptsOf, npmPermissions, npmRiskSignals } from './npm-risk';
import { NPM_NAME, ZNpmPackument, ZNpmRegistryConfig, ZNpmVersion } from './npm-schema';

const opts = { maxVersions: 20, provenanceWindow: 3, now: new Date('2026-11-25T12:00:00Z'), publicRegistry: true };
const pkg = (raw: unknown) => ZNpmPackument.parse(raw);
const ver = (over: Record<string, unknown>) => ZNpmVersion.parse({ version: '1.0.0', ...over });
const keys = (signals: { key: string }[] | undefined) => (signals ?? []).map((s) => s.key);

describe('npmPermissions (the one table)', () => {
  it.each([
    ['plain library', {}, 'NONE'],
    ['postinstall', { scripts: { postinstall: 'node x.js' } }, 'UNRESTRICTED'],
    ['preinstall', { scripts: { preinstall: 'sh x' } }, 'UNRESTRICTED'],
    ['install', { scripts: { install: 'node-gyp rebuild' } }, 'UNRESTRICTED'],
    ['hasInstallScript only', { hasInstallScript: true }, 'UNRESTRICTED'],
    ['empty postinstall', { scripts: { postinstall: '  ' } }, 'NONE'],
    ['build/test scripts only', { scripts: { build: 'tsc', prepare: 'tsc' } }, 'NONE'],
    ['bin', { bin: { x: 'cli.js' } }, 'UNRESTRICTED'],
    ['mcpName (npx)', { mcpName: 'io.github.a/b' }, 'UNRESTRICTED'],
  ])('%s → codeExecution %s; other dimensions NONE (not declared)', (_l, over, level) => {
    const { permissions } = npmPermissions(ver(over));
    expect(permissions).toEqual({ network: 'NONE', filesystem: 'NONE', codeExecution: level, dataAccess: 'NONE' });
  });

  it('names the install scripts', () => {
    expect(installScriptsOf(ver({ scripts: { preinstall: 'a', postinstall: 'b', test: 'c' } }))).toEqual([
      'preinstall',
      'postinstall',
    ]);
  });
});

describe('npmRiskSignals', () => {
  const base = {
    previous: null,
    publishedAt: new Date('2026-01-01T00:00:00Z'),
    isLatest: true,
    packageRepository: 'https://github.com/a/b',
    packageMaintainers: [
      { name: 'a', email: null },
      { name: 'b', email: null },
    ],
    now: opts.now,
  };
  const two = [{ name: 'a' }, { name: 'b' }];
  it.each([
    ['deprecated', { deprecated: 'use x' }, {}, 'deprecated'],
    ['install scripts', { scripts: { postinstall: 'x' } }, {}, 'install-scripts'],
    ['no repository', {}, { packageRepository: null }, 'no-repository'],
    ['single maintainer', { maintainers: [{ name: 'a' }] }, {}, 'single-maintainer'],
    ['recent publish of the latest', {}, { publishedAt: new Date('2026-11-24T12:00:00Z') }, 'recent-publish'],
    [
      'new publisher account',
      { _npmUser: { name: 'mallory' }, maintainers: two },
      { previous: ver({ version: '0.9.0', _npmUser: { name: 'a' }, maintainers: two }) },
      'publisher-changed',
    ],
    [
      'maintainer added',
      { maintainers: [...two, { name: 'c' }] },
      { previous: ver({ version: '0.9.0', maintainers: two }) },
      'maintainers-changed',
    ],
    [
      'provenance dropped',
      {},
      {
        previous: ver({
          version: '0.9.0',
          dist: { attestations: { provenance: { predicateType: 'https://slsa.dev/provenance/v1' } } },
        }),
      },
      'provenance-dropped',
    ],
    ['no provenance', {}, {}, 'no-provenance'],
  ])('%s', (_l, over, input, key) => {
    expect(keys(npmRiskSignals({ ...base, ...input, manifest: ver({ maintainers: two, ...over }) }))).toContain(key);
  });

  it('a recent publish of a version that is not the latest, or an old latest, is not flagged', () => {
    expect(
      keys(npmRiskSignals({ ...base, isLatest: false, publishedAt: new Date('2026-11-25T00:00:00Z'), manifest: ver({}) })),
    ).not.toContain('recent-publish');
    expect(keys(npmRiskSignals({ ...base, publishedAt: new Date('2026-11-21T00:00:00Z'), manifest: ver({}) }))).not.toContain(
      'recent-publish',
    );
  });

  it('a clean version carries only the info "no provenance" signal', () => {
    expect(keys(npmRiskSignals({ ...base, manifest: ver({ maintainers: two }) }))).toEqual(['no-provenance']);
  });
});

describe('mapPackage', () => {
  it('scoped MCP package with provenance everywhere: VERIFIED publisher (scope), PASS provenance, UNVERIFIED tier', () => {
    const tool = mapPackage(pkg(acme), opts);
    expect(tool).toMatchObject({
      externalId: '@acme/weather-mcp',
      kind: 'MCP_SERVER',
      registryStatus: 'active',
      deprecated: false,
      repositoryUrl: 'https://github.com/acme/weather',
    });
    expect(tool.publisher).toMatchObject({
      externalId: '@acme',
      name: '@acme',
      trustLevel: 'VERIFIED',
      websiteUrl: 'https://www.npmjs.com/org/acme',
    });
    expect(tool.versions.map((v) => v.version)).toEqual(['1.0.2', '1.0.1', '1.0.0']);
    const v = tool.versions[0]!;
    expect(v.publishedAt?.toISOString()).toBe('2026-10-02T08:58:40.000Z');
    expect(v.artifactDigest).toMatch(/^sha512-8sm5/);
    // The signer is who npm authenticated for the publish, never the attestation's predicate type.
    expect(v.provenance).toMatchObject({
      signaturePresent: true,
      provenancePresent: true,
      signer: 'npm user acme-bot',
      sourceRepo: 'https://github.com/acme/weather',
    });
    expect(v.permissions.codeExecution).toBe('UNRESTRICTED');
    const rec = v.verifications[0]!;
    expect(rec).toMatchObject({ trustScore: null, tier: 'UNVERIFIED' });
    expect(rec.checks.find((c) => c.name === 'provenance')?.status).toBe('PASS');
    expect(rec.payloadSha256).toBe(sha256Canonical(rec.rawPayload));
    expect(keys(v.riskSignals)).toEqual([]);
  });

  it('install script, new publisher, provenance dropped: signals on 2.0.0, a FAIL provenance check, FAILED tier', () => {
    const tool = mapPackage(pkg(shell), opts);
    expect(tool.publisher).toMatchObject({ externalId: '~sam-dev', trustLevel: 'UNVERIFIED' });
    expect(tool.kind).toBe('TOOL_PACKAGE');
    const [v2, v1] = tool.versions;
    expect(keys(v2!.riskSignals)).toEqual(
      expect.arrayContaining([
        'install-scripts',
        'publisher-changed',
        'maintainers-changed',
        'provenance-dropped',
        'recent-publish',
      ]),
    );
    expect(v2!.riskSignals?.find((s) => s.key === 'install-scripts')).toMatchObject({
      severity: 'high',
      detail: 'postinstall: node ./setup.js',
    });
    expect(v2!.verifications[0]!.checks.find((c) => c.name === 'provenance')?.status).toBe('FAIL');
    expect(v2!.verifications[0]!.tier).toBe('FAILED');
    expect(v1!.verifications[0]!.tier).toBe('UNVERIFIED');
    expect(keys(v1!.riskSignals)).toContain('single-maintainer');
    expect(v2!.declaredPermissions).toMatchObject({ installScripts: { postinstall: 'node ./setup.js' }, bin: 'cli.js' });
  });

  it('deprecated latest: tool deprecated, string maintainers parsed, sha1 fallback digest', () => {
    const tool = mapPackage(pkg(old), opts);
    expect(tool).toMatchObject({
      registryStatus: 'deprecated',
      deprecated: true,
      repositoryUrl: 'https://gitlab.com/oldco/mcp-helper',
    });
    expect(tool.publisher).toMatchObject({ externalId: '~Old Maintainer', trustLevel: 'UNVERIFIED' });
    expect(tool.versions[0]!.riskSignals?.find((s) => s.key === 'deprecated')?.detail).toBe(
      'No longer maintained; use @modelcontextprotocol/sdk',
    );
    expect(tool.versions[0]!.permissions.codeExecution).toBe('UNRESTRICTED');
    // The fixture has only a hex shasum: the digest is its SRI form (sha1- + base64 of the bytes).
    expect(tool.versions[1]!.artifactDigest).toBe(
      `sha1-${Buffer.from('60718293a4b5c6d7e8f90a1b2c3d4e5f60718293', 'hex').toString('base64')}`,
    );
    expect(tool.versions[1]!.artifactDigest).toMatch(/^sha1-[A-Za-z0-9+/]{27}=$/);
  });

  it('the sha1 fallback is valid SRI for the same bytes the shasum covers', () => {
    const tarball = Buffer.from('package/package.json {"name":"old-mcp-helper"}');
    const hex = createHash('sha1').update(tarball).digest('hex');
    expect(sriFromShasum(hex)).toBe(`sha1-${createHash('sha1').update(tarball).digest('base64')}`);
    expect(sriFromShasum(hex.toUpperCase())).toBe(sriFromShasum(hex));
    expect(sriFromShasum('not-a-sha1')).toBeNull();
    expect(sriFromShasum(null)).toBeNull();
  });

  it('caps versions but still compares the oldest mapped one with its predecessor', () => {
    const tool = mapPackage(pkg(shell), { ...opts, maxVersions: 1 });
    expect(tool.versions.map((v) => v.version)).toEqual(['2.0.0']);
    expect(keys(tool.versions[0]!.riskSignals)).toContain('provenance-dropped');
    expect(tool.versionListComplete).toBe(false);
    expect(mapPackage(pkg(shell), opts).versionListComplete).toBe(true);
  });

  it('provenance window: one recent version without provenance makes the publisher UNVERIFIED', () => {
    const p = structuredClone(acme) as typeof acme;
    delete (p.versions['1.0.1'].dist as { attestations?: unknown }).attestations;
    expect(mapPackage(pkg(p), opts).publisher.trustLevel).toBe('UNVERIFIED');
    expect(mapPackage(pkg(p), { ...opts, provenanceWindow: 1 }).publisher.trustLevel).toBe('VERIFIED');
  });

  it('a malformed mapped version raises a readable mapping error naming it', () => {
    const p = structuredClone(acme) as unknown as { versions: Record<string, unknown> };
    p.versions['1.0.2'] = { name: '@acme/weather-mcp', dist: 'oops' };
    expect(() => mapPackage(pkg(p), opts)).toThrow(NpmMappingError);
    expect(() => mapPackage(pkg(p), opts)).toThrow(/@acme\/weather-mcp: version 1\.0\.2: version: /);
  });

  it('an unpublished package has no versions and says so', () => {
    const tool = mapPackage(
      pkg({ name: 'gone', time: { created: '2025-01-01T00:00:00Z', unpublished: { time: '2025-02-01T00:00:00Z' } } }),
      opts,
    );
    expect(tool).toMatchObject({ registryStatus: 'unpublished', versions: [] });
  });

  it('orders versions by publish time, not by key order', () => {
    expect(
      versionsNewestFirst(
        pkg({
          name: 'x',
          time: { '1.0.0': '2026-01-02T00:00:00Z', '2.0.0': '2026-01-01T00:00:00Z' },
          versions: { '2.0.0': {}, '1.0.0': {} },
        }),
      ),
    ).toEqual(['1.0.0', '2.0.0']);
  });
});

describe('names and urls', () => {
  it.each([
    ['@acme/weather-mcp', true],
    ['left-pad', true],
    ['Left-Pad', false],
    ['../etc/passwd', false],
    ['@acme/', false],
    ['a b', false],
  ])('%s valid=%s', (name, ok) => {
    expect(NPM_NAME.test(name)).toBe(ok);
  });

  it('encodes the scope slash as %2f', () => {
    expect(packumentUrl('https://registry.npmjs.org/', '@acme/weather-mcp')).toBe(
      'https://registry.npmjs.org/@acme%2fweather-mcp',
    );
    expect(packumentUrl('https://registry.npmjs.org', 'left-pad')).toBe('https://registry.npmjs.org/left-pad');
  });

  it.each([
    ['git+https://github.com/a/b.git', 'https://github.com/a/b'],
    ['github:a/b', 'https://github.com/a/b'],
    ['a/b', 'https://github.com/a/b'],
    ['git@github.com:a/b.git', 'https://github.com/a/b'],
    ['git://github.com/a/b.git', 'https://github.com/a/b'],
    ['not a url', null],
  ])('repository %s → %s', (raw, expected) => {
    expect(normalizeRepoUrl(raw)).toBe(expected);
  });
});

describe('ZNpmRegistryConfig', () => {
  it('accepts the demo row and rejects typos and bad names with a field path', () => {
    expect(
      ZNpmRegistryConfig.safeParse({ packages: ['@modelcontextprotocol/server-filesystem'], maxVersions: 5, note: 'x' }).success,
    ).toBe(true);
    const bad = ZNpmRegistryConfig.safeParse({ packages: ['ok', 'Bad Name'], maxVersion: 5 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['packages.1', '']));
    expect(ZNpmRegistryConfig.safeParse({ packages: [] }).error?.issues[0]?.message).toBe(
      'list at least one npm package to follow',
    );
  });
});
