/**
 * The gateway as agents run it: a separate process (bin/toolledger-gateway.mjs) in front of the
 * real, published reference filesystem server (@modelcontextprotocol/server-filesystem, a dev
 * dependency), driven by the MCP SDK's own client, against ToolLedger's real route handlers on
 * loopback over this test's database (issue 15, "Done when").
 */
import demoFilesystemTools from '@/lib/demo/fixtures/server-filesystem-2026.8.31-tools.json';
import { toolDefinitionsHash } from '@/lib/domain/tool-definitions/hash';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { seedPolicies } from '@/lib/demo/seed-policies';
import { loadRouteHandlers, type RouteHandler } from '@/lib/testing/entry-points';
import { serveRouteHandlers } from '@/lib/testing/serve-route-handlers';
import { createFilesystemServerWorld, FS_ENTRY, FS_PACKAGE, FS_VERSION } from '@/lib/testing/filesystem-server-world';
import { withTestDatabase } from '@/lib/testing/test-database';

withTestDatabase();

const GATEWAY = path.resolve('bin/toolledger-gateway.mjs');

const work = mkdtempSync(path.join(tmpdir(), 'gateway-'));
writeFileSync(path.join(work, 'hello.txt'), 'hello from the filesystem server\n');

let routes: Map<string, RouteHandler>;
let toolLedger: { server: Server; url: string };
let apiKey = '';
let versionId = '';
let agentName = '';

async function startToolLedger(port = 0) {
  toolLedger = await serveRouteHandlers(routes, port);
}

async function stopToolLedger() {
  // Gateways keep connections alive (and may hold a generation long poll): cut them, as a crash would.
  const closed = new Promise<void>((r) => toolLedger.server.close(() => r()));
  toolLedger.server.closeAllConnections();
  await closed;
}

beforeAll(async () => {
  const all = await loadRouteHandlers();
  routes = new Map([...all].filter(([k]) => k.includes('/api/v1/')));
  const db = await getPrisma();
  await seedPolicies(db);
  ({ versionId, agentName, apiKey } = await createFilesystemServerWorld(db, 'coding-agent-dev-01'));
  await startToolLedger();
});

afterAll(async () => {
  await stopToolLedger().catch(() => undefined);
});

async function connect(extra: string[] = []) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [
      GATEWAY,
      '--url',
      toolLedger.url,
      '--api-key',
      apiKey,
      '--agent',
      agentName,
      '--tool',
      FS_PACKAGE,
      '--tool-version',
      FS_VERSION,
      '--spool',
      path.join(work, 'spool.ndjson'),
      '--cache-seconds',
      '0',
      ...extra,
      '--',
      process.execPath,
      FS_ENTRY,
      work,
    ],
    env: { ...process.env } as Record<string, string>,
    stderr: 'pipe',
  });
  const log: string[] = [];
  transport.stderr?.on('data', (c: Buffer) => log.push(c.toString()));
  const client = new Client({ name: 'gateway-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, log, close: () => client.close() };
}

const readHello = (client: Client) =>
  client.callTool({ name: 'read_text_file', arguments: { path: path.join(work, 'hello.txt') } });

async function eventsFor(mcpStatus?: string) {
  const db = await getPrisma();
  return db.invocationEvent.findMany({
    where: { toolVersionId: versionId, ...(mcpStatus ? { resultStatus: mcpStatus as never } : {}) },
  });
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('toolledger-gateway in front of the reference filesystem server', () => {
  it('passes an approved call through and reports it as an invocation event', async () => {
    const { client, close } = await connect();
    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name)).toContain('read_text_file');
    const result = await readHello(client);
    expect(JSON.stringify(result.content)).toContain('hello from the filesystem server');
    await close();
    const events = await until(
      () => eventsFor('SUCCESS'),
      (e) => e.length > 0,
    );
    expect(events[0]).toMatchObject({ agentName, toolName: FS_PACKAGE, toolVersion: FS_VERSION, resultStatus: 'SUCCESS' });
    const db = await getPrisma();
    const report = await db.toolDefinitionReport.findFirstOrThrow({ where: { toolVersionId: versionId } });
    // The demo seeds this server's definitions from a captured tools/list: it must hash as the real server does.
    expect(report.hash).toBe(toolDefinitionsHash(demoFilesystemTools));
  }, 60_000);

  it('with decisions cached, drops the cache when the version is quarantined (generation watch), and allows again when lifted', async () => {
    const { client, close } = await connect(['--cache-seconds', '60']);
    await expect(readHello(client)).resolves.toBeDefined();
    const db = await getPrisma();
    await db.toolVersion.update({ where: { id: versionId }, data: { quarantineStatus: 'quarantined' } });
    // The watch's long poll answers as the change commits; allow it the round trip.
    const refused = await until(
      () =>
        readHello(client).then(
          () => false,
          (e: Error) => /quarantin/i.test(e.message),
        ),
      (r) => r,
      5_000,
    );
    expect(refused).toBe(true);
    await db.toolVersion.update({ where: { id: versionId }, data: { quarantineStatus: null } });
    await expect(
      until(
        () =>
          readHello(client).then(
            () => true,
            () => false,
          ),
        (r) => r,
        5_000,
      ),
    ).resolves.toBe(true);
    await close();
  }, 60_000);

  it('refuses the next call once the version is quarantined, naming the reason, and allows again when lifted', async () => {
    const { client, close } = await connect();
    await expect(readHello(client)).resolves.toBeDefined();
    const db = await getPrisma();
    await db.toolVersion.update({ where: { id: versionId }, data: { quarantineStatus: 'quarantined' } });
    await expect(readHello(client)).rejects.toThrow(/ToolLedger denied .*quarantin/i);
    await db.toolVersion.update({ where: { id: versionId }, data: { quarantineStatus: null } });
    await expect(readHello(client)).resolves.toBeDefined();
    await close();
  }, 60_000);

  it('refuses an unapproved version before starting it, naming the reason, and the next call once the approval is revoked', async () => {
    const db = await getPrisma();
    const approved = await db.toolVersion.findUniqueOrThrow({ where: { id: versionId } });
    // A newer version of the same tool that nobody approved for this agent.
    await db.toolVersion.create({
      data: {
        toolId: approved.toolId,
        version: '2099.1.1',
        tier: 'GOLD',
        trustScore: 95,
        verificationState: 'PASSED',
        lastVerifiedAt: new Date(),
      },
    });
    await expect(connect(['--tool-version', '2099.1.1'])).rejects.toThrow(/refused to install .*2099\.1\.1/);

    const { client, close } = await connect();
    await expect(readHello(client)).resolves.toBeDefined();
    await db.installation.updateMany({ where: { toolVersionId: versionId }, data: { state: 'REVOKED', revokedAt: new Date() } });
    try {
      await expect(readHello(client)).rejects.toThrow(/ToolLedger denied .*revoked/i);
    } finally {
      await db.installation.updateMany({ where: { toolVersionId: versionId }, data: { state: 'ACTIVE', revokedAt: null } });
    }
    await expect(readHello(client)).resolves.toBeDefined();
    await close();
  }, 90_000);

  it('refuses every call when the definitions differ from the approved ones (rug pull)', async () => {
    const db = await getPrisma();
    await db.toolVersion.update({ where: { id: versionId }, data: { toolDefsHash: 'f'.repeat(64) } });
    try {
      const { client, close } = await connect();
      await expect(readHello(client)).rejects.toThrow(/differ from the approved ones/);
      await close();
      expect(await db.alert.count({ where: { toolVersionId: versionId, kind: 'definitions-changed' } })).toBe(1);
    } finally {
      await db.toolVersion.update({ where: { id: versionId }, data: { toolDefsHash: null } });
    }
  }, 60_000);

  it("with ToolLedger stopped the environment's policy decides: fail-closed refuses even a --fail-open gateway, fail-open allows, and the spooled events arrive once it is back", async () => {
    const port = Number(new URL(toolLedger.url).port);
    const db = await getPrisma();
    const setFailOpen = (gatewayFailOpen: boolean) =>
      db.policy.updateMany({ where: { environment: 'DEVELOPMENT' }, data: { gatewayFailOpen } });
    // Each gateway learns its environment's fail mode from its first enforcement answer.
    await setFailOpen(false);
    // A first call each, so both have checked their definitions and heard their policy.
    const closed = await connect(['--fail-open']);
    await readHello(closed.client);
    await setFailOpen(true);
    const open = await connect();
    await readHello(open.client);
    const before = (await eventsFor()).length;
    await stopToolLedger();
    await expect(readHello(closed.client)).rejects.toThrow(/unreachable and the environment's policy says fail-closed/);
    await expect(readHello(open.client)).resolves.toBeDefined();
    await Promise.all([closed.close(), open.close()]);
    expect(readFileSync(path.join(work, 'spool.ndjson'), 'utf8').trim().split('\n').length).toBeGreaterThanOrEqual(2);
    await startToolLedger(port);
    // The next gateway start drains the spool with its first batch.
    const again = await connect();
    await readHello(again.client);
    await again.close();
    const after = await until(
      () => eventsFor(),
      (e) => e.length >= before + 3,
    );
    expect(after.length).toBeGreaterThanOrEqual(before + 3);
    expect(after.some((e) => e.resultStatus === 'DENIED')).toBe(true);
  }, 90_000);
});
