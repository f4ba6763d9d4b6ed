import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GET as listGET, POST as ingestPOST } from '@/app/api/v1/events/route';
import { GET as verifyGET } from '@/app/api/v1/events/verify/route';
import { getPrisma } from '@/lib/db/client';
import { buildInvocationWorld, type InvocationWorld } from '@/lib/testing/invocation-world';
import { withTestDatabase } from '@/lib/testing/test-database';
import { buildOpenApiDocument } from './document';
import { EVENT_EXAMPLE_NDJSON } from './events-paths';

withTestDatabase();
let w: InvocationWorld;
const doc = buildOpenApiDocument();
const schemas = doc.components.schemas as Record<string, object>;
const params = { params: Promise.resolve({}) };

beforeAll(async () => {
  w = await buildInvocationWorld(await getPrisma());
});

/** The documented JSON schema of one answer, with component refs inlined, as a validator. */
function documented(pathKey: string, method: 'get' | 'post', status: number) {
  const op = (
    doc.paths as unknown as Record<
      string,
      Record<string, { responses: Record<string, { content: Record<string, { schema: object }> }> }>
    >
  )[pathKey]![method]!;
  const inline = (node: unknown): unknown =>
    Array.isArray(node)
      ? node.map(inline)
      : node && typeof node === 'object'
        ? '$ref' in node
          ? inline(
              schemas[
                String((node as { $ref: string }).$ref)
                  .split('/')
                  .pop()!
              ],
            )
          : Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v)]))
        : node;
  return z.fromJSONSchema(
    inline(op.responses[String(status)]!.content['application/json']!.schema) as Parameters<typeof z.fromJSONSchema>[0],
  );
}

const request = (path: string, key: string, init: { method?: string; body?: string; type?: string } = {}) =>
  new NextRequest(`http://localhost${path}`, {
    method: init.method ?? 'GET',
    body: init.body,
    headers: { host: 'localhost', authorization: `Bearer ${key}`, ...(init.type ? { 'content-type': init.type } : {}) },
  });

describe('OpenAPI: invocation events', () => {
  it('the NDJSON example is partly accepted as documented, line 2 named', async () => {
    // The example's timestamps are fixed; only the shape of the answer is compared here.
    const body = EVENT_EXAMPLE_NDJSON.replaceAll('2026-12-01T14:30:00Z', new Date(Date.now() - 60_000).toISOString());
    const res = await ingestPOST(
      request('/api/v1/events', w.keys.ingest, { method: 'POST', body, type: 'application/x-ndjson' }),
      params,
    );
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(() => documented('/api/v1/events', 'post', 200).parse(answer)).not.toThrow();
    expect(answer).toMatchObject({ accepted: 1, rejected: [{ line: 2 }] });
  });

  it('an all-refused batch, a wrong scope and a page answer as documented', async () => {
    const bad = await ingestPOST(request('/api/v1/events', w.keys.ingest, { method: 'POST', body: '{}' }), params);
    expect(bad.status).toBe(422);
    expect(documented('/api/v1/events', 'post', 422).safeParse(await bad.json()).success).toBe(true);
    const scope = await ingestPOST(request('/api/v1/events', w.keys.read, { method: 'POST', body: '{}' }), params);
    expect(scope.status).toBe(403);
    const page = await listGET(request('/api/v1/events?limit=5', w.keys.read), params);
    expect(page.status).toBe(200);
    expect(documented('/api/v1/events', 'get', 200).safeParse(await page.json()).success).toBe(true);
    const verify = await verifyGET(request('/api/v1/events/verify', w.keys.read), params);
    expect(documented('/api/v1/events/verify', 'get', 200).safeParse(await verify.json()).success).toBe(true);
  });

  it('the documented page schema rejects a wrong body (the check can fail)', () => {
    expect(documented('/api/v1/events', 'get', 200).safeParse({ events: [{ seq: 1 }] }).success).toBe(false);
  });
});
