import { describe, expect, it } from 'vitest';
import page1 from './__fixtures__/mcp-registry/servers-page-1.json';
import page2 from './__fixtures__/mcp-registry/servers-page-2.json';
import { sha256Canonical } from './connector-support';
import { inferMcpPermissions } from './mcp-permissions';
import { decodeCursor, encodeCursor, listUrl } from './mcp-registry';
import { artifactDigestOf, extractToolDefinitions, mapServer, readStatus } from './mcp-registry-map';
import { officialMeta, parseServerEntry, ZMcpRegistryConfig, ZMcpServer, type TMcpServerResponse } from './mcp-registry-schema';

const opts = { namespaceAuthenticated: true, now: new Date('2026-11-25T00:00:00Z') };
const entry = (raw: unknown): TMcpServerResponse => {
  const r = parseServerEntry(raw, 0);
  if (!r.ok) throw new Error(r.issue.message);
  return r.entry;
};
const server = (over: Record<string, unknown>) => ZMcpServer.parse({ name: 'io.github.a/b', version: '1.0.0', ...over });

describe('inferMcpPermissions (the one table)', () => {
  it.each([
    [
      'remote only',
      { remotes: [{ type: 'sse', url: 'https://mcp.example.com/sse' }] },
      { network: 'EXTERNAL', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'NONE' },
    ],
    [
      'internal remote',
      { remotes: [{ type: 'sse', url: 'https://mcp.svc.cluster.local/sse' }] },
      { network: 'INTERNAL', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'NONE' },
    ],
    [
      'npm via npx',
      { packages: [{ registryType: 'npm', identifier: 'x', runtimeHint: 'npx' }] },
      { network: 'NONE', filesystem: 'NONE', codeExecution: 'UNRESTRICTED', dataAccess: 'NONE' },
    ],
    [
      'pypi via uvx (snake_case)',
      { packages: [{ registry_type: 'pypi', identifier: 'x' }] },
      { network: 'NONE', filesystem: 'NONE', codeExecution: 'UNRESTRICTED', dataAccess: 'NONE' },
    ],
    [
      'unknown package type',
      { packages: [{ registryType: 'maven', identifier: 'x' }] },
      { network: 'NONE', filesystem: 'NONE', codeExecution: 'UNRESTRICTED', dataAccess: 'NONE' },
    ],
    [
      'oci image',
      { packages: [{ registryType: 'oci', identifier: 'ghcr.io/a/b:1' }] },
      { network: 'NONE', filesystem: 'NONE', codeExecution: 'SANDBOXED', dataAccess: 'NONE' },
    ],
    [
      'oci + writable mount',
      {
        packages: [
          {
            registryType: 'oci',
            identifier: 'i',
            runtimeArguments: [{ type: 'named', name: '--mount', value: 'type=bind,src=/a,dst=/b' }],
          },
        ],
      },
      { network: 'NONE', filesystem: 'WRITE', codeExecution: 'SANDBOXED', dataAccess: 'NONE' },
    ],
    [
      'oci + readonly mount',
      {
        packages: [
          {
            registryType: 'oci',
            identifier: 'i',
            runtimeArguments: [{ type: 'named', name: '--mount', value: 'type=bind,src=/a,dst=/b,readonly' }],
          },
        ],
      },
      { network: 'NONE', filesystem: 'NONE', codeExecution: 'SANDBOXED', dataAccess: 'NONE' },
    ],
    [
      'oci + -v :ro',
      {
        packages: [
          { registryType: 'oci', identifier: 'i', runtimeArguments: [{ type: 'named', name: '-v', value: '/a:/b:ro' }] },
        ],
      },
      { network: 'NONE', filesystem: 'NONE', codeExecution: 'SANDBOXED', dataAccess: 'NONE' },
    ],
    [
      'filepath argument',
      { packages: [{ registryType: 'oci', identifier: 'i', packageArguments: [{ type: 'positional', format: 'filepath' }] }] },
      { network: 'NONE', filesystem: 'READ', codeExecution: 'SANDBOXED', dataAccess: 'NONE' },
    ],
    [
      'secret env var',
      { packages: [{ registryType: 'npm', identifier: 'x', environmentVariables: [{ name: 'K', isSecret: true }] }] },
      { network: 'NONE', filesystem: 'NONE', codeExecution: 'UNRESTRICTED', dataAccess: 'READ' },
    ],
    [
      'secret inside a header variable',
      {
        remotes: [
          {
            type: 'sse',
            url: 'https://a.example.com',
            headers: [{ name: 'Authorization', value: 'Bearer {token}', variables: { token: { isSecret: true } } }],
          },
        ],
      },
      { network: 'EXTERNAL', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'READ' },
    ],
    [
      'remote URL starting with a template variable',
      { remotes: [{ type: 'sse', url: '{baseUrl}/sse' }] },
      { network: 'EXTERNAL', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'NONE' },
    ],
    [
      'secret remote header',
      { remotes: [{ type: 'sse', url: 'https://a.example.com', headers: [{ name: 'Authorization', isSecret: true }] }] },
      { network: 'EXTERNAL', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'READ' },
    ],
    [
      'oci + npm: most permissive wins',
      {
        packages: [
          { registryType: 'oci', identifier: 'i' },
          { registryType: 'npm', identifier: 'x' },
        ],
      },
      { network: 'NONE', filesystem: 'NONE', codeExecution: 'UNRESTRICTED', dataAccess: 'NONE' },
    ],
    ['nothing declared', {}, { network: 'NONE', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'NONE' }],
  ])('%s', (_label, over, expected) => {
    expect(inferMcpPermissions(server(over)).permissions).toEqual(expected);
  });

  it('explains every raised level and collects remote hosts (template variables stripped)', () => {
    const e = entry(page1.servers[0]);
    const inferred = inferMcpPermissions(e.server);
    expect(inferred.hosts).toEqual(['x.weather.acme.example']);
    expect(inferred.reasons.codeExecution[0]).toMatch(/npm package @acme\/weather-mcp runs on the host via npx/);
    expect(inferred.reasons.filesystem[0]).toMatch(/cache_dir takes a file path/);
    expect(inferred.reasons.dataAccess[0]).toMatch(/WEATHER_API_KEY/);
  });
});

describe('ToolHive permission profile (publisher-provided)', () => {
  const withProfile = (profile: unknown, over: Record<string, unknown> = {}) =>
    server({
      ...over,
      _meta: {
        'io.modelcontextprotocol.registry/publisher-provided': {
          'io.github.stacklok': { 'ghcr.io/a/b:1': { tier: 'Community', permissions: profile } },
        },
      },
    });
  const oci = { packages: [{ registryType: 'oci', identifier: 'ghcr.io/a/b:1' }] };
  it.each([
    [
      'empty outbound list: none',
      { network: { outbound: { insecure_allow_all: false, allow_host: [] } } },
      { network: 'NONE', filesystem: 'NONE', codeExecution: 'SANDBOXED', dataAccess: 'NONE' },
    ],
    [
      'allow all',
      { network: { outbound: { insecure_allow_all: true } } },
      { network: 'EXTERNAL', filesystem: 'NONE', codeExecution: 'SANDBOXED', dataAccess: 'NONE' },
    ],
    [
      'internal hosts only',
      { network: { outbound: { allow_host: ['db.svc.cluster.local', '10.1.2.3'] } } },
      { network: 'INTERNAL', filesystem: 'NONE', codeExecution: 'SANDBOXED', dataAccess: 'NONE' },
    ],
    [
      'a public host',
      { network: { outbound: { allow_host: ['db.internal', '.github.com'] } } },
      { network: 'EXTERNAL', filesystem: 'NONE', codeExecution: 'SANDBOXED', dataAccess: 'NONE' },
    ],
    [
      'read mounts',
      { read: ['/home/u/in:/input'] },
      { network: 'NONE', filesystem: 'READ', codeExecution: 'SANDBOXED', dataAccess: 'NONE' },
    ],
    [
      'write mounts',
      { read: ['/a'], write: ['/home/u/out:/output'] },
      { network: 'NONE', filesystem: 'WRITE', codeExecution: 'SANDBOXED', dataAccess: 'NONE' },
    ],
    [
      'privileged',
      { privileged: true },
      { network: 'NONE', filesystem: 'NONE', codeExecution: 'UNRESTRICTED', dataAccess: 'NONE' },
    ],
    [
      'garbage profile is ignored, not fatal',
      { network: 'everything', read: 'nope' },
      { network: 'NONE', filesystem: 'NONE', codeExecution: 'SANDBOXED', dataAccess: 'NONE' },
    ],
  ])('%s', (_l, profile, expected) => {
    expect(inferMcpPermissions(withProfile(profile, oci)).permissions).toEqual(expected);
  });

  it('keeps allowed hosts (leading dot stripped), the tier word, provenance and the raw profile', () => {
    const v = mapServer([entry(page2.servers[1])], opts).versions[0]!;
    expect(v.allowedDomains).toEqual(['mcp.heroku.com', 'api.heroku.com', 'herokuapp.com']);
    expect(v.verifications[0]!.registryTier).toBe('Official');
    expect(v.provenance).toMatchObject({
      provenancePresent: true,
      signer: 'https://token.actions.githubusercontent.com /.github/workflows/build-containers.yml',
    });
    expect(v.declaredPermissions).toMatchObject({
      toolhive: [
        {
          artifact: 'https://mcp.heroku.com/mcp',
          tier: 'Official',
          permissions: { network: { outbound: { allow_host: ['api.heroku.com', '.herokuapp.com'] } } },
        },
      ],
    });
  });
});

describe('status', () => {
  it.each([
    [{ 'io.modelcontextprotocol.registry/official': { status: 'active' } }, 'active'],
    [{ 'io.modelcontextprotocol.registry/official': { status: 'DELETED' } }, 'deleted'],
    [{ status: 'deprecated' }, 'deprecated'],
    [{ 'io.modelcontextprotocol.registry/official': { status: 'suspended' } }, 'unknown'],
    [{}, null],
  ])('%j → %s', (meta, expected) => {
    expect(readStatus(entry({ server: { name: 'io.github.a/b', version: '1' }, _meta: meta })).status).toBe(expected);
  });

  it('reads the flat _meta shape too', () => {
    expect(officialMeta(entry(page2.servers[0])).isLatest).toBe(true);
  });
});

describe('mapServer', () => {
  it('maps identity, namespace publisher, permissions and an UNVERIFIED record without a score', () => {
    const tool = mapServer([entry(page1.servers[0])], opts);
    expect(tool).toMatchObject({
      externalId: 'io.github.acme/weather',
      name: 'io.github.acme/weather',
      kind: 'MCP_SERVER',
      registryStatus: 'active',
      repositoryUrl: 'https://github.com/acme/weather',
    });
    expect(tool.publisher).toMatchObject({
      externalId: 'io.github.acme',
      trustLevel: 'VERIFIED',
      websiteUrl: 'https://github.com/acme',
    });
    const v = tool.versions[0]!;
    expect(v.permissions).toEqual({ network: 'EXTERNAL', filesystem: 'READ', codeExecution: 'UNRESTRICTED', dataAccess: 'READ' });
    expect(v.publishedAt?.toISOString()).toBe('2026-10-02T09:00:00.000Z');
    const rec = v.verifications[0]!;
    expect(rec).toMatchObject({ trustScore: null, tier: 'UNVERIFIED', registryTier: null });
    expect(rec.checks.find((c) => c.name === 'namespace-ownership')?.status).toBe('PASS');
    expect(rec.checks.find((c) => c.name === 'installation')?.status).toBe('SKIPPED');
    expect(rec.payloadSha256).toBe(sha256Canonical(page1.servers[0]));
    expect(rec.payloadSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a mirror without namespace proof gives an UNVERIFIED publisher and a skipped ownership check', () => {
    const tool = mapServer([entry(page1.servers[0])], { ...opts, namespaceAuthenticated: false });
    expect(tool.publisher.trustLevel).toBe('UNVERIFIED');
    expect(tool.versions[0]!.verifications[0]!.checks.find((c) => c.name === 'namespace-ownership')?.status).toBe('SKIPPED');
  });

  it('deleted: a FAIL check, tier FAILED, a critical "removed by moderation" signal, yanked', () => {
    const tool = mapServer([entry(page1.servers[2])], opts);
    const v = tool.versions[0]!;
    expect(tool.registryStatus).toBe('deleted');
    expect(v.verifications[0]!.tier).toBe('FAILED');
    expect(v.verifications[0]!.checks.find((c) => c.name === 'registry-status')).toMatchObject({
      status: 'FAIL',
      sourceStatus: 'deleted',
    });
    expect(v.riskSignals).toContainEqual(
      expect.objectContaining({
        key: 'registry-deleted',
        severity: 'critical',
        detail: 'Removed: package exfiltrates environment variables',
      }),
    );
    expect(v.yanked).toBe(true);
  });

  it('deprecated: tool deprecated, a medium signal, tier not failed', () => {
    const tool = mapServer([entry(page2.servers[0])], opts);
    expect(tool).toMatchObject({ deprecated: true, registryStatus: 'deprecated' });
    expect(tool.versions[0]!.riskSignals).toContainEqual(
      expect.objectContaining({ key: 'registry-deprecated', severity: 'medium' }),
    );
    expect(tool.versions[0]!.verifications[0]!.tier).toBe('UNVERIFIED');
  });

  it('unknown status: not a failure of the run, an "unknown" status and a signal', () => {
    const tool = mapServer(
      [entry({ server: { name: 'io.github.a/b', version: '1' }, _meta: { status: 'quarantined-ish' } })],
      opts,
    );
    expect(tool.registryStatus).toBe('unknown');
    expect(tool.versions[0]!.riskSignals).toContainEqual(expect.objectContaining({ key: 'registry-status-unknown' }));
    expect(tool.versions[0]!.verifications[0]!.tier).toBe('UNVERIFIED');
  });

  it('orders versions newest first, dedupes, and flags a repository identity change', () => {
    const base = { name: 'io.github.a/b', repository: { url: 'https://github.com/a/b' } };
    const older = entry({
      server: { ...base, version: '1.0.0', repository: { ...base.repository, id: '1' } },
      _meta: { publishedAt: '2026-01-01T00:00:00Z' },
    });
    const newer = entry({
      server: { ...base, version: '1.1.0', repository: { ...base.repository, id: '2' } },
      _meta: { publishedAt: '2026-02-01T00:00:00Z', isLatest: true },
    });
    const tool = mapServer([older, newer, older], opts);
    expect(tool.versions.map((v) => v.version)).toEqual(['1.1.0', '1.0.0']);
    expect(tool.versions[0]!.riskSignals).toContainEqual(
      expect.objectContaining({ key: 'repository-changed', severity: 'high' }),
    );
    expect(tool.versions[1]!.riskSignals?.map((s) => s.key)).not.toContain('repository-changed');
  });

  it('flags a public remote over plain HTTP', () => {
    const tool = mapServer(
      [entry({ server: { name: 'io.github.a/b', version: '1', remotes: [{ type: 'sse', url: 'http://mcp.example.com/sse' }] } })],
      opts,
    );
    expect(tool.versions[0]!.riskSignals).toContainEqual(expect.objectContaining({ key: 'remote-plain-http', severity: 'high' }));
  });
});

describe('artifact digest and tool definitions', () => {
  it.each([
    [
      { packages: [{ registryType: 'mcpb', identifier: 'https://x/mcp.mcpb', fileSha256: 'AB'.repeat(32) }] },
      `sha256:${'ab'.repeat(32)}`,
    ],
    [{ packages: [{ registryType: 'oci', identifier: `ghcr.io/a/b@sha256:${'c'.repeat(64)}` }] }, `sha256:${'c'.repeat(64)}`],
    [{ packages: [{ registryType: 'oci', identifier: 'ghcr.io/a/b:1.0' }] }, null],
    [{ packages: [{ registryType: 'mcpb', identifier: 'x', fileSha256: 'not-a-hash' }] }, null],
  ])('%j → %s', (over, expected) => {
    expect(artifactDigestOf(server(over))).toBe(expected);
  });

  it('hashes ToolHive tool_definitions sorted by name; the same set in another order hashes the same', () => {
    const s = entry(page2.servers[1]).server;
    const defs = extractToolDefinitions(s);
    expect(defs?.map((d) => d.name)).toEqual(['list_apps', 'get_app_info']);
    const v = mapServer([entry(page2.servers[1])], opts).versions[0]!;
    expect((v.toolDefinitions as { name: string }[]).map((d) => d.name)).toEqual(['get_app_info', 'list_apps']);
    expect(v.toolDefsHash).toMatch(/^[0-9a-f]{64}$/);
    type Meta = Record<string, Record<string, Record<string, { tool_definitions: { inputSchema: unknown }[] }>>>;
    const reversed = structuredClone(page2.servers[1]) as unknown as { server: { _meta: Meta } };
    const inner =
      reversed.server._meta['io.modelcontextprotocol.registry/publisher-provided']!['io.github.stacklok']![
        'https://mcp.heroku.com/mcp'
      ]!;
    inner.tool_definitions.reverse();
    expect(mapServer([entry(reversed)], opts).versions[0]!.toolDefsHash).toBe(v.toolDefsHash);
    inner.tool_definitions[0]!.inputSchema = { type: 'object', properties: {} };
    expect(mapServer([entry(reversed)], opts).versions[0]!.toolDefsHash).not.toBe(v.toolDefsHash);
  });

  // The real Heroku entry (fixture) with one definition left out, as ToolHive entries sometimes are.
  const heroku = () => {
    type Entry = { tools: string[]; tool_definitions: { name: string }[]; provenance?: Record<string, string> };
    const raw = structuredClone(page2.servers[1]) as unknown as {
      server: { _meta: Record<string, Record<string, Record<string, Entry>>> };
    };
    const inner =
      raw.server._meta['io.modelcontextprotocol.registry/publisher-provided']!['io.github.stacklok']![
        'https://mcp.heroku.com/mcp'
      ]!;
    return { raw, inner };
  };

  it('ToolHive tool_definitions shorter than tools: every tool name kept, the undefined ones marked', () => {
    const full = mapServer([entry(page2.servers[1])], opts).versions[0]!;
    expect(full.toolDefinitions as object[]).not.toContainEqual(expect.objectContaining({ definitionMissing: true }));
    const { raw, inner } = heroku();
    inner.tools = [...inner.tools, 'scale_dyno'];
    inner.tool_definitions = inner.tool_definitions.filter((d) => d.name !== 'get_app_info');
    const v = mapServer([entry(raw)], opts).versions[0]!;
    const defs = v.toolDefinitions as { name: string; description: string | null; definitionMissing?: boolean }[];
    expect(defs.map((d) => [d.name, d.definitionMissing ?? false])).toEqual([
      ['get_app_info', true],
      ['list_apps', false],
      ['scale_dyno', true],
    ]);
    expect(defs.find((d) => d.name === 'list_apps')!.description).toEqual(expect.any(String));
    // A tool appearing or losing its definition changes the pinned hash.
    expect(v.toolDefsHash).not.toBe(full.toolDefsHash);
  });

  it("ToolHive's publisher-provided provenance names the expected signer; it never says a signature is present", () => {
    const v = mapServer([entry(page2.servers[1])], opts).versions[0]!;
    expect(v.provenance).toMatchObject({
      signaturePresent: false,
      signatureVerified: null,
      provenancePresent: true,
      signer: expect.stringContaining('/.github/workflows/build-containers.yml'),
    });
  });

  it('no tool list → toolDefsHash null', () => {
    expect(mapServer([entry(page1.servers[0])], opts).versions[0]!.toolDefsHash).toBeNull();
  });
});

describe('cursor', () => {
  it('round-trips registry cursor and updated_since; accepts a bare registry cursor; ignores an invalid since', () => {
    const c = { registryCursor: 'io.github.a/b:1.0.0', updatedSince: '2026-11-01T00:00:00.000Z' };
    expect(decodeCursor(encodeCursor(c), null)).toEqual(c);
    expect(decodeCursor('io.github.a/b:1.0.0', '2026-11-01T00:00:00Z')).toEqual(c);
    expect(decodeCursor(null, 'yesterday')).toEqual({ registryCursor: null, updatedSince: null });
    expect(decodeCursor(null, '2026-11-01T01:00:00Z', 3_600_000)).toEqual({
      registryCursor: null,
      updatedSince: '2026-11-01T00:00:00.000Z',
    });
    // A resumed listing keeps the updated_since it started with; the overlap is applied once.
    expect(decodeCursor(encodeCursor(c), '2026-11-20T00:00:00Z', 3_600_000)).toEqual(c);
    expect(listUrl('https://r.example/', c, 50)).toBe(
      'https://r.example/v0.1/servers?limit=50&include_deleted=true&cursor=io.github.a%2Fb%3A1.0.0&updated_since=2026-11-01T00%3A00%3A00.000Z',
    );
  });

  it('names the malformed entry and field', () => {
    const r = parseServerEntry({ server: { name: 'io.github.a/b' } }, 4);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issue).toMatchObject({ index: 4, name: 'io.github.a/b', message: expect.stringMatching(/^server\.version: /) });
  });
});

describe('ZMcpRegistryConfig', () => {
  it('accepts an empty config and the documented keys; refuses unknown keys and out-of-range values', () => {
    expect(ZMcpRegistryConfig.safeParse({}).success).toBe(true);
    expect(ZMcpRegistryConfig.safeParse({ pageSize: 100, namespaceAuthenticated: false, sinceOverlapMinutes: 0 }).success).toBe(
      true,
    );
    expect(ZMcpRegistryConfig.safeParse({ pagesize: 10 }).success).toBe(false);
    expect(ZMcpRegistryConfig.safeParse({ pageSize: 1000 }).error?.issues[0]?.path).toEqual(['pageSize']);
  });
});
