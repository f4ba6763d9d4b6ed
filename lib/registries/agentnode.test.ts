import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCatalog } from '@/sample-registry/demo-catalog';
import { startSampleRegistry, type SampleRegistry } from '@/sample-registry/server';
import { agentNodeConnector } from './agentnode';
import type { ConnectorContext, SyncPage } from './types';

let registry: SampleRegistry;

beforeAll(async () => {
  registry = await startSampleRegistry({ catalog: demoCatalog(2) });
});
afterAll(() => registry.close());

function ctx(config: Record<string, unknown> = {}): ConnectorContext {
  return { baseUrl: registry.url, config: { perPage: 20, ...config }, since: null, signal: new AbortController().signal, fetch };
}

async function collect(cursor: string | null = null, config: Record<string, unknown> = {}): Promise<SyncPage[]> {
  const pages: SyncPage[] = [];
  for await (const page of agentNodeConnector.pages(ctx(config), cursor)) pages.push(page);
  return pages;
}

describe('AgentNode connector against the sample registry', () => {
  it('tests the connection', async () => {
    expect(await agentNodeConnector.testConnection(ctx())).toEqual({ ok: true, detail: 'AgentNode answered: 46 packages listed' });
    const down = await agentNodeConnector.testConnection({ ...ctx(), baseUrl: 'http://127.0.0.1:9' });
    expect(down.ok).toBe(false);
  });

  it('reads every package, page by page, with a resumable cursor', async () => {
    const pages = await collect();
    expect(pages.map((p) => p.nextCursor)).toEqual(['page:2', 'page:3', null]);
    const tools = pages.flatMap((p) => p.tools);
    expect(tools).toHaveLength(46);
    expect(pages.every((p) => p.errors?.length === 0)).toBe(true);
    expect(tools.flatMap((t) => t.versions).length).toBeGreaterThanOrEqual(100);
    const resumed = await collect('page:3');
    expect(resumed).toHaveLength(1);
  });

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
      expect(pages.flatMap((p) => p.tools)).toHaveLength(43);
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
