import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SampleCatalog, SamplePackage } from './model';
import * as R from './responses';
import { npmPackument } from './npm-mirror';

/**
 * A small AgentNode-compatible registry on node:http: the demo, the tests and the bench sync
 * from it exactly as they would from agentnode.net. Faults can be switched on to play a
 * misbehaving registry (bad JSON, missing fields, unknown enum values, endless body, timeout,
 * 500 in the middle of pagination, rate limiting).
 */
export interface SampleFaults {
  /** Search page that answers 500 (1-based). */
  failSearchPage?: number;
  /** Package slugs whose detail answers with broken JSON / without `blocks` / with an unknown network level. */
  malformedJson?: string[];
  missingFields?: string[];
  unknownEnum?: string[];
  /** Package slugs whose detail body never ends / answers after `slowMs`. */
  endlessBody?: string[];
  slow?: string[];
  slowMs?: number;
  /** Answer the next N requests with 429 RATE_LIMITED. */
  rateLimitNext?: number;
  /** Search answers 200 with no hits at all (an index outage as clients see it). */
  emptySearch?: boolean;
  /** Send no ETag and ignore If-None-Match (a registry without validators). */
  noValidators?: boolean;
}

export interface SampleRegistry {
  url: string;
  port: number;
  faults: SampleFaults;
  catalog: SampleCatalog;
  /** Requests served so far (tests check that a resumed run does not start over). */
  requests: number;
  /** Conditional GETs received, and how many of them were answered 304 Not Modified. */
  conditionalRequests: number;
  notModified: number;
  close(): Promise<void>;
}

const MAX_PER_PAGE = 100;

export async function startSampleRegistry(options: {
  catalog: SampleCatalog;
  port?: number;
  host?: string;
  faults?: SampleFaults;
}): Promise<SampleRegistry> {
  const state: SampleRegistry = {
    url: '',
    port: 0,
    faults: options.faults ?? {},
    catalog: options.catalog,
    requests: 0,
    conditionalRequests: 0,
    notModified: 0,
    close: async () => undefined,
  };
  const cache = new Map<string, SamplePackage | undefined>();
  const lookup = (slug: string) => {
    if (!cache.has(slug)) {
      if (cache.size > 256) cache.clear();
      cache.set(slug, state.catalog.bySlug(slug));
    }
    return cache.get(slug);
  };
  let lastCatalog = state.catalog;
  const server: Server = createServer((req, res) => {
    state.requests++;
    if (req.headers['if-none-match']) state.conditionalRequests++;
    requestOf.set(res, { req, state });
    if (lastCatalog !== state.catalog) {
      cache.clear();
      lastCatalog = state.catalog;
    }
    handle(state, lookup, req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, R.errorBody('INTERNAL_ERROR', e instanceof Error ? e.message : 'error'));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  state.port = port;
  state.url = `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

const requestOf = new WeakMap<ServerResponse, { req: IncomingMessage; state: SampleRegistry }>();

/**
 * Every GET answered 200 carries a strong ETag (a hash of the body, as npm's registry and most
 * JSON APIs send); a request whose If-None-Match names it gets 304 Not Modified with no body.
 */
function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  const from = requestOf.get(res);
  if (status === 200 && from?.req.method === 'GET' && !from.state.faults.noValidators) {
    const etag = `"${createHash('sha1').update(text).digest('base64url')}"`;
    const asked = from.req.headers['if-none-match'];
    if (asked && asked.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
      from.state.notModified++;
      res.writeHead(304, { etag, ...headers });
      return res.end();
    }
    headers = { etag, ...headers };
  }
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

function intParam(value: unknown, fallback: number): number {
  if (value === null || value === undefined || value === '') return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(n) ? n : fallback;
}

async function handle(
  state: SampleRegistry,
  lookup: (slug: string) => SamplePackage | undefined,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = new URL(req.url ?? '/', 'http://sample');
  const path = url.pathname;
  const f = state.faults;
  if (f.rateLimitNext && f.rateLimitNext > 0) {
    f.rateLimitNext--;
    return send(res, 429, R.errorBody('RATE_LIMITED', 'Too many requests', { retry_after: 0.05, limit: 60, window: 60 }), {
      'x-ratelimit-limit': '60',
      'x-ratelimit-remaining': '0',
    });
  }
  if (path === '/healthz' || path === '/v1/healthz' || path === '/readyz') return send(res, 200, { status: 'ok' });
  if (path.startsWith('/npm/') && req.method === 'GET') {
    const packument = npmPackument(path);
    return packument ? send(res, 200, packument) : send(res, 404, { error: 'Not found' });
  }

  if (path === '/v1/search' && req.method === 'POST') {
    const body = (await readBody(req).catch(() => null)) as Record<string, unknown> | null;
    if (!body) return send(res, 422, R.errorBody('VALIDATION_ERROR', 'Request body is not valid JSON'));
    const page = intParam(body.page, 1);
    const perPage = intParam(body.per_page, 20);
    if (page < 1 || page > 500 || perPage < 1 || perPage > MAX_PER_PAGE) {
      return send(res, 422, R.errorBody('VALIDATION_ERROR', 'page must be 1..500 and per_page 1..100'));
    }
    if (f.failSearchPage === page) return send(res, 500, R.errorBody('INTERNAL_ERROR', 'Search backend unavailable'));
    const publisher = typeof body.publisher_slug === 'string' ? body.publisher_slug : null;
    const hits = [];
    // AgentNode's search always leaves deprecated packages out (shared/AGENTNODE-API.md §2).
    const hidden = state.catalog.deprecatedIndexes?.() ?? [];
    let total = state.catalog.count() - hidden.length;
    if (f.emptySearch) total = 0;
    if (publisher) {
      const all = Array.from({ length: state.catalog.count() }, (_, i) => state.catalog.packageAt(i)).filter(
        (p) => p.publisher === publisher && !p.is_deprecated,
      );
      total = all.length;
      hits.push(
        ...all.slice((page - 1) * perPage, page * perPage).map((p) => R.searchHit(p, state.catalog.publisher(p.publisher))),
      );
    } else {
      for (let k = (page - 1) * perPage; k < Math.min(total, page * perPage); k++) {
        const p = state.catalog.packageAt(listedIndex(hidden, k));
        hits.push(R.searchHit(p, state.catalog.publisher(p.publisher)));
      }
    }
    return send(res, 200, { query: typeof body.q === 'string' ? body.q : '', hits, total, page, per_page: perPage });
  }

  const pub = path.match(/^\/v1\/publishers\/([^/]+)$/);
  if (pub && req.method === 'GET') {
    const p = state.catalog.publisher(decodeURIComponent(pub[1]!));
    if (!p) return send(res, 404, R.errorBody('PUBLISHER_NOT_FOUND', 'Publisher not found'));
    return send(res, 200, R.publisherBody(p, 0));
  }

  const m = path.match(/^\/v1\/packages\/([^/]+)(\/.*)?$/);
  if (!m || req.method !== 'GET') return send(res, 404, R.errorBody('NOT_FOUND', `No route for ${req.method} ${path}`));
  const slug = decodeURIComponent(m[1]!);
  const rest = m[2] ?? '';
  const pkg = lookup(slug);
  if (!pkg) return send(res, 404, R.errorBody('PACKAGE_NOT_FOUND', `Package ${slug} not found`));
  const publisher = state.catalog.publisher(pkg.publisher);
  const find = (v: string | null) => (v ? pkg.versions.find((x) => x.version_number === v) : R.latestVersion(pkg));

  if (rest === '') {
    if (f.slow?.includes(slug)) await new Promise((r) => setTimeout(r, f.slowMs ?? 30_000));
    if (f.endlessBody?.includes(slug)) return endless(res);
    const v = find(url.searchParams.get('v'));
    if (!v)
      return send(
        res,
        404,
        R.errorBody(url.searchParams.get('v') ? 'PACKAGE_VERSION_NOT_FOUND' : 'NO_VERSION', 'Version not found'),
      );
    if (v.yanked) return send(res, 410, R.errorBody('VERSION_YANKED', `Version ${v.version_number} was yanked`));
    const detail = R.packageDetail(pkg, v, publisher);
    if (f.malformedJson?.includes(slug)) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(detail).slice(0, 120));
    }
    if (f.missingFields?.includes(slug)) {
      const { blocks: _b, ...partial } = detail;
      return send(res, 200, partial);
    }
    if (f.unknownEnum?.includes(slug)) {
      detail.blocks.permissions = { ...detail.blocks.permissions, network_level: 'wormhole' as 'none' };
    }
    return send(res, 200, detail);
  }
  if (rest === '/versions') {
    const page = intParam(url.searchParams.get('page'), 1);
    const perPage = Math.min(MAX_PER_PAGE, intParam(url.searchParams.get('per_page'), 50));
    const list = R.publicVersions(pkg).reverse();
    return send(res, 200, {
      versions: list.slice((page - 1) * perPage, page * perPage).map(R.versionItem),
      total: list.length,
      page,
      per_page: perPage,
    });
  }
  if (rest === '/trust') {
    const v = R.latestVersion(pkg);
    if (!v) return send(res, 404, R.errorBody('NO_VERSION', 'No version'));
    return send(res, 200, R.trustInfo(pkg, v, publisher));
  }
  if (rest === '/install-info') {
    const v = find(url.searchParams.get('version'));
    if (!v) return send(res, 404, R.errorBody('NO_VERSION_AVAILABLE', 'No installable version'));
    if (v.yanked) return send(res, 410, R.errorBody('VERSION_YANKED', `Version ${v.version_number} was yanked`));
    if (v.quarantine_status === 'quarantined' || v.quarantine_status === 'rejected') {
      return send(res, 403, R.errorBody('VERSION_QUARANTINED', `Version ${v.version_number} is quarantined`));
    }
    return send(res, 200, R.installInfo(pkg, v, state.url));
  }
  const ver = rest === '/verification' ? [null, null] : rest.match(/^\/versions\/([^/]+)\/verification$/);
  if (ver) {
    const v = find(ver[1] ? decodeURIComponent(ver[1]) : null);
    if (!v) return send(res, 404, R.errorBody('VERSION_NOT_FOUND', 'Version not found'));
    return send(res, 200, R.verificationRun(v.run));
  }
  return send(res, 404, R.errorBody('NOT_FOUND', `No route for GET ${path}`));
}

/** The catalogue index of the k-th listed package, skipping the (ascending) hidden ones. */
function listedIndex(hidden: readonly number[], k: number): number {
  let i = k;
  for (const h of hidden) {
    if (h > i) break;
    i++;
  }
  return i;
}

function endless(res: ServerResponse) {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"slug":"');
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
  };
  res.on('drain', pump);
  pump();
}
