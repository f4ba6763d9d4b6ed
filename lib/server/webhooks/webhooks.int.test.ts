import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reloadEnv } from '@/lib/env';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { withTestDatabase } from '@/lib/testing/test-database';
import { addAlertNote } from '@/lib/server/alerts/add-alert-note';
import { assignAlert } from '@/lib/server/alerts/assign-alert';
import { createWebhookEndpoint } from './create-webhook-endpoint';
import { listWebhookDeliveries, listWebhookEndpoints } from './list-webhooks';
import { runWebhookDeliveries } from './run-webhook-deliveries';
import { sendTestWebhook } from './send-test-webhook';
import { setWebhookEndpointEnabled } from './set-webhook-endpoint-enabled';

// Issue 11.6: alert webhooks per Standard Webhooks, checked by a receiver the way a SIEM would.
const t = withTestDatabase();
const ADMIN: Actor = { type: 'USER', id: 'admin-1', label: 'admin@example.com', role: 'ADMIN' };
const OFFICER: Actor = { type: 'USER', id: 'o-1', label: 'officer@example.com', role: 'COMPLIANCE_OFFICER' };
const AUDITOR: Actor = { type: 'USER', id: 'a-1', label: 'auditor@example.com', role: 'AUDITOR' };

interface Received {
  path: string;
  id: string;
  body: string;
  verified: unknown;
}
const received: Received[] = [];
/** Status to answer per path, consumed in order; 200 when the list is empty. */
const answers = new Map<string, number[]>();
const secrets = new Map<string, string>();
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const path = req.url ?? '/';
      let verified: unknown;
      try {
        verified = new Webhook(secrets.get(path)!).verify(body, req.headers as Record<string, string>);
      } catch (e) {
        verified = e;
      }
      received.push({ path, id: String(req.headers['webhook-id']), body, verified });
      res.statusCode = answers.get(path)?.shift() ?? 200;
      res.end(res.statusCode === 200 ? 'ok' : 'receiver is down');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  process.env.TOOLLEDGER_SECRET_KEY = 'webhook-test-secret-key-'.padEnd(40, 'y');
  process.env.TOOLLEDGER_ALLOWED_WEBHOOK_HOSTS = `127.0.0.1:${port}`;
  reloadEnv();
});

afterAll(async () => {
  server?.closeAllConnections();
  if (server) await new Promise((resolve) => server.close(resolve));
  delete process.env.TOOLLEDGER_ALLOWED_WEBHOOK_HOSTS;
  reloadEnv();
});

async function endpoint(path: string, extra: { eventTypes?: string[]; format?: 'STANDARD' | 'OCSF' } = {}) {
  const created = await createWebhookEndpoint({ actor: ADMIN, input: { url: `${base}${path}`, ...extra } });
  secrets.set(path, created.secret);
  return created;
}

const raise = (kind: string, severity: 'HIGH' | 'CRITICAL' = 'HIGH') =>
  t.db().prisma.alert.create({
    data: { kind, severity, title: `${kind} happened`, dedupeKey: `${kind}:${Math.random()}`, detail: { why: 'test' } },
  });

const at = (offsetMs: number) => ({ now: new Date(Date.now() + offsetMs) });

describe('alert webhooks', () => {
  it('an admin adds an endpoint; the secret is shown once and stored sealed; the creation is audited', async () => {
    const created = await endpoint('/main');
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const row = await t.db().prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secretSealed).not.toContain(created.secret.slice(6));
    expect(row.secretHint).toBe(`…${created.secret.slice(-4)}`);
    const listed = await listWebhookEndpoints({ actor: AUDITOR, input: {} });
    expect(JSON.stringify(listed)).not.toContain('secretSealed');
    const audit = await t.db().prisma.auditEvent.findFirstOrThrow({ where: { action: 'webhookEndpoint.created' } });
    expect(JSON.stringify(audit.after)).not.toContain(created.secret);
  });

  it('refuses other roles, and URLs the SSRF guard refuses, as a field error', async () => {
    for (const actor of [OFFICER, AUDITOR])
      await expect(createWebhookEndpoint({ actor, input: { url: `${base}/x` } })).rejects.toThrow(/may not/);
    for (const url of ['http://169.254.169.254/latest', 'http://10.0.0.7/hook', 'http://127.0.0.1:1/other-port'])
      await expect(createWebhookEndpoint({ actor: ADMIN, input: { url } })).rejects.toMatchObject({
        status: 400,
        issues: [{ path: 'url' }],
      });
    await expect(createWebhookEndpoint({ actor: ADMIN, input: { url: 'ftp://example.com/x' } })).rejects.toMatchObject({
      status: 400,
    });
  });

  it('queues one delivery per alert, retries a 500 on the backoff, then delivers; the receiver verifies every attempt', async () => {
    answers.set('/main', [500]);
    const alert = await raise('invocation-unapproved-use');
    expect(await runWebhookDeliveries(at(0))).toBe(1);
    let [log] = (await listWebhookDeliveries({ actor: ADMIN, input: {} })).rows;
    expect(log).toMatchObject({ alertId: alert.id, status: 'PENDING', attempts: 1, lastStatusCode: 500 });
    expect(log!.lastError).toMatch(/HTTP 500: receiver is down/);
    expect(log!.nextAttemptAt!.getTime() - log!.lastAttemptAt!.getTime()).toBe(5_000);
    expect(await runWebhookDeliveries(at(2_000))).toBe(0); // not due yet, and not queued twice
    expect(await runWebhookDeliveries(at(6_000))).toBe(1);
    [log] = (await listWebhookDeliveries({ actor: ADMIN, input: {} })).rows;
    expect(log).toMatchObject({ status: 'SUCCEEDED', attempts: 2, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
    const main = received.filter((r) => r.path === '/main');
    expect(main).toHaveLength(2);
    expect(main.map((r) => r.id)).toEqual([log!.messageId, log!.messageId]); // same webhook-id: the receiver can drop a repeat
    for (const r of main) expect(r.verified).toMatchObject({ type: 'alert.invocation-unapproved-use', data: { id: alert.id } });
    // And a receiver with another secret, or a changed body, refuses it.
    expect(() => new Webhook(`whsec_${Buffer.alloc(24, 1).toString('base64')}`).verify(main[1]!.body, {})).toThrow();
    expect(await runWebhookDeliveries(at(60_000))).toBe(0);
  });

  it('filters by event type and sends OCSF Detection Findings when the endpoint asks', async () => {
    await endpoint('/ocsf', { eventTypes: ['alert.digest-changed'], format: 'OCSF' });
    await raise('stale-verification');
    const digest = await raise('digest-changed', 'CRITICAL');
    await runWebhookDeliveries(at(0));
    const ocsf = received.filter((r) => r.path === '/ocsf');
    expect(ocsf).toHaveLength(1);
    expect(ocsf[0]!.verified).toMatchObject({
      class_uid: 2004,
      severity_id: 5,
      finding_info: { uid: digest.id, types: ['digest-changed'] },
      metadata: { version: '1.3.0' },
    });
    // The catch-all endpoint got the stale-verification alert too.
    expect(received.filter((r) => r.path === '/main')).toHaveLength(4);
  });

  it('gives up after the last retry and keeps why in the log', async () => {
    const flaky = await endpoint('/down');
    answers.set('/down', Array(10).fill(503));
    await raise('registry-deleted', 'CRITICAL');
    let offset = 0;
    for (let i = 0; i < 8; i++) {
      await runWebhookDeliveries(at(offset));
      offset += 11 * 3_600_000;
    }
    const { rows } = await listWebhookDeliveries({ actor: ADMIN, input: { endpointId: flaky.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'FAILED', attempts: 8, lastStatusCode: 503, nextAttemptAt: null });
    expect((await listWebhookDeliveries({ actor: ADMIN, input: { status: 'FAILED' } })).total).toBe(1);
  });

  it('"send test" delivers at once and is audited; a disabled endpoint gets nothing', async () => {
    const main = (await listWebhookEndpoints({ actor: ADMIN, input: {} })).find((e) => e.url.endsWith('/main'))!;
    const sent = await sendTestWebhook({ actor: ADMIN, input: { id: main.id } });
    expect(sent).toMatchObject({ eventType: 'webhook.test', status: 'SUCCEEDED', attempts: 1, lastStatusCode: 200 });
    expect(received.at(-1)!.verified).toMatchObject({ type: 'webhook.test', data: { endpoint_id: main.id } });
    await expect(sendTestWebhook({ actor: AUDITOR, input: { id: main.id } })).rejects.toThrow(/may not/);
    expect(await t.db().prisma.auditEvent.count({ where: { action: 'webhookEndpoint.tested' } })).toBe(1);

    await setWebhookEndpointEnabled({ actor: ADMIN, input: { id: main.id, enabled: false } });
    const before = received.length;
    await raise('signer-changed');
    await runWebhookDeliveries({ now: new Date(Date.now() + 200 * 3_600_000) });
    expect(received.filter((r) => r.path === '/main').length).toBe(
      received.slice(0, before).filter((r) => r.path === '/main').length,
    );
    expect(await t.db().prisma.auditEvent.count({ where: { action: 'webhookEndpoint.disabled' } })).toBe(1);
    await expect(setWebhookEndpointEnabled({ actor: SYSTEM_ACTOR, input: { id: 'nope', enabled: true } })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('an assignment and a note each queue one message of their own type, carrying the assignee and the thread; receivers verify them', async () => {
    const prisma = t.db().prisma;
    const sam = await prisma.user.create({
      data: { email: 'sam@webhooks.test', name: 'Sam Reviewer', role: 'SECURITY_REVIEWER' },
    });
    const reviewer: Actor = { type: 'USER', id: sam.id, label: sam.email, role: 'SECURITY_REVIEWER' };
    const changes = await endpoint('/changes', { eventTypes: ['alert.assigned', 'alert.noted'] });
    const ocsf = await endpoint('/changes-ocsf', { eventTypes: ['alert.noted'], format: 'OCSF' });
    const endpoints = await listWebhookEndpoints({ actor: ADMIN, input: {} });
    const idOf = (path: string) => endpoints.find((e) => e.url === `${base}${path}`)!.id;
    const alert = await raise('invocation-permission-drift');
    const text = 'Write access came with the new parser version';

    // Both before the delivery loop's next tick, so before the alert's own message is queued.
    await assignAlert({ actor: reviewer, input: { id: alert.id, assigneeId: sam.id } });
    await addAlertNote({ actor: reviewer, input: { id: alert.id, body: text } });
    const queued = async (eventType: string) =>
      Object.fromEntries(
        (
          await prisma.webhookDelivery.groupBy({
            by: ['endpointId'],
            where: { alertId: alert.id, eventType },
            _count: { _all: true },
          })
        ).map((g) => [g.endpointId, g._count._all]),
      );
    // One message per endpoint that wants the change (/ocsf wants digest-changed only); the
    // disabled /main holds its own until it is enabled again.
    expect(await queued('alert.noted')).toEqual({ [changes.id]: 1, [ocsf.id]: 1, [idOf('/down')]: 1, [idOf('/main')]: 1 });
    expect(await queued('alert.assigned')).toEqual({ [changes.id]: 1, [idOf('/down')]: 1, [idOf('/main')]: 1 });

    const before = received.length;
    await runWebhookDeliveries(at(0));
    const got = (path: string) => received.slice(before).filter((r) => r.path === path);
    expect(got('/changes').map((r) => (r.verified as { type: string }).type)).toEqual(['alert.assigned', 'alert.noted']);
    const sams = { id: sam.id, name: 'Sam Reviewer', email: 'sam@webhooks.test' };
    expect(got('/changes')[0]!.verified).toMatchObject({ data: { id: alert.id, assignee: sams, notes: [] } });
    expect(got('/changes')[1]!.verified).toMatchObject({
      type: 'alert.noted',
      data: {
        id: alert.id,
        kind: 'invocation-permission-drift',
        severity: 'HIGH',
        state: 'OPEN',
        assignee: sams,
        assigned_at: expect.any(String),
        notes: [{ author: sams, body: text, created_at: expect.any(String) }],
      },
    });
    expect(got('/changes-ocsf')).toHaveLength(1);
    expect(got('/changes-ocsf')[0]!.verified).toMatchObject({
      class_uid: 2004,
      activity_id: 2,
      type_uid: 200402,
      comment: text,
      finding_info: { uid: alert.id },
      unmapped: {
        assignee: { uid: sam.id, name: 'Sam Reviewer', email_addr: 'sam@webhooks.test' },
        notes: [{ author: { uid: sam.id, name: 'Sam Reviewer' }, body: text }],
      },
    });
    expect(got('/main')).toHaveLength(0);
    // The alert's own message, queued after both changes, still went out, and says who works it.
    const raisedMessage = await prisma.webhookDelivery.findFirstOrThrow({
      where: { endpointId: idOf('/down'), raisedAlertId: alert.id },
    });
    expect(raisedMessage.eventType).toBe('alert.invocation-permission-drift');
    expect(JSON.parse(raisedMessage.body)).toMatchObject({ data: { assignee: sams, notes: [{ body: text }] } });

    // The next tick queues nothing again; unassigning goes to the endpoints that want it.
    const total = () => prisma.webhookDelivery.count({ where: { alertId: alert.id } });
    expect(await total()).toBe(8);
    await runWebhookDeliveries(at(1_000));
    expect(await total()).toBe(8);
    await assignAlert({ actor: reviewer, input: { id: alert.id, assigneeId: '' } });
    expect(await queued('alert.unassigned')).toEqual({ [idOf('/down')]: 1, [idOf('/main')]: 1 });
  });
});
