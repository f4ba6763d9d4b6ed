import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import acme from './__fixtures__/npm/acme-weather-mcp.json';
import { RegistryPageError } from './connector-support';
import { npmConnector } from './npm';
import { collectPages, testContext } from './testing/collect-pages';
import { startFixtureServer, type FixtureServer } from './testing/fixture-server';

const fixture = (name: string) => fileURLToPath(new URL(`./__fixtures__/npm/${name}`, import.meta.url));
const PACKAGES = ['@acme/weather-mcp', 'quick-shell-tool', 'old-mcp-helper'];

let srv: FixtureServer;
const ctx = (config: Record<string, unknown> = {}) => testContext(srv.url, { packages: PACKAGES, pageSize: 1, ...config });

beforeEach(async () => {
  srv = await startFixtureServer();
  srv.route('/@acme%2fweather-mcp', { file: fixture('acme-weather-mcp.json') });
  srv.route('/quick-shell-tool', { file: fixture('quick-shell-tool.json') });
  srv.route('/old-mcp-helper', { file: fixture('old-mcp-helper.json') });
});

afterEach(async () => {
  await srv.close();
});

function pageError(error: unknown): RegistryPageError {
  expect(error).toBeInstanceOf(RegistryPageError);
  return error as RegistryPageError;
}

describe('npm connector against recorded shapes', () => {
  it('follows the configured packages, one page each, cursor = next package index', async () => {
    const { pages, error } = await collectPages(npmConnector, ctx());
    expect(error).toBeNull();
    expect(pages.map((p) => [p.tools.map((t) => t.externalId), p.nextCursor])).toEqual([
      [['@acme/weather-mcp'], '1'],
      [['quick-shell-tool'], '2'],
      [['old-mcp-helper'], null],
    ]);
    expect(srv.requests).toEqual(['/@acme%2fweather-mcp', '/quick-shell-tool', '/old-mcp-helper']);
  });

  it('a 500 on the second package: the first page was yielded, the error resumes at index 1', async () => {
    srv.route('/quick-shell-tool', { fault: 'status', status: 500 });
    const { pages, error } = await collectPages(npmConnector, ctx());
    expect(pages).toHaveLength(1);
    const e = pageError(error);
    expect(e).toMatchObject({ kind: 'http', status: 500, resumeCursor: '1' });
    expect(e.message).toMatch(/^npm sync stopped: .*quick-shell-tool answered HTTP 500/);

    srv.route('/quick-shell-tool', { file: fixture('quick-shell-tool.json') });
    const resumed = await collectPages(npmConnector, ctx(), e.resumeCursor);
    expect(resumed.error).toBeNull();
    expect(resumed.pages.flatMap((p) => p.tools.map((t) => t.externalId))).toEqual(['quick-shell-tool', 'old-mcp-helper']);
  });

  it.each([
    ['malformed JSON', { fault: 'malformed-json' as const }, /valid JSON/],
    ['a missing name', { json: { versions: {} } }, /name: /],
    ['another package’s document', { json: { ...acme, name: 'evil' } }, /package "evil" instead of "@acme\/weather-mcp"/],
    [
      'an unknown enum-like value in a mapped version',
      { json: { ...acme, versions: { ...acme.versions, '1.0.2': { ...acme.versions['1.0.2'], deprecated: 42 } } } },
      /version 1\.0\.2: deprecated/,
    ],
    ['a huge body', { fault: 'huge' as const, bytes: 3 * 1024 * 1024 }, /byte limit/],
    ['an endless body', { fault: 'endless' as const }, /byte limit/],
  ])('%s: that package is an item error, the others are synced', async (_l, answer, message) => {
    srv.route('/@acme%2fweather-mcp', answer);
    const { pages, error } = await collectPages(npmConnector, ctx());
    expect(error).toBeNull();
    expect(pages.map((p) => p.tools.map((t) => t.externalId))).toEqual([[], ['quick-shell-tool'], ['old-mcp-helper']]);
    expect(pages[0]!.errors).toEqual([
      { externalId: '@acme/weather-mcp', message: expect.stringMatching(/^npm package @acme\/weather-mcp skipped: /) },
    ]);
    expect(pages[0]!.errors![0]!.message).toMatch(message);
  });

  it.each([
    ['a hang', { fault: 'hang' as const }, 'timeout', /did not answer within 0.4 s/],
    ['HTTP 503', { fault: 'status' as const, status: 503 }, 'http', /HTTP 503/],
  ])('%s stops the run readably, resumable at that package', async (_l, answer, kind, message) => {
    srv.route('/quick-shell-tool', answer);
    const { pages, error } = await collectPages(npmConnector, ctx());
    expect(pages).toHaveLength(1);
    const e = pageError(error);
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(message);
    expect(e.resumeCursor).toBe('1');
  });

  it('a package npm does not know is an item error; the others are synced', async () => {
    const { pages, error } = await collectPages(
      npmConnector,
      ctx({ packages: ['@acme/weather-mcp', 'no-such-pkg', 'old-mcp-helper'], pageSize: 10 }),
    );
    expect(error).toBeNull();
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ total: 3, nextCursor: null });
    expect(pages[0]!.tools.map((t) => t.externalId)).toEqual(['@acme/weather-mcp', 'old-mcp-helper']);
    expect(pages[0]!.errors).toEqual([
      {
        externalId: 'no-such-pkg',
        message: 'npm has no package named "no-such-pkg" (HTTP 404); check the registry\'s package list',
      },
    ]);
  });

  it('waits out a 429, then continues', async () => {
    srv.route('/quick-shell-tool', {
      fault: 'rate-limit',
      retryAfterSeconds: 0,
      times: 1,
      then: { file: fixture('quick-shell-tool.json') },
    });
    const { pages, error } = await collectPages(npmConnector, ctx());
    expect(error).toBeNull();
    expect(pages).toHaveLength(3);
  });

  it.each([
    [{}, /"packages" must list/],
    [{ packages: [] }, /"packages" must list/],
    [{ packages: ['ok-name', 'Not Valid'] }, /"Not Valid" is not a valid npm package name/],
  ])('bad config %j fails before any request', async (config, message) => {
    const { pages, error } = await collectPages(npmConnector, testContext(srv.url, config));
    expect(pages).toHaveLength(0);
    expect(pageError(error).message).toMatch(message);
    expect(srv.requests).toHaveLength(0);
  });

  it('testConnection fetches the first package', async () => {
    await expect(npmConnector.testConnection(ctx())).resolves.toEqual({
      ok: true,
      detail: 'npm registry answered; @acme/weather-mcp has 3 recent version(s)',
    });
    await expect(npmConnector.testConnection(ctx({ packages: ['nope'] }))).resolves.toEqual({
      ok: false,
      error: 'npm registry answered, but has no package "nope"',
    });
    srv.route('/@acme%2fweather-mcp', { fault: 'status', status: 502, body: 'Bad Gateway' });
    const res = await npmConnector.testConnection(ctx());
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(/HTTP 502 \(Bad Gateway\)/);
  });
});
