import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCatalog } from '@/sample-registry/demo-catalog';
import { startSampleRegistry, type SampleRegistry } from '@/sample-registry/server';
import { AGENTNODE_NORMALIZATION_REV, agentNodeConnector, EMPTY_SEARCH_SUSPECT_AT } from './agentnode';
import { startFixtureServer } from './testing/fixture-server';
import type { ConnectorContext, SourceValidators, SyncPage } from './types';

let registry: SampleRegistry;

beforeAll(async () => {
  registry = await startSampleRegistry({ catalog: demoCatalog(2) });
});
afterAll(() => registry.close());

function ctx(config: Record<string, unknown> = {}, knownExternalIds?: string[]): ConnectorContext {
  return {
    baseUrl: registry.url,
    config: { perPage: 20, ...config },
    since: null,
    signal: new AbortController().signal,
    fetch,
    knownExternalIds,
  };
}

async function collect(
  cursor: string | null = null,
  config: Record<string, unknown> = {},
  known?: string[],
): Promise<SyncPage[]> {
  const pages: SyncPage[] = [];
  for await (const page of agentNodeConnector.pages(ctx(config, known), cursor)) pages.push(page);
  return pages;
}

/** What search lists in revision 2: every demo package but the deprecated one. */
const LISTED = 45;

describe('AgentNode connector against the sample registry', () => {
  it('tests the connection', async () => {
    expect(await agentNodeConnector.testConnection(ctx())).toEqual({
      ok: true,
      detail: 'AgentNode answered: 45 packages listed',
    });
    const down = await agentNodeConnector.testConnection({ ...ctx(), baseUrl: 'http://127.0.0.1:9' });
    expect(down.ok).toBe(false);
  });

  it('reads every package, page by page, with a resumable cursor', async () => {
    const pages = await collect();
    expect(pages.map((p) => p.nextCursor)).toEqual(['page:2', 'page:3', null]);
    const tools = pages.flatMap((p) => p.tools);
    expect(tools).toHaveLength(LISTED);
    expect(pages.every((p) => p.errors?.length === 0)).toBe(true);
    expect(tools.flatMap((t) => t.versions).length).toBeGreaterThanOrEqual(100);
    const resumed = await collect('page:3');
    expect(resumed).toHaveLength(1);
  }, 20_000);

  it('normalizes a version: permissions, digest, tool definitions, checks, provenance', async () => {
    const tools = (await collect()).flatMap((p) => p.tools);
    const gh = tools.find((t) => t.externalId === 'github-issues-mcp')!;
    expect(gh.kind).toBe('MCP_SERVER');
    expect(gh.publisher).toMatchObject({ externalId: 'acme-devtools', trustLevel: 'TRUSTED' });
    const [first, , , latest] = gh.versions;
    expect(first!.permissions).toEqual({ network: 'EXTERNAL', filesystem: 'NONE', codeExecution: 'NONE', dataAccess: 'READ' });
    expect(first!.declaredPermissions).toMatchObject({ network_level: 'restricted', allowed_domains: ['api.github.com'] });
    expect(first!.artifactDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first!.toolDefsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first!.provenance).toMatchObject({ signaturePresent: true, provenancePresent: true });
    expect(latest!.provenance).toMatchObject({ signaturePresent: false, provenancePresent: false, signer: null });
    const record = first!.verifications[0]!;
    expect(record.checks.map((c) => [c.name, c.status])).toEqual([
      ['installation', 'PASS'],
      ['import', 'PASS'],
      ['sandbox', expect.any(String)],
      ['permissions', 'PASS'],
      ['tests', expect.any(String)],
    ]);
    expect(record.payloadSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('maps failed checks to a Failed tier and keeps the source status', async () => {
    const tools = (await collect()).flatMap((p) => p.tools);
    const ocr = tools.find((t) => t.externalId === 'screenshot-ocr')!;
    const run = ocr.versions[0]!.verifications[0]!;
    expect(run.tier).toBe('FAILED');
    expect(run.checks[0]).toMatchObject({ name: 'installation', status: 'FAIL', sourceStatus: 'failed' });
    expect(run.checks[1]).toMatchObject({ name: 'import', status: 'SKIPPED', sourceStatus: 'skipped' });
  });

  it('keeps a pending version without a record, a quarantined latest, and skips yanked versions', async () => {
    const tools = (await collect()).flatMap((p) => p.tools);
    const pending = tools.find((t) => t.externalId === 'prompt-guard-upgrade')!;
    expect(pending.versions.at(-1)!.verifications).toEqual([]);
    const rss = tools.find((t) => t.externalId === 'rss-digest')!;
    expect(rss.versions.at(-1)).toMatchObject({ quarantineStatus: 'quarantined', artifactDigest: null });
    const email = tools.find((t) => t.externalId === 'email-parser')!;
    expect(email.versions).toHaveLength(3);
  });

  it('reports a bad package and keeps the rest of the page', async () => {
    registry.faults = { malformedJson: ['web-scraper'], missingFields: ['jira-sync'], unknownEnum: ['slack-notifier'] };
    try {
      const pages = await collect();
      const errors = pages.flatMap((p) => p.errors ?? []);
      expect(errors.map((e) => e.externalId).sort()).toEqual(['jira-sync', 'slack-notifier', 'web-scraper']);
      expect(errors.find((e) => e.externalId === 'web-scraper')!.message).toMatch(/valid JSON/);
      expect(errors.find((e) => e.externalId === 'jira-sync')!.message).toMatch(/blocks/);
      expect(errors.find((e) => e.externalId === 'slack-notifier')!.message).toMatch(/network_level/);
      expect(pages.flatMap((p) => p.tools)).toHaveLength(LISTED - 3);
    } finally {
      registry.faults = {};
    }
  });

  it('fails a package that times out or sends an endless body', async () => {
    registry.faults = { slow: ['weather-lookup'], slowMs: 1_000, endlessBody: ['pii-redactor'] };
    try {
      const pages = await collect(null, { timeoutMs: 300, maxBytes: 256 * 1024 });
      const errors = pages.flatMap((p) => p.errors ?? []);
      expect(errors.find((e) => e.externalId === 'weather-lookup')!.message).toMatch(/did not answer within/);
      expect(errors.find((e) => e.externalId === 'pii-redactor')!.message).toMatch(/byte limit/);
    } finally {
      registry.faults = {};
    }
  });

  it('throws on a 500 in the middle of pagination after yielding the pages before it', async () => {
    registry.faults = { failSearchPage: 2 };
    const pages: SyncPage[] = [];
    try {
      await expect(async () => {
        for await (const page of agentNodeConnector.pages(ctx(), null)) pages.push(page);
      }).rejects.toThrow(/HTTP 500/);
      expect(pages).toHaveLength(1);
    } finally {
      registry.faults = {};
    }
  });

  it('backs off on 429 and carries on', async () => {
    registry.faults = { rateLimitNext: 2 };
    const pages = await collect('page:3');
    expect(pages[0]!.tools.length).toBeGreaterThan(0);
  });
});

let whole: Promise<SyncPage[]> | null = null;
/** One full read shared by the read-only tests below (the machine is shared; a read takes seconds). */
const toolsOnce = async () => (await (whole ??= collect())).flatMap((p) => p.tools);

describe('AgentNode tiers as AgentNode grades them', () => {
  it.each([
    ['weather-lookup', 'PARTIAL', 'GOLD', /mock-mode run/],
    ['confluence-search', 'PARTIAL', 'VERIFIED', /credential boundary/],
    ['hr-policy-qa', 'VERIFIED', 'GOLD', /limited-mode run/],
    ['sql-migration-helper', 'VERIFIED', 'GOLD', /reliability 0\.67 below 0\.9/],
  ])('%s: latest run is %s, capped from %s', { timeout: 20_000 }, async (slug, tier, from, reason) => {
    const tool = (await toolsOnce()).find((t) => t.externalId === slug)!;
    const run = tool.versions.at(-1)!.verifications[0]!;
    expect(run).toMatchObject({ tier, tierCap: { from, reason: expect.stringMatching(reason) } });
    // The cap is part of the evidence, so a record graded before the caps existed is re-recorded.
    expect(run.rawPayload).toMatchObject({ tier_cap: { score_tier: from, tier } });
  });

  it('never ranks a version above the tier AgentNode reports', async () => {
    const tool = (await toolsOnce()).find((t) => t.externalId === 'prompt-guard-upgrade')!;
    const run = tool.versions[0]!.verifications[0]!;
    expect(run).toMatchObject({
      trustScore: 95,
      registryTier: 'verified',
      tier: 'VERIFIED',
      tierCap: { from: 'GOLD', reason: 'the registry grades it Verified' },
    });
  });

  it('leaves uncapped runs as they were: no cap, no extra evidence field', async () => {
    const tool = (await toolsOnce()).find((t) => t.externalId === 'email-parser')!;
    const run = tool.versions.at(-1)!.verifications[0]!;
    expect(run).toMatchObject({ tier: 'GOLD', tierCap: null });
    expect(run.rawPayload).not.toHaveProperty('tier_cap');
  });
});

describe('AgentNode catalogue gaps', () => {
  it('re-reads known packages search no longer lists (deprecated) by their own endpoint', { timeout: 20_000 }, async () => {
    const known = ['legacy-ftp-uploader', 'email-parser'];
    const pages = await collect(null, {}, known);
    expect(pages.map((p) => p.nextCursor)).toEqual(['page:2', 'page:3', 'known:legacy-ftp-uploader', null]);
    const legacy = pages.at(-1)!.tools;
    expect(legacy.map((t) => [t.externalId, t.deprecated, t.registryStatus])).toEqual([
      ['legacy-ftp-uploader', true, 'deprecated'],
    ]);
    expect(legacy[0]!.versions.length).toBeGreaterThan(0);
    // A run interrupted in that phase resumes there.
    const resumed = await collect('known:legacy-ftp-uploader', {}, known);
    expect(resumed.map((p) => p.tools.map((t) => t.externalId))).toEqual([['legacy-ftp-uploader']]);
  });

  it('a known package the registry no longer has is a readable item error, not a silent drop', async () => {
    const pages = await collect('page:3', {}, ['vanished-pack']);
    const errors = pages.flatMap((p) => p.errors ?? []);
    expect(errors).toEqual([
      {
        externalId: 'vanished-pack',
        message: expect.stringMatching(/vanished-pack: AgentNode no longer has this package \(404 PACKAGE_NOT_FOUND\)/),
      },
    ]);
  });

  it('fails readably when search answers 200 with no hits while many packages are known (fixture server)', async () => {
    const srv = await startFixtureServer();
    try {
      srv.route('/v1/search', { json: { query: '', hits: [], total: 0, page: 1, per_page: 50 } });
      const known = Array.from({ length: 46 }, (_, i) => `pack-${i}`);
      const c = { ...ctx({}, known), baseUrl: srv.url };
      await expect(async () => {
        for await (const _page of agentNodeConnector.pages(c, null)) void _page;
      }).rejects.toThrow(/search answered 200 with no packages while 46 are known from earlier syncs/);
      // Nothing else was asked: no package was re-read as if the catalogue had emptied.
      expect(srv.requests).toEqual(['/v1/search']);
    } finally {
      await srv.close();
    }
  });

  it('an empty search with only a few known packages is believed: they are re-read one by one (fixture server)', async () => {
    const srv = await startFixtureServer();
    try {
      srv.route('/v1/search', { json: { query: '', hits: [], total: 0, page: 1, per_page: 50 } });
      const known = Array.from({ length: EMPTY_SEARCH_SUSPECT_AT - 1 }, (_, i) => `pack-${i}`);
      const pages: SyncPage[] = [];
      for await (const page of agentNodeConnector.pages({ ...ctx({}, known), baseUrl: srv.url }, null)) pages.push(page);
      expect(pages.flatMap((p) => p.errors ?? []).map((e) => e.externalId)).toEqual(known);
      expect(srv.requests.filter((r) => r.startsWith('/v1/packages/pack-')).length).toBeGreaterThanOrEqual(known.length);
    } finally {
      await srv.close();
    }
  });
});

describe('AgentNode conditional requests', () => {
  async function read(previous?: Map<string, SourceValidators>): Promise<SyncPage[]> {
    const pages: SyncPage[] = [];
    const c: ConnectorContext = { ...ctx(), previousValidators: previous ? async () => previous : undefined };
    for await (const page of agentNodeConnector.pages(c, null)) pages.push(page);
    return pages;
  }

  it('remembers the validators of every answer a package was read from', async () => {
    const tools = (await read()).flatMap((p) => p.tools);
    const pdf = tools.find((t) => t.externalId === 'pdf-reader-pack')!;
    expect(pdf.sourceValidators).toMatchObject({ rev: AGENTNODE_NORMALIZATION_REV });
    const urls = pdf.sourceValidators!.urls.map((u) => u.url.slice(registry.url.length));
    expect(urls).toEqual(
      expect.arrayContaining([
        '/v1/packages/pdf-reader-pack',
        '/v1/packages/pdf-reader-pack/trust',
        expect.stringMatching(/^\/v1\/packages\/pdf-reader-pack\/install-info\?version=/),
        expect.stringMatching(/^\/v1\/publishers\//),
      ]),
    );
    expect(pdf.sourceValidators!.urls.every((u) => u.etag)).toBe(true);
  }, 20_000);

  it('skips a package whose answers all come back 304, and reads one that changed', async () => {
    const first = (await read()).flatMap((p) => p.tools);
    const previous = new Map(first.filter((t) => t.sourceValidators).map((t) => [t.externalId, t.sourceValidators!]));
    expect(previous.size).toBeGreaterThan(30);
    const before = { conditional: registry.conditionalRequests, notModified: registry.notModified };
    const again = await read(previous);
    expect(registry.conditionalRequests - before.conditional).toBeGreaterThan(0);
    expect(registry.notModified - before.notModified).toBe(registry.conditionalRequests - before.conditional);
    expect(again.flatMap((p) => p.unchanged ?? []).sort()).toEqual([...previous.keys()].sort());
    // Packages whose answers carried no validators everywhere (a 403 on a quarantined install-info) are read in full.
    expect(again.flatMap((p) => p.tools).map((t) => t.externalId)).toEqual(
      first.filter((t) => !t.sourceValidators).map((t) => t.externalId),
    );

    // One remembered ETag no longer matches: that package alone is read again, in full.
    const stale = new Map(previous);
    const pdf = stale.get('pdf-reader-pack')!;
    stale.set('pdf-reader-pack', { ...pdf, urls: pdf.urls.map((u, i) => (i === 0 ? { ...u, etag: '"outdated"' } : u)) });
    const changed = (await read(stale)).flatMap((p) => p.tools).map((t) => t.externalId);
    expect(changed).toContain('pdf-reader-pack');
    expect(changed).toHaveLength(1 + first.filter((t) => !t.sourceValidators).length);
  }, 30_000);

  it('ignores validators remembered by another normalization revision', async () => {
    const first = (await read()).flatMap((p) => p.tools).filter((t) => t.sourceValidators);
    const old = new Map(first.map((t) => [t.externalId, { ...t.sourceValidators!, rev: 'agentnode-0' }]));
    const pages = await read(old);
    expect(pages.flatMap((p) => p.unchanged ?? [])).toEqual([]);
    expect(pages.flatMap((p) => p.tools)).toHaveLength(LISTED);
  }, 30_000);
});
