import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/lib/openapi/document';
import { CLIENT_OPERATIONS, ToolLedgerClient } from './toolledger-client';
import { ToolLedgerHttpError } from './http';

describe('ToolLedgerClient against the OpenAPI document', () => {
  const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
  it.each(Object.entries(CLIENT_OPERATIONS))('%s is a documented API-key operation', (_name, op) => {
    const operation = doc.paths[op.path]?.[op.method];
    expect(operation, `${op.method.toUpperCase()} ${op.path} is not in /api/v1/openapi.json`).toBeDefined();
    expect(JSON.stringify(operation!.security)).toContain('bearerAuth');
  });
});

describe('ToolLedgerClient transport', () => {
  const answer = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('retries what may succeed later (5xx, network errors) and not a refusal', async () => {
    let calls = 0;
    const flaky = new ToolLedgerClient({
      baseUrl: 'http://toolledger.test',
      apiKey: 'tl_key_123456',
      backoffMs: 1,
      retries: 2,
      fetch: async () => {
        calls++;
        if (calls === 1) throw new TypeError('fetch failed');
        if (calls === 2) return answer(503, { error: 'busy' });
        return answer(200, {
          decision: 'allow',
          decisionId: 'd1',
          reasons: [],
          environment: 'DEVELOPMENT',
          policy: null,
          exceptionId: null,
          changeRequestId: null,
          logUnverified: false,
          requestId: null,
        });
      },
    });
    await expect(flaky.enforce({ agent: 'a', tool: 't', version: '1', action: 'invoke' })).resolves.toMatchObject({
      decision: 'allow',
    });
    expect(calls).toBe(3);

    calls = 0;
    const refusing = new ToolLedgerClient({
      baseUrl: 'http://toolledger.test',
      apiKey: 'tl_key_123456',
      backoffMs: 1,
      fetch: async () => (calls++, answer(401, { error: 'Unknown API key', code: 'unauthorized' })),
    });
    const err = await refusing.enforce({ agent: 'a', tool: 't', version: '1', action: 'invoke' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolLedgerHttpError);
    expect((err as ToolLedgerHttpError).unreachable).toBe(false);
    expect((err as ToolLedgerHttpError).message).toContain('Unknown API key');
    expect(calls).toBe(1);
  });

  it('times out a server that does not answer, as unreachable', async () => {
    const hanging = new ToolLedgerClient({
      baseUrl: 'http://toolledger.test',
      apiKey: 'tl_key_123456',
      timeoutMs: 50,
      retries: 0,
      fetch: (_url, init) =>
        new Promise((_r, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason))),
    });
    const err = await hanging.enforce({ agent: 'a', tool: 't', version: '1', action: 'invoke' }).catch((e: unknown) => e);
    expect((err as ToolLedgerHttpError).unreachable).toBe(true);
    expect((err as Error).message).toMatch(/timed out/);
  });

  it('times out a server that sends its headers and then stalls the body, as unreachable', async () => {
    const stalling = new ToolLedgerClient({
      baseUrl: 'http://toolledger.test',
      apiKey: 'tl_key_123456',
      timeoutMs: 50,
      retries: 0,
      fetch: async (_url, init) => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"decision":'));
            init!.signal!.addEventListener('abort', () => controller.error(init!.signal!.reason));
          },
        });
        return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    const err = await stalling.enforce({ agent: 'a', tool: 't', version: '1', action: 'invoke' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolLedgerHttpError);
    expect((err as ToolLedgerHttpError).unreachable).toBe(true);
    expect((err as Error).message).toMatch(/timed out/);
  });

  it('refuses an answer that does not match the documented schema', async () => {
    const odd = new ToolLedgerClient({
      baseUrl: 'http://toolledger.test',
      apiKey: 'tl_key_123456',
      fetch: async () => answer(200, { decision: 'maybe' }),
    });
    await expect(odd.enforce({ agent: 'a', tool: 't', version: '1', action: 'invoke' })).rejects.toThrow(
      /did not match its schema/,
    );
  });
});
