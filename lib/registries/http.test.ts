import { createServer, type Server } from 'node:http';
import { getEventListeners } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fetchJson, fetchJsonIfChanged, RegistryHttpError, validatorsOf } from './http';

let server: Server;
let base = '';
let rateLimitHits = 0;
const conditionalSeen: { ifNoneMatch?: string; ifModifiedSince?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/ok') return void res.end(JSON.stringify({ name: 'a', count: 2 }));
    if (url === '/tagged') {
      conditionalSeen.push({ ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] });
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        return void res.end();
      }
      res.writeHead(200, { etag: '"v2"', 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ name: 'tagged', count: 2 }));
    }
    if (url === '/dated') {
      conditionalSeen.push({ ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] });
      if (req.headers['if-modified-since'] === 'Tue, 01 Dec 2026 10:00:00 GMT') {
        res.writeHead(304);
        return void res.end();
      }
      res.writeHead(200, { 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' });
      return void res.end(JSON.stringify({ name: 'dated', count: 1 }));
    }
    if (url === '/always-304') {
      res.writeHead(304);
      return void res.end();
    }
    if (url === '/bad-json') return void res.end('{"name": "a",');
    if (url === '/wrong-shape') return void res.end(JSON.stringify({ name: 'a', count: 'two' }));
    if (url === '/not-found') {
      res.writeHead(404, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ error: { code: 'PACKAGE_NOT_FOUND', message: 'Package not found', details: {} } }));
    }
    if (url === '/boom') {
      res.writeHead(500);
      return void res.end('Internal Server Error');
    }
    if (url === '/echo-headers') {
      // A debug error page that echoes the request back, as some proxies and frameworks do.
      res.writeHead(500, { 'content-type': 'text/plain' });
      return void res.end(
        `Internal error\n${Object.entries(req.headers)
          .map(([k, v]) => `${k}: ${String(v)}`)
          .join('\n')}\n${'trace '.repeat(200)}`,
      );
    }
    if (url === '/long-json-error') {
      res.writeHead(400, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ error: { code: 'BAD', message: `token=abc123def456 ${'x'.repeat(5000)}` } }));
    }
    if (url === '/slow') return void setTimeout(() => res.end('{}'), 2_000);
    if (url === '/endless') {
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (res.write(chunk));
      };
      res.on('drain', pump);
      pump();
      return;
    }
    if (url === '/rate-limited') {
      rateLimitHits++;
      if (rateLimitHits < 2) {
        res.writeHead(429);
        return void res.end(
          JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'slow down', details: { retry_after: 0.05 } } }),
        );
      }
      return void res.end(JSON.stringify({ name: 'late', count: 1 }));
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const ZThing = z.object({ name: z.string(), count: z.number() });

async function failure(path: string, options = {}): Promise<RegistryHttpError> {
  try {
    await fetchJson(base + path, ZThing, options);
  } catch (e) {
    if (e instanceof RegistryHttpError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('fetchJson', () => {
  it('parses and validates a good answer', async () => {
    const res = await fetchJson(`${base}/ok`, ZThing);
    expect(res.data).toEqual({ name: 'a', count: 2 });
  });

  it.each([
    ['/bad-json', 'invalid-json', /valid JSON/],
    ['/wrong-shape', 'invalid-shape', /count: /],
    ['/not-found', 'http', /HTTP 404 \(PACKAGE_NOT_FOUND: Package not found\)/],
    ['/boom', 'http', /HTTP 500/],
  ])('%s fails as %s with a readable reason', async (path, kind, message) => {
    const e = await failure(path);
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(message);
  });

  it('keeps the registry error code', async () => {
    expect((await failure('/not-found')).code).toBe('PACKAGE_NOT_FOUND');
  });

  it('gives up on a slow answer', async () => {
    const e = await failure('/slow', { timeoutMs: 200 });
    expect(e.kind).toBe('timeout');
    expect(e.message).toMatch(/did not answer within 0.2 s/);
  });

  it("puts one listener on the caller's signal however many attempts are in flight, and its abort stops them all", async () => {
    const run = new AbortController();
    await fetchJson(`${base}/ok`, ZThing, { signal: run.signal });
    await failure('/boom', { signal: run.signal });
    await failure('/slow', { signal: run.signal, timeoutMs: 100 });
    const slow = Array.from({ length: 20 }, () => failure('/slow', { signal: run.signal }));
    await new Promise((r) => setTimeout(r, 50));
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(1);
    run.abort();
    expect((await Promise.all(slow)).map((e) => e.kind)).toEqual(Array(20).fill('aborted'));
    expect((await failure('/ok', { signal: run.signal })).kind).toBe('aborted');
  });

  it('stops reading an endless body at the size limit', async () => {
    const e = await failure('/endless', { maxBytes: 256 * 1024 });
    expect(e.kind).toBe('too-large');
  });

  it('waits as a 429 asks and retries', async () => {
    const res = await fetchJson(`${base}/rate-limited`, ZThing);
    expect(res.data.name).toBe('late');
    expect(rateLimitHits).toBe(2);
  });

  it('returns an accepted error status instead of throwing', async () => {
    const res = await fetchJson(`${base}/not-found`, z.object({ error: z.object({ code: z.string() }) }), {
      acceptStatus: [404],
    });
    expect(res.status).toBe(404);
    expect(res.data.error.code).toBe('PACKAGE_NOT_FOUND');
  });
});

describe('error text from a remote server', () => {
  it('is shortened and never carries our headers, even when the server echoes them back', async () => {
    const e = await failure('/echo-headers', { headers: { 'x-api-key': 'ank_live_s3cr3t_key' } });
    expect(e.kind).toBe('http');
    expect(e.message).toMatch(/answered HTTP 500 \(Internal error/);
    expect(e.message).not.toContain('ank_live_s3cr3t_key');
    expect(e.message).not.toMatch(/x-api-key: (?!\[redacted\])/);
    expect(e.message).not.toMatch(/\n/);
    expect(e.message.length).toBeLessThan(320);
  });

  it('shortens a long JSON error message and blanks credential-shaped values in it', async () => {
    const e = await failure('/long-json-error');
    expect(e.message).toMatch(/HTTP 400 \(BAD: token: \[redacted\] x+…\)$/);
    expect(e.message).not.toContain('abc123def456');
    expect(e.message.length).toBeLessThan(320);
  });

  it('never names the password of a URL with credentials', async () => {
    const withCredentials = base.replace('http://', 'http://admin:hunter2pw@') + '/ok';
    const e = await fetchJson(withCredentials, ZThing).then(
      () => null,
      (err: RegistryHttpError) => err,
    );
    expect(e).toBeInstanceOf(RegistryHttpError);
    expect(e!.message).not.toContain('hunter2pw');
    expect(e!.url).not.toContain('hunter2pw');
  });
});

describe('conditional requests', () => {
  it('sends If-None-Match with the remembered ETag and reports a 304 as not modified', async () => {
    conditionalSeen.length = 0;
    const first = await fetchJson(`${base}/tagged`, ZThing);
    expect(validatorsOf(first.headers)).toEqual({ etag: '"v2"' });
    expect(await fetchJsonIfChanged(`${base}/tagged`, ZThing, { etag: '"v1"' })).toMatchObject({
      status: 304,
      notModified: true,
    });
    expect(conditionalSeen.at(-1)).toEqual({ ifNoneMatch: '"v1"', ifModifiedSince: undefined });
  });

  it('answers a changed resource with its parsed body and new validators', async () => {
    const res = await fetchJsonIfChanged(`${base}/tagged`, ZThing, { etag: '"v0"' });
    expect(res).toMatchObject({ status: 200, notModified: false, data: { name: 'tagged', count: 2 } });
    expect(validatorsOf(res.headers)).toEqual({ etag: '"v2"' });
  });

  it('falls back to If-Modified-Since where the registry sends only Last-Modified', async () => {
    conditionalSeen.length = 0;
    const first = await fetchJson(`${base}/dated`, ZThing);
    const v = validatorsOf(first.headers);
    expect(v).toEqual({ lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' });
    expect((await fetchJsonIfChanged(`${base}/dated`, ZThing, v)).notModified).toBe(true);
    expect(conditionalSeen.at(-1)).toEqual({ ifNoneMatch: undefined, ifModifiedSince: 'Tue, 01 Dec 2026 10:00:00 GMT' });
  });

  it('asks plainly without validators, and a 304 nobody asked for is an error, not "unchanged"', async () => {
    expect(validatorsOf(new Headers())).toBeNull();
    await expect(fetchJsonIfChanged(`${base}/always-304`, ZThing, null)).rejects.toMatchObject({ kind: 'http', status: 304 });
  });
});
