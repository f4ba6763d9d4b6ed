import { z } from 'zod';
import { buildVersion, runFromDetail } from './agentnode-normalize';
import {
  ZErrorEnvelope,
  ZInstallInfo,
  ZPackageDetail,
  ZPublisher,
  ZSearchResponse,
  ZTrustResponse,
  ZVerificationRun,
  ZVersionsResponse,
  type TPublisher,
} from './agentnode-schemas';
import { fetchJson, fetchJsonIfChanged, RegistryHttpError, type FetchJsonOptions } from './http';
import { AGENTNODE_NORMALIZATION_REV, record, unchangedSince, type Recorder } from './agentnode-validators';

export { AGENTNODE_NORMALIZATION_REV } from './agentnode-validators';
import type {
  ConnectorContext,
  NormalizedPublisher,
  NormalizedTool,
  RegistryConnector,
  SourceValidators,
  SyncItemError,
  SyncPage,
} from './types';

/**
 * AgentNode (shared/AGENTNODE-API.md): lists packages with POST /v1/search page by page, then per
 * package reads detail, versions, trust, publisher, and per version the detail (?v=), the latest
 * verification run and install-info (artifact SHA-256, full permissions).
 *
 * Incremental sync: AgentNode has no "updated since" filter and a re-verification changes no
 * listing field, so every run sweeps the catalogue; the cursor is the next search page, kept
 * only after a page is stored, so an interrupted run resumes where it stopped. Unchanged data
 * stores nothing (records are keyed by their payload hash).
 *
 * Conditional requests: every GET answer that carries an ETag or Last-Modified is remembered
 * with the tool (sourceValidators). The next run asks each of them again with If-None-Match /
 * If-Modified-Since; when all answer 304 the package is reported unchanged and not re-read
 * (search pages are POST and always read in full). One answer without a validator, or one that
 * changed, and the package is read in full as before.
 *
 * Search leaves deprecated packages out, so after the search pages every already-known package
 * search did not list is re-read by its own endpoint (cursor `known:<slug>`). A search that
 * answers 200 with nothing while many packages are known is an outage, not an empty catalogue:
 * the run fails with that reason before anything is stored.
 */
export const ZAgentNodeConfig = z.object({
  apiKey: z.string().min(1).optional(),
  perPage: z.number().int().min(1).max(100).default(50),
  concurrency: z.number().int().min(1).max(32).default(8),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
});

const TRUST: Record<TPublisher['trust_level'], NormalizedPublisher['trustLevel']> = {
  unverified: 'UNVERIFIED',
  verified: 'VERIFIED',
  trusted: 'TRUSTED',
  curated: 'CURATED',
};

function client(ctx: ConnectorContext) {
  const config = ZAgentNodeConfig.parse(ctx.config ?? {});
  const base = ctx.baseUrl.replace(/\/+$/, '');
  const options: FetchJsonOptions = {
    fetch: ctx.fetch,
    signal: ctx.signal,
    timeoutMs: config.timeoutMs,
    maxBytes: config.maxBytes,
    headers: config.apiKey ? { 'x-api-key': config.apiKey } : {},
  };
  const get = async <S extends z.ZodType>(path: string, schema: S, extra: Partial<FetchJsonOptions> = {}, rec?: Recorder) => {
    const res = await fetchJson(base + path, schema, { ...options, ...extra });
    record(rec, base + path, res);
    return res;
  };
  /** True when the registry answers 304 to the remembered validators of `url`. */
  const notModified = (entry: SourceValidators['urls'][number]) =>
    fetchJsonIfChanged(entry.url, z.unknown(), entry, options).then(
      (r) => r.notModified,
      // A failed check is no proof of anything: the package is read in full, which reports the error.
      () => false,
    );
  return { config, base, get, notModified };
}

type Client = ReturnType<typeof client>;

interface ReadPublisher {
  publisher: NormalizedPublisher;
  /** Its answer's validators, shared by every package of the publisher. */
  rec: Recorder;
}

async function readPublisher(c: Client, slug: string): Promise<ReadPublisher> {
  const rec: Recorder = { urls: [], complete: true };
  const { data } = await c.get(`/v1/publishers/${encodeURIComponent(slug)}`, ZPublisher, {}, rec);
  return {
    publisher: {
      externalId: data.slug,
      name: data.display_name,
      trustLevel: TRUST[data.trust_level],
      websiteUrl: data.website_url ?? null,
    },
    rec,
  };
}

/** A 403 (quarantined) or 410 (yanked) on install-info means "no artifact to pin", not a failure. */
async function installInfo(c: Client, slug: string, version: string, rec: Recorder) {
  const res = await c.get(
    `/v1/packages/${encodeURIComponent(slug)}/install-info?version=${encodeURIComponent(version)}`,
    z.union([ZInstallInfo, ZErrorEnvelope]),
    {
      acceptStatus: [403, 410],
    },
    rec,
  );
  return res.status === 200 && 'permissions' in res.data ? res.data : null;
}

/**
 * The detail's `verification` block already carries the latest run's steps, score and tier;
 * the run route is read only when the run failed (for its error summary) or the block is
 * missing: a third fewer requests on a large registry, same evidence.
 */
async function readVersion(
  c: Client,
  slug: string,
  version: string,
  latestDetail: z.output<typeof ZPackageDetail>,
  trust: z.output<typeof ZTrustResponse> | null,
  rec: Recorder,
) {
  const enc = encodeURIComponent(slug);
  const isLatest = latestDetail.latest_version?.version_number === version;
  const [detail, install] = await Promise.all([
    isLatest
      ? latestDetail
      : c.get(`/v1/packages/${enc}?v=${encodeURIComponent(version)}`, ZPackageDetail, {}, rec).then((r) => r.data),
    installInfo(c, slug, version, rec),
  ]);
  const info = detail.verification;
  const run =
    info && info.status === 'verified' && info.steps.length > 0
      ? runFromDetail(info)
      : (await c.get(`/v1/packages/${enc}/versions/${encodeURIComponent(version)}/verification`, ZVerificationRun, {}, rec)).data;
  return buildVersion(slug, detail, run, install, isLatest ? trust : null);
}

async function listVersions(c: Client, slug: string, rec: Recorder): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; page <= 50; page++) {
    const { data } = await c.get(
      `/v1/packages/${encodeURIComponent(slug)}/versions?page=${page}&per_page=100`,
      ZVersionsResponse,
      {},
      rec,
    );
    out.push(...data.versions.map((v) => v.version_number));
    if (data.versions.length < 100 || (data.total !== null && data.total !== undefined && out.length >= data.total)) break;
  }
  return out;
}

async function readPackage(c: Client, slug: string, publishers: Map<string, Promise<ReadPublisher>>): Promise<NormalizedTool> {
  const enc = encodeURIComponent(slug);
  const rec: Recorder = { urls: [], complete: true };
  const [detail, listed, trust] = await Promise.all([
    c.get(`/v1/packages/${enc}`, ZPackageDetail, {}, rec).then((r) => r.data),
    listVersions(c, slug, rec),
    c
      .get(`/v1/packages/${enc}/trust`, ZTrustResponse, { acceptStatus: [404] }, rec)
      .then((r) => (r.status === 200 ? r.data : null)),
  ]);
  const pubSlug = detail.publisher.slug;
  if (!publishers.has(pubSlug)) {
    const p = readPublisher(c, pubSlug);
    p.catch(() => publishers.delete(pubSlug));
    publishers.set(pubSlug, p);
  }
  const { publisher, rec: pubRec } = await publishers.get(pubSlug)!;
  rec.urls.push(...pubRec.urls);
  rec.complete &&= pubRec.complete;
  // The latest version may be quarantined and so missing from the public list: keep it, flagged.
  const latest = detail.latest_version?.version_number;
  const names = latest && !listed.includes(latest) ? [latest, ...listed] : listed;
  const versions = await Promise.all(names.map((v) => readVersion(c, slug, v, detail, trust, rec)));
  const runtime = detail.blocks.compatibility?.runtime;
  return {
    externalId: detail.slug,
    name: detail.name,
    description: detail.summary || (detail.description ?? ''),
    kind: detail.package_type === 'toolpack' ? (runtime === 'mcp' ? 'MCP_SERVER' : 'TOOL_PACKAGE') : 'AGENT_PLUGIN',
    repositoryUrl: trust?.source_repo ?? detail.source_url ?? null,
    registryStatus: detail.is_deprecated ? 'deprecated' : detail.quarantine_status === 'quarantined' ? 'quarantined' : 'active',
    deprecated: detail.is_deprecated,
    publisher,
    versions: versions.reverse(),
    versionListComplete: true,
    sourceValidators: rec.complete && rec.urls.length > 0 ? { rev: AGENTNODE_NORMALIZATION_REV, urls: rec.urls } : null,
  };
}

interface ReadBatch {
  tools: NormalizedTool[];
  /** Packages every remembered answer of which came back 304: not re-read. */
  unchanged: string[];
}

/** Runs `fn` over `items` with at most `limit` in flight, results in input order. */
async function mapPool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export const agentNodeConnector: RegistryConnector = {
  kind: 'AGENTNODE',

  async testConnection(ctx) {
    try {
      const c = client(ctx);
      const { data } = await c.get('/v1/search', ZSearchResponse, {
        method: 'POST',
        body: { q: '', page: 1, per_page: 1 },
        maxRetries: 0,
      });
      return { ok: true, detail: `AgentNode answered: ${data.total} package${data.total === 1 ? '' : 's'} listed` };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  },

  async *pages(ctx, cursor): AsyncIterable<SyncPage> {
    const c = client(ctx);
    const publishers = new Map<string, Promise<ReadPublisher>>();
    const sharedChecks = new Map<string, Promise<boolean>>();
    const known = [...new Set(ctx.knownExternalIds ?? [])].sort();
    const readAll = async (slugs: readonly string[], errors: SyncItemError[]): Promise<ReadBatch> => {
      const previous = ctx.previousValidators ? await ctx.previousValidators(slugs) : new Map<string, SourceValidators>();
      const unchanged = new Set<string>();
      const read = await mapPool(slugs, c.config.concurrency, async (slug) => {
        const prev = previous.get(slug);
        if (prev && (await unchangedSince(c, prev, sharedChecks))) {
          unchanged.add(slug);
          return null;
        }
        return readPackage(c, slug, publishers).catch((e: unknown) => {
          if (e instanceof RegistryHttpError && e.kind === 'aborted') throw e;
          const gone = e instanceof RegistryHttpError && e.status === 404;
          const why = gone
            ? `AgentNode no longer has this package (404 ${e.code ?? ''}); the inventory keeps it as last seen`
            : e instanceof Error
              ? e.message
              : String(e);
          errors.push({ externalId: slug, message: `${slug}: ${why}` });
          return null;
        });
      });
      return {
        tools: read.filter((t): t is NormalizedTool => t !== null),
        unchanged: slugs.filter((s) => unchanged.has(s)),
      };
    };

    // Phase 2, also where a run interrupted in it resumes: known packages search did not list.
    if (cursor?.startsWith('known:')) {
      yield* rereadKnown(
        known.filter((slug) => slug >= cursor.slice('known:'.length)),
        c.config.perPage,
        readAll,
      );
      return;
    }
    let page = cursor ? Number(cursor.replace(/^page:/, '')) : 1;
    if (!Number.isInteger(page) || page < 1) page = 1;
    const listed = new Set<string>();
    const fetchPage = async (n: number) => {
      const body = { q: '', sort_by: 'name:asc', page: n, per_page: c.config.perPage };
      const { data } = await c.get('/v1/search', ZSearchResponse, { method: 'POST', body });
      if (n === 1 && data.hits.length === 0 && known.length >= EMPTY_SEARCH_SUSPECT_AT) {
        throw new Error(
          `AgentNode search answered 200 with no packages while ${known.length} are known from earlier syncs: ` +
            'not treating the catalogue as empty (its search index may be down). Nothing was changed; try again later.',
        );
      }
      for (const hit of data.hits) listed.add(hit.slug);
      const errors: SyncItemError[] = [];
      const { tools, unchanged } = await readAll(
        data.hits.map((h) => h.slug),
        errors,
      );
      const done = data.hits.length === 0 || n * c.config.perPage >= data.total || n >= 500;
      return { tools, unchanged, errors, nextCursor: done ? null : `page:${n + 1}`, total: data.total };
    };
    // The next page is read while the caller stores this one: network and database overlap.
    let pending = fetchPage(page);
    for (;;) {
      const current = await pending;
      if (current.nextCursor === null) {
        // Search hides deprecated packages: every known package it did not list is re-read by its
        // own endpoint, so a deprecation after the first sync is seen (phase 2).
        const unlisted = known.filter((slug) => !listed.has(slug));
        yield { ...current, nextCursor: unlisted.length > 0 ? `known:${unlisted[0]}` : null };
        yield* rereadKnown(unlisted, c.config.perPage, readAll);
        return;
      }
      pending = fetchPage(++page);
      pending.catch(() => undefined); // surfaced when awaited above
      yield current;
    }
  },
};

/** Below this many known packages an empty search may be real (the few were deprecated); at or above it, it is an outage. */
export const EMPTY_SEARCH_SUSPECT_AT = 5;

/** Known packages in batches of a search page; the cursor names the first slug of the next batch. */
async function* rereadKnown(
  slugs: readonly string[],
  perPage: number,
  readAll: (slugs: readonly string[], errors: SyncItemError[]) => Promise<ReadBatch>,
): AsyncIterable<SyncPage> {
  for (let i = 0; i < slugs.length; i += perPage) {
    const errors: SyncItemError[] = [];
    const { tools, unchanged } = await readAll(slugs.slice(i, i + perPage), errors);
    const next = slugs[i + perPage];
    yield { tools, unchanged, errors, nextCursor: next ? `known:${next}` : null };
  }
}
