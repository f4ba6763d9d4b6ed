import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { listAlerts } from '@/lib/server/alerts/list-alerts';
import { updateAlertState } from '@/lib/server/alerts/update-alert-state';
import { withTestDatabase } from '@/lib/testing/test-database';
import { ZAlertFilter, ZCreateRegistryInput } from '@/lib/validation/registry';
import { demoCatalog } from '@/sample-registry/demo-catalog';
import { startSampleRegistry, type SampleRegistry } from '@/sample-registry/server';
import { listRegistries } from './list-registries';
import { getSyncRunProgress, listSyncRuns } from './list-sync-runs';
import { runRegistrySync, startRegistrySync } from './run-registry-sync';
import { createRegistry, setRegistryEnabled, updateRegistry } from './save-registry';
import { testRegistryConnection } from './test-registry-connection';

withTestDatabase();
let sample: SampleRegistry;
let admin: Actor;

beforeAll(async () => {
  sample = await startSampleRegistry({ catalog: demoCatalog(2) });
  const prisma = await getPrisma();
  const user = await prisma.user.create({ data: { email: 'admin@example.test', name: 'Admin', role: 'ADMIN' } });
  admin = { type: 'USER', id: user.id, label: user.email, role: 'ADMIN' };
});
afterAll(() => sample.close());

describe('registry management', () => {
  it('validates input with readable field messages', () => {
    const bad = ZCreateRegistryInput.safeParse({ name: 'x', kind: 'PYPI', baseUrl: 'ftp://host', config: '[1]' });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'kind', 'baseUrl', 'config']));
    const ok = ZCreateRegistryInput.parse({
      name: 'Sample',
      kind: 'AGENTNODE',
      baseUrl: 'http://127.0.0.1:1/',
      config: '{"perPage": 20}',
      enabled: 'true',
    });
    expect(ok).toMatchObject({ baseUrl: 'http://127.0.0.1:1', config: { perPage: 20 }, enabled: true });
  });

  it('adds, tests, syncs, edits and disables a registry, all audited', async () => {
    const prisma = await getPrisma();
    const input = ZCreateRegistryInput.parse({
      name: 'Sample',
      kind: 'AGENTNODE',
      baseUrl: sample.url,
      config: '{"perPage": 20}',
      enabled: 'on',
    });
    const row = await createRegistry({ actor: admin, input });
    await expect(createRegistry({ actor: admin, input })).rejects.toThrow(/already exists/);
    // Revision 2 of the demo: AgentNode's search leaves the deprecated package out (45 of 46).
    expect(await testRegistryConnection({ actor: admin, input: { id: row.id } })).toEqual({
      ok: true,
      detail: 'AgentNode answered: 45 packages listed',
    });

    const { run, done } = await startRegistrySync({ actor: admin, input: { registryId: row.id, trigger: 'MANUAL' } });
    expect((await getSyncRunProgress({ actor: admin, input: { id: run.id } })).status).toBe('RUNNING');
    const finished = await done;
    expect(finished.startedById).toBe(admin.type === 'USER' ? admin.id : null);
    const progress = await getSyncRunProgress({ actor: admin, input: { id: run.id } });
    expect(progress).toMatchObject({ status: 'SUCCEEDED', toolsSeen: 45, pagesDone: 3, toolsTotal: null });
    const [listed] = await listRegistries({ actor: admin, input: {} });
    expect(listed).toMatchObject({ name: 'Sample', toolCount: 45, lastSyncStatus: 'SUCCEEDED', lastRun: { id: run.id } });
    expect((await listSyncRuns({ actor: admin, input: { page: 1 } })).runs.map((r) => r.id)).toEqual([run.id]);

    await updateRegistry({
      actor: admin,
      input: { id: row.id, name: 'Sample AgentNode', baseUrl: 'http://127.0.0.1:9', config: '', enabled: 'true' },
    });
    expect(await testRegistryConnection({ actor: admin, input: { id: row.id } })).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/Could not reach/),
    });
    await setRegistryEnabled({ actor: admin, input: { id: row.id, enabled: false } });
    await expect(runRegistrySync({ actor: admin, input: { registryId: row.id, trigger: 'MANUAL' } })).rejects.toThrow(/disabled/);

    const actions = (await prisma.auditEvent.findMany({ where: { entityId: row.id }, orderBy: { seq: 'asc' } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual([
      'registry.created',
      'registry.connectionTested',
      'registry.updated',
      'registry.connectionTested',
      'registry.disabled',
    ]);
  });
});

describe('alert inbox', () => {
  it('lists most severe first, filters, and moves alerts open → acknowledged → resolved', async () => {
    const all = await listAlerts({ actor: admin, input: ZAlertFilter.parse({ state: 'ALL' }) });
    expect(all.total).toBeGreaterThan(0);
    const ranks = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 } as const;
    const order = all.alerts.map((a) => ranks[a.severity]);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const escalations = await listAlerts({
      actor: admin,
      input: ZAlertFilter.parse({ kind: 'permission-escalation', state: 'OPEN' }),
    });
    expect(escalations.alerts.every((a) => a.kind === 'permission-escalation')).toBe(true);

    const target = escalations.alerts[0]!;
    expect((await updateAlertState({ actor: admin, input: { id: target.id, action: 'acknowledge' } })).state).toBe(
      'ACKNOWLEDGED',
    );
    await expect(updateAlertState({ actor: admin, input: { id: target.id, action: 'acknowledge' } })).rejects.toThrow(
      /already acknowledged/,
    );
    const resolved = await updateAlertState({ actor: admin, input: { id: target.id, action: 'resolve' } });
    expect(resolved).toMatchObject({ state: 'RESOLVED', resolvedBy: 'admin@example.test', acknowledgedBy: 'admin@example.test' });
    await expect(updateAlertState({ actor: admin, input: { id: target.id, action: 'resolve' } })).rejects.toThrow(
      /already resolved/,
    );
    expect(ZAlertFilter.parse({ state: 'bogus', page: '-3', severity: 'NOPE' })).toEqual({
      state: 'OPEN',
      page: 1,
      severity: undefined,
    });
  });
});
