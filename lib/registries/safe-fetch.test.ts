import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fetchJson, RegistryHttpError } from './http';
import {
  checkRegistryAddress,
  createRegistryFetch,
  HARD_MAX_BYTES,
  RegistryAddressBlocked,
  ResponseTooLarge,
  type Resolver,
} from './safe-fetch';

// Two fixture servers on loopback: different ports are different origins.
let first: Server;
let second: Server;
let firstUrl = '';
let secondUrl = '';
let seenBySecond: IncomingHttpHeaders | null = null;
/** Body paths whose response the fixture saw closed before it finished sending. */
const closedEarly = new Set<string>();

function listen(server: Server): Promise<string> {
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  second = createServer((req, res) => {
    seenBySecond = req.headers;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: true, method: req.method }));
  });
  secondUrl = await listen(second);
  first = createServer((req, res) => {
    const to = (status: number, location: string) => {
      res.writeHead(status, { location });
      res.end();
    };
    if (req.url === '/ok') return void res.end(JSON.stringify({ ok: true, method: req.method }));
    if (req.url === '/gzip') {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
      return void res.end(gzipSync(JSON.stringify({ ok: true, method: req.method })));
    }
    res.on('close', () => {
      if (!res.writableFinished) closedEarly.add(req.url ?? '');
    });
    if (req.url === '/endless-gzip') {
      // Zeros compress about 1000:1: the limit is on what the body decodes to, not on the wire.
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' });
      const gzip = createGzip();
      gzip.pipe(res);
      const zeros = Buffer.alloc(1024 * 1024);
      const pump = () => {
        while (!res.destroyed && gzip.write(zeros));
      };
      gzip.on('drain', pump);
      res.on('close', () => gzip.destroy());
      return pump();
    }
    const cut = (headers: Record<string, string>, part: string | Buffer) => {
      res.writeHead(200, { 'content-type': 'application/json', ...headers });
      res.write(part);
      setTimeout(() => req.socket.destroy(), 20);
    };
    if (req.url === '/cut') return cut({ 'content-length': '1000' }, '{"ok":');
    if (req.url === '/cut-chunked') return cut({}, '{"ok":');
    if (req.url === '/cut-gzip')
      return cut({ 'content-encoding': 'gzip' }, gzipSync('{"ok": true}'.repeat(1000)).subarray(0, 40));
    if (req.url === '/stall') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      return void res.write('{"ok":');
    }
    if (req.url === '/bom') return void res.end('\uFEFF{"ok": true, "method": "GET"}');
    if (req.url === '/to-other-origin') return to(307, `${secondUrl}/landing`);
    if (req.url === '/to-metadata') return to(302, 'http://169.254.169.254/latest/meta-data/');
    if (req.url === '/to-loopback-name') return to(302, `http://localhost:${(second.address() as AddressInfo).port}/`);
    if (req.url === '/to-same-origin') return to(303, '/ok');
    if (req.url === '/loop') return to(302, '/loop');
    res.writeHead(404);
    res.end();
  });
  firstUrl = await listen(first);
});

afterAll(async () => {
  for (const s of [first, second]) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

const ZOk = z.object({ ok: z.boolean(), method: z.string() });
const fixtures = { allowedHosts: ['127.0.0.1'] };
const resolverFor = (answers: Record<string, string[]>): Resolver & { calls: string[] } => {
  const calls: string[] = [];
  const resolve = async (host: string) => {
    calls.push(host);
    const list = answers[host];
    if (!list) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
};

async function refusal(promise: Promise<unknown>): Promise<RegistryHttpError> {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(RegistryHttpError);
  return e as RegistryHttpError;
}

describe('address check', () => {
  it.each([
    [
      'http://127.0.0.1:4319',
      /127\.0\.0\.1 is a loopback address: registries must be on the public internet; .*TOOLLEDGER_ALLOWED_REGISTRY_HOSTS/,
    ],
    ['http://[::1]:80', /loopback/],
    ['http://169.254.169.254/latest', /link-local \(cloud metadata\)/],
    ['http://10.0.0.8', /private/],
    ['http://[::ffff:192.168.0.1]', /private/],
    ['http://internal.example', /internal\.example resolves to 10\.1\.1\.1, which is a private address/],
    ['http://mixed.example', /mixed\.example resolves to 127\.0\.0\.1, which is a loopback address/],
  ])('refuses %s', async (url, message) => {
    const resolve = resolverFor({ 'internal.example': ['10.1.1.1'], 'mixed.example': ['93.184.215.14', '127.0.0.1'] });
    await expect(checkRegistryAddress(new URL(url), { allowedHosts: [] }, resolve)).rejects.toThrow(message);
  });

  it('passes public addresses, allow-listed hosts, and loopback for the one exempted origin', async () => {
    const resolve = resolverFor({
      'registry.example': ['93.184.215.14', '2606:4700::6810:84e5'],
      'mirror.internal': ['10.0.0.5'],
    });
    await expect(checkRegistryAddress(new URL('https://registry.example'), { allowedHosts: [] }, resolve)).resolves.toHaveLength(
      2,
    );
    await expect(
      checkRegistryAddress(new URL('http://mirror.internal:8080'), { allowedHosts: ['mirror.internal:8080'] }, resolve),
    ).resolves.toHaveLength(1);
    await expect(
      checkRegistryAddress(new URL('http://mirror.internal:9090'), { allowedHosts: ['mirror.internal:8080'] }, resolve),
    ).rejects.toThrow(/private/);
    const sample = { allowedHosts: [], loopbackOrigin: 'http://127.0.0.1:4319' };
    await expect(checkRegistryAddress(new URL('http://127.0.0.1:4319/v1'), sample, resolve)).resolves.toHaveLength(1);
    await expect(checkRegistryAddress(new URL('http://127.0.0.1:5432'), sample, resolve)).rejects.toThrow(/loopback/);
    await expect(
      checkRegistryAddress(
        new URL('http://10.0.0.1:4319'),
        { allowedHosts: [], loopbackOrigin: 'http://10.0.0.1:4319' },
        resolve,
      ),
    ).rejects.toThrow(/private/);
  });

  it('tells an unresolvable name apart from a refused address', async () => {
    const e = await checkRegistryAddress(new URL('http://nowhere.example'), { allowedHosts: [] }, resolverFor({})).catch(
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(RegistryAddressBlocked);
    expect((e as RegistryAddressBlocked).reason).toBe('unresolved');
  });
});

describe('the registry fetch', () => {
  it('refuses a loopback fixture unless its host is allowed', async () => {
    const e = await refusal(fetchJson(`${firstUrl}/ok`, ZOk, { fetch: createRegistryFetch({ allowedHosts: [] }) }));
    expect(e.kind).toBe('blocked');
    expect(e.message).toMatch(/loopback address: registries must be on the public internet/);
    const ok = await fetchJson(`${firstUrl}/ok`, ZOk, { fetch: createRegistryFetch(fixtures) });
    expect(ok.data).toEqual({ ok: true, method: 'GET' });
  });

  it('connects to the address it checked: the name is resolved once and never by the system resolver', async () => {
    const resolve = resolverFor({ 'fixture.test': ['127.0.0.1'] });
    const fetcher = createRegistryFetch({ allowedHosts: ['fixture.test'] }, resolve);
    const port = (first.address() as AddressInfo).port;
    for (let i = 0; i < 3; i++)
      expect((await fetchJson(`http://fixture.test:${port}/ok`, ZOk, { fetch: fetcher })).data.ok).toBe(true);
    expect(resolve.calls).toEqual(['fixture.test']);
  });

  it('checks every redirect hop again', async () => {
    const fetcher = createRegistryFetch(fixtures);
    expect((await refusal(fetchJson(`${firstUrl}/to-metadata`, ZOk, { fetch: fetcher }))).message).toMatch(
      /169\.254\.169\.254 is a link-local \(cloud metadata\) address/,
    );
    expect((await refusal(fetchJson(`${firstUrl}/to-loopback-name`, ZOk, { fetch: fetcher }))).message).toMatch(
      /localhost resolves to .*loopback/,
    );
    expect((await refusal(fetchJson(`${firstUrl}/loop`, ZOk, { fetch: fetcher }))).message).toMatch(/More than 5 redirects/);
    expect((await fetchJson(`${firstUrl}/to-same-origin`, ZOk, { fetch: fetcher, method: 'POST', body: {} })).data).toEqual({
      ok: true,
      method: 'GET',
    });
  });

  it('does not carry credentials to another origin on redirect', async () => {
    seenBySecond = null;
    const res = await fetchJson(`${firstUrl}/to-other-origin`, ZOk, {
      fetch: createRegistryFetch(fixtures),
      method: 'POST',
      body: { q: '' },
      headers: { 'x-api-key': 'ank_live_secret', authorization: 'Bearer t0k3n', 'x-request-tag': 'kept' },
    });
    expect(res.data).toEqual({ ok: true, method: 'POST' });
    expect(seenBySecond).not.toBeNull();
    expect(seenBySecond!['x-api-key']).toBeUndefined();
    expect(seenBySecond!.authorization).toBeUndefined();
    expect(seenBySecond!['x-request-tag']).toBe('kept');
  });

  it('decodes a compressed answer', async () => {
    expect((await fetchJson(`${firstUrl}/gzip`, ZOk, { fetch: createRegistryFetch(fixtures) })).data).toEqual({
      ok: true,
      method: 'GET',
    });
  });
});

describe("the registry fetch's body", () => {
  const waitFor = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
    return check();
  };

  it('stops a body at the hard limit, counted as decoded, and closes the connection instead of reading on', async () => {
    const res = await createRegistryFetch(fixtures)(`${firstUrl}/endless-gzip`);
    const reader = res.body!.getReader();
    let read = 0;
    const e = await (async () => {
      for (;;) read += (await reader.read()).value?.byteLength ?? 0;
    })().catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ResponseTooLarge);
    expect((e as Error).message).toBe(`Response larger than ${HARD_MAX_BYTES} bytes`);
    expect(read).toBeLessThanOrEqual(HARD_MAX_BYTES);
    expect(await waitFor(() => closedEarly.has('/endless-gzip'))).toBe(true);
  });

  it("stops at the connector's own, lower limit in the same way when read by fetchJson", async () => {
    closedEarly.delete('/endless-gzip');
    const e = await refusal(
      fetchJson(`${firstUrl}/endless-gzip`, ZOk, { fetch: createRegistryFetch(fixtures), maxBytes: 1024 * 1024 }),
    );
    expect(e.kind).toBe('too-large');
    expect(e.message).toMatch(/sent more than the 1048576-byte limit/);
    expect(await waitFor(() => closedEarly.has('/endless-gzip'))).toBe(true);
  });

  it('reads a body as Response.text() does (BOM dropped), and still answers a plain fetch with a Response', async () => {
    const fetcher = createRegistryFetch(fixtures);
    expect((await fetchJson(`${firstUrl}/bom`, ZOk, { fetch: fetcher })).data).toEqual({ ok: true, method: 'GET' });
    expect(await (await fetcher(`${firstUrl}/bom`)).json()).toEqual({ ok: true, method: 'GET' });
    const res = await fetcher(`${firstUrl}/gzip`);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.json()).toEqual({ ok: true, method: 'GET' });
  });

  it.each(['/cut', '/cut-chunked', '/cut-gzip'])(
    '%s: an answer cut off before its end is an error, not a short body',
    async (path) => {
      const e = await refusal(fetchJson(firstUrl + path, ZOk, { fetch: createRegistryFetch(fixtures), timeoutMs: 4_000 }));
      expect(e.kind).toBe('network');
    },
  );

  it('gives up on a body that stalls, and closes its connection', async () => {
    const e = await refusal(fetchJson(`${firstUrl}/stall`, ZOk, { fetch: createRegistryFetch(fixtures), timeoutMs: 300 }));
    expect(e.kind).toBe('timeout');
    expect(await waitFor(() => closedEarly.has('/stall'))).toBe(true);
  });

  it("stops reading when the caller's signal aborts mid-body", async () => {
    closedEarly.delete('/stall');
    const run = new AbortController();
    setTimeout(() => run.abort(), 150);
    const e = await refusal(fetchJson(`${firstUrl}/stall`, ZOk, { fetch: createRegistryFetch(fixtures), signal: run.signal }));
    expect(e.kind).toBe('aborted');
    expect(await waitFor(() => closedEarly.has('/stall'))).toBe(true);
  });
});
