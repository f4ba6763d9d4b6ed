import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import page1 from './__fixtures__/mcp-registry/servers-page-1.json';
import { RegistryPageError } from './connector-support';
import { RegistryHttpError } from './http';
import { decodeCursor, mcpRegistryConnector } from './mcp-registry';
import { collectPages, testContext } from './testing/collect-pages';
import { startFixtureServer, type FixtureServer } from './testing/fixture-server';

const fixture = (name: string) => fileURLToPath(new URL(`./__fixtures__/mcp-registry/${name}`, import.meta.url));
const CURSOR_2 = 'io.github.evil-corp/free-gpu:0.3.0';
const isPage2 = (u: URL) => u.pathname === '/v0.1/servers' && u.searchParams.get('cursor') === CURSOR_2;

let srv: FixtureServer;

beforeEach(async () => {
  srv = await startFixtureServer();
  srv.route('/v0.1/servers', { file: fixture('servers-page-1.json') });
  srv.route(isPage2, { file: fixture('servers-page-2.json') });
  srv.route('/v0.1/servers/io.github.acme%2Fweather/versions', { file: fixture('weather-versions.json') });
});

afterEach(async () => {
  await srv.close();
});

function pageError(error: unknown): RegistryPageError {
  expect(error).toBeInstanceOf(RegistryPageError);
  expect(error).toBeInstanceOf(RegistryHttpError);
  return error as RegistryPageError;
}

describe('MCP registry connector against recorded shapes', () => {
  it('syncs both pages, fetches each server’s versions, and falls back to the list entry on 404', async () => {
    const { pages, error } = await collectPages(mcpRegistryConnector, testContext(srv.url));
    expect(error).toBeNull();
    expect(pages).toHaveLength(2);
    expect(pages.flatMap((p) => p.tools.map((t) => t.externalId))).toEqual([
      'io.github.acme/weather',
      'com.example/files',
      'io.github.evil-corp/free-gpu',
      'io.github.oldco/legacy-notes',
      'io.github.stacklok/heroku',
    ]);
    expect(pages[1]!.nextCursor).toBeNull();
    const weather = pages[0]!.tools[0]!;
    expect(weather.versions.map((v) => v.version)).toEqual(['1.0.2', '1.0.1']);
    const files = pages[0]!.tools[1]!;
    expect(files.versions[0]).toMatchObject({
      artifactDigest: expect.stringMatching(/^sha256:5c2b/),
      permissions: { codeExecution: 'SANDBOXED', filesystem: 'WRITE' },
    });
    expect(pages[0]!.tools[2]!.versions[0]!.verifications[0]!.tier).toBe('FAILED');
    expect(srv.requests).toContain('/v0.1/servers/io.github.acme%2Fweather/versions?include_deleted=true');
  });

  it('passes ctx.since (less the overlap) as updated_since and keeps it in the cursor it emits', async () => {
    const { pages } = await collectPages(
      mcpRegistryConnector,
      testContext(srv.url, { sinceOverlapMinutes: 30 }, '2026-11-01T00:30:00Z'),
    );
    expect(srv.requests[0]).toBe('/v0.1/servers?limit=50&include_deleted=true&updated_since=2026-11-01T00%3A00%3A00.000Z');
    expect(decodeCursor(pages[0]!.nextCursor, null)).toEqual({
      registryCursor: CURSOR_2,
      updatedSince: '2026-11-01T00:00:00.000Z',
    });
  });

  it('a 500 in the middle of pagination: page 1 was yielded, the error carries the cursor to resume from', async () => {
    srv.route(isPage2, { fault: 'status', status: 500 });
    const { pages, error } = await collectPages(mcpRegistryConnector, testContext(srv.url));
    expect(pages).toHaveLength(1);
    const e = pageError(error);
    expect(e).toMatchObject({ kind: 'http', status: 500 });
    expect(e.message).toMatch(/HTTP 500/);
    expect(e.resumeCursor).toBe(pages[0]!.nextCursor);

    srv.route(isPage2, { file: fixture('servers-page-2.json') });
    const resumed = await collectPages(mcpRegistryConnector, testContext(srv.url), e.resumeCursor);
    expect(resumed.error).toBeNull();
    expect(resumed.pages.flatMap((p) => p.tools.map((t) => t.externalId))).toEqual([
      'io.github.oldco/legacy-notes',
      'io.github.stacklok/heroku',
    ]);
  });

  it.each([
    ['malformed JSON', { fault: 'malformed-json' as const }, 'invalid-json', /valid JSON/],
    ['a missing servers array', { json: { metadata: { count: 0 } } }, 'invalid-shape', /servers/],
    ['a huge body (50 MB)', { fault: 'huge' as const }, 'too-large', /byte limit/],
    ['an endless body', { fault: 'endless' as const }, 'too-large', /byte limit/],
    ['a hang', { fault: 'hang' as const }, 'timeout', /did not answer within/],
    ['HTTP 503', { fault: 'status' as const, status: 503 }, 'http', /HTTP 503/],
  ])('first page with %s fails readably, yields nothing', async (_label, answer, kind, message) => {
    srv.route('/v0.1/servers', answer);
    const { pages, error } = await collectPages(mcpRegistryConnector, testContext(srv.url));
    expect(pages).toHaveLength(0);
    const e = pageError(error);
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(/^MCP registry sync stopped: /);
    expect(e.message).toMatch(message);
    expect(e.resumeCursor).toBeNull();
  });

  it('an entry missing a required field is skipped and reported by name and field; the rest of the page is kept', async () => {
    const page2 = JSON.parse(readFileSync(fixture('servers-page-2.json'), 'utf8')) as { servers: unknown[] };
    page2.servers.unshift({ server: { name: 'io.github.x/broken', description: 'no version' }, _meta: {} });
    srv.route(isPage2, { json: page2 });
    const { pages, error } = await collectPages(mcpRegistryConnector, testContext(srv.url));
    expect(error).toBeNull();
    expect(pages[1]!.tools.map((t) => t.externalId)).toEqual(['io.github.oldco/legacy-notes', 'io.github.stacklok/heroku']);
    expect(pages[1]!.errors).toEqual([
      {
        externalId: 'io.github.x/broken',
        message: expect.stringMatching(/entry 1 \(io\.github\.x\/broken\) is malformed, skipped: server\.version: /),
      },
    ]);
  });

  it('unknown enum values (status, package type, transport) do not fail the run', async () => {
    const odd = structuredClone(page1);
    odd.servers = [odd.servers[0]!];
    odd.servers[0]!._meta['io.modelcontextprotocol.registry/official'].status = 'suspended';
    odd.servers[0]!.server.packages[0]!.registryType = 'maven';
    odd.servers[0]!.server.packages[0]!.transport.type = 'carrier-pigeon';
    odd.metadata = { nextCursor: '', count: 1 };
    srv.route('/v0.1/servers', { json: odd });
    srv.route('/v0.1/servers/io.github.acme%2Fweather/versions', { json: { servers: [] } });
    const { pages, error } = await collectPages(mcpRegistryConnector, testContext(srv.url));
    expect(error).toBeNull();
    const tool = pages[0]!.tools[0]!;
    expect(tool.registryStatus).toBe('unknown');
    expect(tool.versions[0]!.permissions.codeExecution).toBe('UNRESTRICTED');
    expect(tool.versions[0]!.riskSignals).toContainEqual(
      expect.objectContaining({ key: 'registry-status-unknown', label: 'Unknown registry status "suspended"' }),
    );
  });

  it('a malformed versions answer is an item error: the server is mapped from its list entry, the list is not complete', async () => {
    srv.route('/v0.1/servers/io.github.acme%2Fweather/versions', { fault: 'malformed-json' });
    const { pages, error } = await collectPages(mcpRegistryConnector, testContext(srv.url));
    expect(error).toBeNull();
    const weather = pages[0]!.tools[0]!;
    expect(weather.versions.map((v) => v.version)).toEqual(['1.0.2']);
    expect(weather.versionListComplete).toBe(false);
    expect(pages[0]!.errors).toEqual([
      {
        externalId: 'io.github.acme/weather',
        message: expect.stringMatching(/mapped from its list entry only: .*did not answer with valid JSON/),
      },
    ]);
  });

  it('a version list beyond the cap is capped and not complete; within the cap it is complete', async () => {
    const capped = await collectPages(mcpRegistryConnector, testContext(srv.url, { maxVersionsPerServer: 1 }));
    expect(capped.pages[0]!.tools[0]).toMatchObject({
      versionListComplete: false,
      versions: [expect.objectContaining({ version: '1.0.2' })],
    });
    const full = await collectPages(mcpRegistryConnector, testContext(srv.url));
    expect(full.pages[0]!.tools[0]!.versionListComplete).toBe(true);
  });

  it('a 500 on a versions request stops the page (transient: the next run retries it)', async () => {
    srv.route('/v0.1/servers/io.github.acme%2Fweather/versions', { fault: 'status', status: 500 });
    const { pages, error } = await collectPages(mcpRegistryConnector, testContext(srv.url));
    expect(pages).toHaveLength(0);
    const e = pageError(error);
    expect(e).toMatchObject({ kind: 'http', status: 500, resumeCursor: null });
    expect(e.message).toMatch(/weather\/versions\?include_deleted=true answered HTTP 500/);
  });

  it('waits out a 429 with Retry-After, then continues', async () => {
    srv.route('/v0.1/servers?limit=50&include_deleted=true', {
      fault: 'rate-limit',
      retryAfterSeconds: 0,
      times: 2,
      then: { file: fixture('servers-page-1.json') },
    });
    const { pages, error } = await collectPages(mcpRegistryConnector, testContext(srv.url));
    expect(error).toBeNull();
    expect(pages).toHaveLength(2);
    expect(srv.requests.filter((r) => r === '/v0.1/servers?limit=50&include_deleted=true')).toHaveLength(3);
  });

  it('a registry repeating the same cursor is stopped instead of looping forever', async () => {
    const loop = { ...page1, metadata: { nextCursor: CURSOR_2, count: 3 } };
    srv.route(isPage2, { json: loop });
    const { pages, error } = await collectPages(mcpRegistryConnector, testContext(srv.url, { fetchVersions: false }));
    expect(pages).toHaveLength(1);
    expect(pageError(error).message).toMatch(/same cursor/);
  });

  it('maxPages pauses the run with a resumable error instead of ending it', async () => {
    const { pages, error } = await collectPages(mcpRegistryConnector, testContext(srv.url, { maxPages: 1 }));
    expect(pages).toHaveLength(1);
    const e = pageError(error);
    expect(e.message).toMatch(/paused after 1 pages/);
    expect(e.resumeCursor).toBe(pages[0]!.nextCursor);
  });

  it('cancelling the run (ctx.signal) stops a hanging request at once, as "aborted"', async () => {
    srv.route('/v0.1/servers', { fault: 'hang' });
    const controller = new AbortController();
    const ctx = { ...testContext(srv.url, { timeoutMs: 60_000 }), signal: controller.signal };
    setTimeout(() => controller.abort(), 50);
    const { error } = await collectPages(mcpRegistryConnector, ctx);
    expect(pageError(error).kind).toBe('aborted');
  });

  it('testConnection reports success and a readable failure', async () => {
    await expect(mcpRegistryConnector.testConnection(testContext(srv.url))).resolves.toEqual({
      ok: true,
      detail: 'MCP registry answered; first server io.github.acme/weather',
    });
    srv.route('/v0.1/servers', { fault: 'hang' });
    const res = await mcpRegistryConnector.testConnection(testContext(srv.url));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(/did not answer within 0.4 s/);
  });
});
