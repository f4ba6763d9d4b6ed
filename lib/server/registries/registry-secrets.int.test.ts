import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { AppError } from '@/lib/server/errors';
import { withTestDatabase } from '@/lib/testing/test-database';
import { demoCatalog } from '@/sample-registry/demo-catalog';
import { startSampleRegistry, type SampleRegistry } from '@/sample-registry/server';
import { runRegistrySync } from './run-registry-sync';
import { createRegistry, updateRegistry } from './save-registry';
import { testRegistryConnection } from './test-registry-connection';

// Set before anything reads the environment (env() reads it once per test file).
process.env.TOOLLEDGER_SECRET_KEY = 'registry-secrets-test-key-0123456789abcdef';
process.env.TEST_AGENTNODE_KEY = 'ank_env_FROM_ENVIRONMENT_5555';

const FIRST_KEY = 'ank_live_FIRST_SECRET_1234';
const ROTATED_KEY = 'ank_live_ROTATED_SECRET_9876';
const ALL_KEYS = [FIRST_KEY, ROTATED_KEY, process.env.TEST_AGENTNODE_KEY];

withTestDatabase();
let sample: SampleRegistry;
let recorder: Server;
let recorderUrl = '';
/** The x-api-key of every request that reached the registry through the recorder. */
const keysSeen: (string | undefined)[] = [];
let admin: Actor;

beforeAll(async () => {
  sample = await startSampleRegistry({ catalog: demoCatalog(1) });
  // A pass-through in front of the sample registry that notes the key each request carries.
  recorder = createServer((req, res) => {
    keysSeen.push(req.headers['x-api-key'] as string | undefined);
    const upstream = request(`${sample.url}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((r) => recorder.listen(0, '127.0.0.1', r));
  recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
  const user = await (await getPrisma()).user.create({ data: { email: 'admin@example.test', name: 'Admin', role: 'ADMIN' } });
  admin = { type: 'USER', id: user.id, label: user.email, role: 'ADMIN' };
});

afterAll(async () => {
  recorder.closeAllConnections();
  await new Promise((r) => recorder.close(r));
  await sample.close();
});

async function auditText(): Promise<string> {
  const rows = await (await getPrisma()).auditEvent.findMany({ orderBy: { seq: 'asc' } });
  return JSON.stringify(rows.map((r) => [r.action, r.before, r.after]));
}

const lastKeySeen = async (id: string) => {
  keysSeen.length = 0;
  expect(await testRegistryConnection({ actor: admin, input: { id } })).toMatchObject({ ok: true });
  return keysSeen.at(-1);
};

describe('a registry API key', () => {
  it('reaches the connector but never the audit trail or the config, whether typed, rotated or read from env', async () => {
    const prisma = await getPrisma();
    const row = await createRegistry({
      actor: admin,
      input: {
        name: 'Keyed',
        kind: 'AGENTNODE',
        baseUrl: recorderUrl,
        config: '{"perPage": 20}',
        apiKey: FIRST_KEY,
        enabled: 'on',
      },
    });
    expect(row.apiKeyHint).toBe('…1234');
    expect(row.apiKeySealed).toMatch(/^aes256gcm:v1:/);
    expect(await lastKeySeen(row.id)).toBe(FIRST_KEY);

    const edit = { id: row.id, name: 'Keyed', baseUrl: recorderUrl, config: '{"perPage": 20}', enabled: 'true' };
    await updateRegistry({ actor: admin, input: { ...edit, apiKey: ROTATED_KEY } });
    expect(await lastKeySeen(row.id)).toBe(ROTATED_KEY);
    await updateRegistry({ actor: admin, input: { ...edit, apiKey: '' } });
    expect(await lastKeySeen(row.id)).toBe(ROTATED_KEY);

    const synced = await runRegistrySync({ actor: admin, input: { registryId: row.id, trigger: 'MANUAL' } });
    expect(synced.status).toBe('SUCCEEDED');
    expect(keysSeen.length).toBeGreaterThan(10);
    expect(keysSeen.every((k) => k === ROTATED_KEY)).toBe(true);

    await updateRegistry({ actor: admin, input: { ...edit, apiKey: 'env:TEST_AGENTNODE_KEY' } });
    expect(await lastKeySeen(row.id)).toBe(process.env.TEST_AGENTNODE_KEY);
    const byReference = await prisma.registry.findUniqueOrThrow({ where: { id: row.id } });
    expect(byReference).toMatchObject({ apiKeySealed: 'env:TEST_AGENTNODE_KEY', apiKeyHint: 'env:TEST_AGENTNODE_KEY' });

    await updateRegistry({ actor: admin, input: { ...edit, clearApiKey: 'true' } });
    expect(await lastKeySeen(row.id)).toBeUndefined();

    const stored = JSON.stringify(await prisma.registry.findMany());
    const audit = await auditText();
    for (const key of ALL_KEYS) {
      expect(stored).not.toContain(key);
      expect(audit).not.toContain(key);
    }
    const created = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: row.id, action: 'registry.created' } });
    expect(created.after).toMatchObject({ keyStorage: 'encrypted', config: { perPage: 20 } });
    expect(await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} })).toMatchObject({ ok: true });
  });

  it('is refused inside the settings JSON, where it would be shown and audited', async () => {
    const attempt = createRegistry({
      actor: admin,
      input: {
        name: 'Leaky',
        kind: 'AGENTNODE',
        baseUrl: recorderUrl,
        config: '{"perPage": 5, "auth": {"apiKey": "ank_x"}}',
        enabled: 'on',
      },
    });
    await expect(attempt).rejects.toMatchObject({
      status: 400,
      issues: [
        { path: 'config', message: expect.stringMatching(/may not hold "auth\.apiKey": put the key in the API key field/) },
      ],
    });
    await expect(
      createRegistry({
        actor: admin,
        input: { name: 'Sneaky', kind: 'AGENTNODE', baseUrl: recorderUrl, config: '{"sample": true}', enabled: 'on' },
      }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('is redacted by the audit writer whatever the caller passes, and the chain still verifies', async () => {
    const prisma = await getPrisma();
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, admin, {
        action: 'registry.updated',
        entityType: 'Registry',
        entityId: 'x',
        before: { headers: { Authorization: `Bearer ${FIRST_KEY}` } },
        after: { config: { nested: [{ clientSecret: ROTATED_KEY }] }, passwordChanged: true },
      }),
    );
    const row = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: 'x' } });
    expect(row.before).toEqual({ headers: { Authorization: '[redacted]' } });
    expect(row.after).toEqual({ config: { nested: [{ clientSecret: '[redacted]' }] }, passwordChanged: true });
    expect(await verifyAuditChain({ actor: SYSTEM_ACTOR, input: {} })).toMatchObject({ ok: true });
  });
});

describe('a registry URL', () => {
  it.each([
    ['http://169.254.169.254/latest', /169\.254\.169\.254 is a link-local \(cloud metadata\) address/],
    ['http://10.20.30.40', /private address/],
    ['http://127.0.0.2:8080', /loopback address/],
    ['http://localhost:5432', /localhost resolves to .*loopback address/],
  ])('%s is refused at save time with a field error naming the rule', async (baseUrl, message) => {
    const e = await createRegistry({
      actor: admin,
      input: { name: `Inside ${baseUrl}`, kind: 'AGENTNODE', baseUrl, enabled: 'on' },
    }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ status: 400, issues: [{ path: 'baseUrl', message: expect.stringMatching(message) }] });
    expect((e as AppError).issues[0]!.message).toMatch(
      /registries must be on the public internet; an operator can list the host in TOOLLEDGER_ALLOWED_REGISTRY_HOSTS/,
    );
    expect(await (await getPrisma()).registry.count({ where: { baseUrl } })).toBe(0);
  });

  it('is checked again at fetch time (a row written earlier, or a name that now resolves inside)', async () => {
    const prisma = await getPrisma();
    const inside = await prisma.registry.create({
      data: { kind: 'AGENTNODE', name: 'Rebound', baseUrl: `http://localhost:${sample.port}`, config: {} },
    });
    expect(await testRegistryConnection({ actor: admin, input: { id: inside.id } })).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/^Refused .*loopback address: registries must be on the public internet/),
    });
    const run = await runRegistrySync({ actor: admin, input: { registryId: inside.id, trigger: 'MANUAL' } });
    expect(run).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/loopback address/) });
  });

  it('may be loopback for the bundled sample registry in demo mode only', async () => {
    const prisma = await getPrisma();
    const bundled = await prisma.registry.create({
      data: { kind: 'AGENTNODE', name: 'Bundled', baseUrl: `http://localhost:${sample.port}`, config: { sample: true } },
    });
    expect(await testRegistryConnection({ actor: admin, input: { id: bundled.id } })).toMatchObject({ ok: true });
    // An admin's edit keeps the mark while the URL stays; a new URL is not the bundled sample.
    const edit = { id: bundled.id, name: 'Bundled', config: '{"perPage": 10}', enabled: 'true' };
    await updateRegistry({ actor: admin, input: { ...edit, baseUrl: `http://localhost:${sample.port}` } });
    expect((await prisma.registry.findUniqueOrThrow({ where: { id: bundled.id } })).config).toEqual({
      perPage: 10,
      sample: true,
    });
    await expect(updateRegistry({ actor: admin, input: { ...edit, baseUrl: 'http://localhost:5432' } })).rejects.toMatchObject({
      status: 400,
      issues: [{ path: 'baseUrl' }],
    });
  });
});
