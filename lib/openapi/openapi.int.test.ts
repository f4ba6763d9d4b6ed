import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { withTestDatabase } from '@/lib/testing/test-database';
import { buildEnforceWorld, enforceRequest, type EnforceWorld } from '@/lib/testing/enforce-world';
import { POST as enforcePOST } from '@/app/api/v1/enforce/route';
import { GET as healthGET } from '@/app/api/v1/health/route';
import { GET as openapiGET } from '@/app/api/v1/openapi.json/route';
import * as enforceRoute from '@/app/api/v1/enforce/route';
import * as healthRoute from '@/app/api/v1/health/route';
import * as openapiRoute from '@/app/api/v1/openapi.json/route';
import { buildOpenApiDocument, ENFORCE_EXAMPLES } from './document';

const t = withTestDatabase();
let w: EnforceWorld;
const doc = buildOpenApiDocument();
type Json = Record<string, unknown>;

beforeAll(async () => {
  w = await buildEnforceWorld(t.db().prisma);
});

/** Inlines #/components/schemas refs so the documented schema can be turned into a validator. */
function deref(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(deref);
  if (!node || typeof node !== 'object') return node;
  const obj = node as Json;
  if (typeof obj.$ref === 'string') {
    const id = obj.$ref.replace('#/components/schemas/', '');
    return deref((doc.components.schemas as Json)[id]);
  }
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, deref(v)]));
}

/** Validates a body against the schema the document gives for this operation and status. */
function documentedSchema(pathKey: string, method: 'get' | 'post', status: number) {
  const op = (doc.paths as Json)[pathKey] as Json;
  const responses = (op[method] as Json).responses as Json;
  const response = responses[String(status)] as Json | undefined;
  expect(response, `${method.toUpperCase()} ${pathKey} documents status ${status}`).toBeDefined();
  const schema = ((response!.content as Json)['application/json'] as Json).schema;
  return z.fromJSONSchema(deref(schema) as Parameters<typeof z.fromJSONSchema>[0]);
}

function routesOnDisk(dir = path.join(process.cwd(), 'app/api/v1')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routesOnDisk(full);
    return name === 'route.ts' ? [`/${path.relative(path.join(process.cwd(), 'app'), dir).split(path.sep).join('/')}`] : [];
  });
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with security schemes, served by the app', async () => {
    const res = openapiGET(new Request('http://localhost:3000/api/v1/openapi.json'));
    const served = (await res.json()) as Json;
    expect(served.openapi).toBe('3.1.0');
    expect(served.servers).toEqual([{ url: 'http://localhost:3000' }]);
    expect(Object.keys((served.components as Json).securitySchemes as Json)).toEqual([
      'bearerAuth',
      'apiKeyHeader',
      'sessionCookie',
    ]);
  });

  it('documents every /api/v1 route handler in the code base', () => {
    const documented = Object.keys(doc.paths).map((p) => p.replace(/\{(\w+)\}/g, '[$1]'));
    for (const route of routesOnDisk()) expect(documented).toContain(route);
  });

  it('request examples match the request schema (or are meant to fail it)', () => {
    const request = z.fromJSONSchema(deref(doc.components.schemas.EnforceRequest) as Parameters<typeof z.fromJSONSchema>[0]);
    for (const example of Object.values(ENFORCE_EXAMPLES)) {
      expect(request.safeParse(example.value).success).toBe(example['x-expect'].status !== 400);
    }
  });

  it.each(Object.entries(ENFORCE_EXAMPLES))('POST /api/v1/enforce example %s answers as documented', async (_name, example) => {
    const res = await enforcePOST(enforceRequest(w.keys.enforce, example.value));
    const body = (await res.json()) as Json;
    expect(res.status).toBe(example['x-expect'].status);
    if ('decision' in example['x-expect']) expect(body.decision).toBe(example['x-expect'].decision);
    expect(() => documentedSchema('/api/v1/enforce', 'post', res.status).parse(body)).not.toThrow();
  });

  it.each<[string, () => Request, number]>([
    ['no key', () => enforceRequest(null, ENFORCE_EXAMPLES.allowed.value), 401],
    ['wrong scope', () => enforceRequest(w.keys.read, ENFORCE_EXAMPLES.allowed.value), 403],
    ['oversized', () => enforceRequest(w.keys.enforce, { ...ENFORCE_EXAMPLES.allowed.value, requestId: 'x'.repeat(9000) }), 413],
  ])('POST /api/v1/enforce %s → documented error', async (_name, make, status) => {
    const res = await enforcePOST(make());
    expect(res.status).toBe(status);
    const body: unknown = await res.json();
    expect(() => documentedSchema('/api/v1/enforce', 'post', status).parse(body)).not.toThrow();
  });

  it('GET /api/v1/health answers as documented', async () => {
    const res = healthGET();
    expect(res.status).toBe(200);
    const body: unknown = await res.json();
    expect(() => documentedSchema('/api/v1/health', 'get', 200).parse(body)).not.toThrow();
  });

  it('states its license (SPDX) and a 4XX response for every operation', () => {
    expect(doc.info.license).toEqual({ name: expect.any(String), identifier: expect.stringMatching(/^[A-Za-z0-9.+-]+$/) });
    for (const [pathKey, item] of Object.entries(doc.paths as Json)) {
      for (const [method, op] of Object.entries(item as Json)) {
        const codes = Object.keys((op as Json).responses as Json);
        expect(
          codes.some((c) => /^4(\d\d|XX)$/.test(c)),
          `${method.toUpperCase()} ${pathKey} documents a 4XX answer`,
        ).toBe(true);
      }
    }
  });

  it('a documented 405 is true: those route modules serve GET and nothing else', () => {
    const methods = (mod: object) => Object.keys(mod).filter((k) => /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(k));
    expect(methods(healthRoute)).toEqual(['GET']);
    expect(methods(openapiRoute)).toEqual(['GET']);
    expect(methods(enforceRoute)).toEqual(['POST']);
  });

  it('example artifact digests are real SHA-256 digests (64 hex digits)', () => {
    const digests = Object.values(ENFORCE_EXAMPLES).flatMap((e) => ('artifactDigest' in e.value ? [e.value.artifactDigest] : []));
    expect(digests.length).toBeGreaterThan(0);
    for (const d of digests) expect(d).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('the documented response schema rejects a wrong body (the check can fail)', () => {
    expect(() => documentedSchema('/api/v1/enforce', 'post', 200).parse({ decision: 'maybe' })).toThrow();
  });
});
