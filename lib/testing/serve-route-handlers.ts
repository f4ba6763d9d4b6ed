import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import type { RouteHandler } from './entry-points';

/**
 * Test-only: ToolLedger's real route handlers behind a real HTTP server on loopback, over the
 * test's database, so a separate process (the gateway) talks to ToolLedger as it would in
 * production. `routes` maps `METHOD /path` (static paths) to handlers from loadRouteHandlers.
 */
export async function serveRouteHandlers(routes: Map<string, RouteHandler>, port = 0): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const handler = routes.get(`${req.method} ${url.pathname}`);
      if (!handler) {
        res.writeHead(404).end();
        return;
      }
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : new Uint8Array(await readAll(req));
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const response = await handler(new NextRequest(url, { method: req.method, headers, body }), {
        params: Promise.resolve({}),
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((e: Error) => res.writeHead(500).end(e.message));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
