import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Before anything reads the environment (env() caches it on first use).
vi.hoisted(() => {
  process.env.TOOLLEDGER_API_RATE_LIMIT_PER_MINUTE = '3';
});

import { withTestDatabase } from '@/lib/testing/test-database';
import { getPrisma } from '@/lib/db/client';
import { generateApiKeySecret, hashApiKeySecret, apiKeyPrefix } from '@/lib/server/api-keys/api-key-secret';
import { withApiKey } from '@/lib/server/guards/with-api-key';
import { SharedWindowLimiter } from './shared-window-limiter';
import { apiKeyLimiter } from './api-key-limiter';

withTestDatabase();

const handler = withApiKey('READ', async () => Response.json({ ok: true }));
const call = (secret: string) =>
  handler(new Request('http://localhost/api/v1/anything', { headers: { authorization: `Bearer ${secret}` } }));
const keys: string[] = [];

// Hand the last counts to the database before it closes (the sync would otherwise run after it).
afterAll(() => apiKeyLimiter().flushAll());

beforeAll(async () => {
  const prisma = await getPrisma();
  const user = await prisma.user.create({ data: { email: 'keys@example.test', name: 'Keys', role: 'ADMIN' } });
  for (const name of ['gateway-a', 'gateway-b']) {
    const secret = generateApiKeySecret(['READ']);
    await prisma.apiKey.create({
      data: { name, prefix: apiKeyPrefix(secret), secretHash: hashApiKeySecret(secret), scopes: ['READ'], createdById: user.id },
    });
    keys.push(secret);
  }
});

describe('public API rate limit per key', () => {
  it('answers 429 with Retry-After past TOOLLEDGER_API_RATE_LIMIT_PER_MINUTE, per key', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(keys[0]!)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await call(keys[0]!);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ code: 'rate_limited', error: expect.stringMatching(/Too many requests/) });
    expect((await call(keys[1]!)).status).toBe(200);
  });

  it('shares the count between instances through the database', async () => {
    const prisma = await getPrisma();
    const spec = { keyPrefix: 'shared-test', points: 5, durationSeconds: 60, syncMs: 60_000 };
    const instanceA = new SharedWindowLimiter(getPrisma, spec);
    const instanceB = new SharedWindowLimiter(getPrisma, spec);
    for (let i = 0; i < 4; i++) expect(instanceA.take('k').ok).toBe(true);
    await instanceA.flushAll();
    expect(instanceB.take('k').ok).toBe(true);
    await instanceB.flushAll();
    // B now knows A's four requests: the fifth was the last one allowed.
    expect(instanceB.take('k')).toMatchObject({ ok: false });
    expect((await prisma.rateLimitCounter.findUniqueOrThrow({ where: { key: 'shared-test:k' } })).points).toBe(5);
  });

  it('costs no database round trip per request (the enforce hot path)', () => {
    const limiter = new SharedWindowLimiter(getPrisma, {
      keyPrefix: 'bench',
      points: 10_000_000,
      durationSeconds: 60,
      syncMs: 60_000,
    });
    const n = 200_000;
    const started = performance.now();
    for (let i = 0; i < n; i++) limiter.take(`key-${i % 50}`);
    const perCallUs = ((performance.now() - started) * 1000) / n;
    console.log(`SharedWindowLimiter.take: ${perCallUs.toFixed(3)} µs per call`);
    // A database round trip is hundreds of µs at best; an in-process count is far below 5 µs.
    expect(perCallUs).toBeLessThan(5);
  });
});
