import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchCatalog } from '@/sample-registry/bench-catalog';
import { demoCatalog } from '@/sample-registry/demo-catalog';
import { startSampleRegistry, type SampleRegistry } from '@/sample-registry/server';

let registry: SampleRegistry;
beforeAll(async () => {
  registry = await startSampleRegistry({ catalog: demoCatalog(2) });
});
afterAll(() => registry.close());

const get = async (path: string) => {
  const res = await fetch(registry.url + path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('sample AgentNode registry: wire format', () => {
  it('pages search results with page/per_page and echoes total', async () => {
    const res = await fetch(`${registry.url}/v1/search`, { method: 'POST', body: JSON.stringify({ page: 2, per_page: 10 }) });
    const body = (await res.json()) as { hits: { slug: string }[]; total: number; page: number; per_page: number };
    expect(body).toMatchObject({ total: 45, page: 2, per_page: 10 });
    expect(body.hits).toHaveLength(10);
    // Like AgentNode, search never lists a deprecated package; its own endpoint still answers.
    const all = await fetch(`${registry.url}/v1/search`, { method: 'POST', body: JSON.stringify({ page: 1, per_page: 100 }) });
    const slugs = ((await all.json()) as { hits: { slug: string }[] }).hits.map((h) => h.slug);
    expect(slugs).toHaveLength(45);
    expect(slugs).not.toContain('legacy-ftp-uploader');
    expect((await get('/v1/packages/legacy-ftp-uploader')).body).toMatchObject({ is_deprecated: true });
    const bad = await fetch(`${registry.url}/v1/search`, { method: 'POST', body: JSON.stringify({ per_page: 500 }) });
    expect(bad.status).toBe(422);
  });

  it.each([
    ['/v1/packages/no-such-tool', 404, 'PACKAGE_NOT_FOUND'],
    ['/v1/packages/email-parser?v=9.9.9', 404, 'PACKAGE_VERSION_NOT_FOUND'],
    ['/v1/packages/email-parser/versions/9.9.9/verification', 404, 'VERSION_NOT_FOUND'],
    ['/v1/publishers/nobody', 404, 'PUBLISHER_NOT_FOUND'],
  ])('%s → %i %s in the error envelope', async (path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String), details: {} } });
  });

  it('hides yanked versions from the list and answers 410 for them', async () => {
    const pkg = registry.catalog.bySlug('email-parser')!;
    const yanked = pkg.versions.find((v) => v.yanked)!;
    const list = await get('/v1/packages/email-parser/versions');
    expect((list.body.versions as { version_number: string }[]).map((v) => v.version_number)).not.toContain(
      yanked.version_number,
    );
    expect(list.body.total).toBe(pkg.versions.length - 1);
    const install = await get(`/v1/packages/email-parser/install-info?version=${yanked.version_number}`);
    expect(install).toMatchObject({ status: 410, body: { error: { code: 'VERSION_YANKED' } } });
  });

  it('shows a quarantined latest version in the detail and refuses to install it', async () => {
    const detail = await get('/v1/packages/rss-digest');
    expect(detail.body.quarantine_status).toBe('quarantined');
    const version = (detail.body.latest_version as { version_number: string }).version_number;
    const install = await get(`/v1/packages/rss-digest/install-info?version=${version}`);
    expect(install).toMatchObject({ status: 403, body: { error: { code: 'VERSION_QUARANTINED' } } });
  });

  it('keeps allowed domains out of the detail block and in install-info', async () => {
    const detail = await get('/v1/packages/github-issues-mcp');
    expect((detail.body.blocks as { permissions: Record<string, unknown> }).permissions).not.toHaveProperty('allowed_domains');
    const install = await get('/v1/packages/github-issues-mcp/install-info');
    expect((install.body.permissions as { allowed_domains: string[] }).allowed_domains).toEqual(['api.github.com']);
    expect((install.body.artifact as { hash_sha256: string }).hash_sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a pending verification as {"status":"pending"}', async () => {
    expect((await get('/v1/packages/prompt-guard-upgrade/verification')).body).toEqual({ status: 'pending' });
  });
});

describe('sample catalogues', () => {
  it('demo: realistic spread of publishers, tiers, failures and escalations', () => {
    const c = demoCatalog(2);
    const pkgs = Array.from({ length: c.count() }, (_, i) => c.packageAt(i));
    const versions = pkgs.flatMap((p) => p.versions);
    expect(pkgs.length).toBeGreaterThanOrEqual(45);
    expect(versions.length).toBeGreaterThanOrEqual(100);
    expect(new Set(pkgs.map((p) => p.publisher)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(versions.map((v) => v.run?.tier).filter(Boolean))).toEqual(
      new Set(['gold', 'verified', 'partial', 'unverified']),
    );
    expect(versions.some((v) => v.run?.install_status === 'failed')).toBe(true);
    expect(versions.some((v) => v.run?.import_status === 'failed')).toBe(true);
    expect(versions.some((v) => v.run?.smoke_status === 'failed')).toBe(true);
    const dates = versions.map((v) => Date.parse(v.published_at));
    expect((Math.max(...dates) - Math.min(...dates)) / 86_400_000).toBeGreaterThan(300);
  });

  it('is deterministic and the bench catalogue is computed on demand', () => {
    expect(JSON.stringify(demoCatalog(2).packageAt(3))).toBe(JSON.stringify(demoCatalog(2).packageAt(3)));
    const bench = benchCatalog(5000, 3);
    expect(bench.count()).toBe(5000);
    expect(bench.bySlug('bench-tool-4999')!.versions).toHaveLength(3);
    expect(bench.bySlug('bench-tool-5000')).toBeUndefined();
  });
});
