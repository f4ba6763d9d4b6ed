import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny local registry for connector tests: serves recorded-shape fixtures by path and injects
 * the faults a real registry can throw at us. Generic on purpose (any connector can reuse it).
 *
 *   const srv = await startFixtureServer();
 *   srv.route('/v0.1/servers', { json: page1 });                       // path match, any query
 *   srv.route((u) => u.searchParams.get('cursor') === 'x', { fault: 'status', status: 500 });
 *   … srv.url … srv.requests … await srv.close();
 *
 * Later routes win over earlier ones, so a test overrides a default answer by adding one.
 */

export type FixtureFault =
  | { fault: 'malformed-json' }
  | { fault: 'huge'; bytes?: number }
  | { fault: 'endless' }
  | { fault: 'hang' }
  | { fault: 'status'; status: number; body?: string; headers?: Record<string, string> }
  | { fault: 'rate-limit'; retryAfterSeconds: number; times: number; then: FixtureAnswer };

export type FixtureAnswer =
  | { json: unknown; status?: number }
  | { file: string; status?: number }
  | { body: string; status?: number; contentType?: string }
  | FixtureFault;

export type FixtureMatch = string | ((url: URL, req: IncomingMessage) => boolean);

export interface FixtureServer {
  url: string;
  /** Paths (with query) requested so far, in order. */
  requests: string[];
  route(match: FixtureMatch, answer: FixtureAnswer): void;
  close(): Promise<void>;
}

const MB = 1024 * 1024;

function matches(match: FixtureMatch, url: URL, req: IncomingMessage): boolean {
  if (typeof match === 'function') return match(url, req);
  return match.includes('?') ? `${url.pathname}${url.search}` === match : url.pathname === match;
}

function stream(res: ServerResponse, total: number | null): void {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"servers":[');
  const pump = () => {
    while (total === null || sent < total) {
      sent += chunk.length;
      if (!res.write(chunk)) return;
    }
    res.end(']}');
  };
  res.on('drain', pump);
  res.on('close', () => res.off('drain', pump));
  pump();
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes: { match: FixtureMatch; answer: FixtureAnswer }[] = [];
  const requests: string[] = [];
  const rateLimited = new Map<FixtureAnswer, number>();

  const answer = (a: FixtureAnswer, res: ServerResponse): void => {
    if (!('fault' in a)) {
      if ('json' in a) {
        res.writeHead(a.status ?? 200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify(a.json));
      }
      if ('file' in a) {
        res.writeHead(a.status ?? 200, { 'content-type': 'application/json' });
        return void res.end(readFileSync(a.file));
      }
      res.writeHead(a.status ?? 200, { 'content-type': a.contentType ?? 'application/json' });
      return void res.end(a.body);
    }
    switch (a.fault) {
      case 'malformed-json':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"servers":[{"server":{"name":"io.github.acme/x",');
      case 'huge':
        return stream(res, a.bytes ?? 50 * MB);
      case 'endless':
        return stream(res, null);
      case 'hang':
        return; // never answers; the client's timeout must fire
      case 'status':
        res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
        return void res.end(a.body ?? JSON.stringify({ title: 'Internal Server Error', status: a.status }));
      case 'rate-limit': {
        const seen = rateLimited.get(a) ?? 0;
        if (seen >= a.times) return answer(a.then, res);
        rateLimited.set(a, seen + 1);
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(a.retryAfterSeconds) });
        return void res.end(JSON.stringify({ title: 'Too Many Requests', status: 429 }));
      }
    }
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture.local');
    requests.push(`${url.pathname}${url.search}`);
    for (const r of [...routes].reverse()) {
      if (matches(r.match, url, req)) return answer(r.answer, res);
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'Not found', path: url.pathname }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route: (match, a) => void routes.push({ match, answer: a }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
