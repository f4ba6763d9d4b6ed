import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { listAlerts } from '@/lib/server/alerts/list-alerts';
import { updateAlertState } from '@/lib/server/alerts/update-alert-state';
import { withTestDatabase } from '@/lib/testing/test-database';
import { ZAlertFilter, ZCreateRegistryInput, ZUpdateRegistryInput } from '@/lib/validation/registry';
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
    const ok = ZCreateRegistryInput.parse({ name: 'Sample', kind: 'AGENTNODE', baseUrl: 'http://127.0.0.1:1/', config: '{"perPage": 20}', enabled: 'true' });
    expect(ok).toMatchObject({ baseUrl: 'http://127.0.0.1:1', config: { perPage: 20 }, enabled: true });
  });

  it('adds, tests, syncs, edits and disables a registry, all audited', async () => {
    const prisma = await getPrisma();
    const input = ZCreateRegistryInput.parse({ name: 'Sample', kind: 'AGENTNODE', baseUrl: sample.url, config: '{"perPage": 20}', enabled: 'on' });
    const row = await createRegistry(admin, input);
    await expect(createRegistry(admin, input)).rejects.toThrow(/already exists/);
    expect(await testRegistryConnection(admin, row.id)).toEqual({ ok: true, detail: 'AgentNode answered: 46 packages listed' });

    const { run, done } = await startRegistrySync({ registryId: row.id, trigger: 'MANUAL', actor: admin });
    expect((await getSyncRunProgress(run.id)).status).toBe('RUNNING');
    const finished = await done;
    expect(finished.startedById).toBe(admin.type === 'USER' ? admin.id : null);
    const progress = await getSyncRunProgress(run.id);
    expect(progress).toMatchObject({ status: 'SUCCEEDED', toolsSeen: 46, pagesDone: 3, toolsTotal: null });
    const [listed] = await listRegistries();
    expect(listed).toMatchObject({ name: 'Sample', toolCount: 46, lastSyncStatus: 'SUCCEEDED', lastRun: { id: run.id } });
    expect((await listSyncRuns({ page: 1 })).runs.map((r) => r.id)).toEqual([run.id]);

    await updateRegistry(admin, ZUpdateRegistryInput.parse({ id: row.id, name: 'Sample AgentNode', baseUrl: 'http://127.0.0.1:9', config: '', enabled: 'true' }));
    expect(await testRegistryConnection(admin, row.id)).toMatchObject({ ok: false, detail: expect.stringMatching(/Could not reach/) });
    await setRegistryEnabled(admin, row.id, false);
    await expect(runRegistrySync({ registryId: row.id, trigger: 'MANUAL', actor: admin })).rejects.toThrow(/disabled/);

    const actions = (await prisma.auditEvent.findMany({ where: { entityId: row.id }, orderBy: { seq: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['registry.created', 'registry.connectionTested', 'registry.updated', 'registry.connectionTested', 'registry.disabled']);
  });
});

describe('alert inbox', () => {
  it('lists most severe first, filters, and moves alerts open → acknowledged → resolved', async () => {
    const all = await listAlerts({ actor: admin, input: ZAlertFilter.parse({ state: 'ALL' }) });
    expect(all.total).toBeGreaterThan(0);
    const ranks = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 } as const;
    const order = all.alerts.map((a) => ranks[a.severity]);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const escalations = await listAlerts({ actor: admin, input: ZAlertFilter.parse({ kind: 'permission-escalation', state: 'OPEN' }) });
    expect(escalations.alerts.every((a) => a.kind === 'permission-escalation')).toBe(true);

    const target = escalations.alerts[0]!;
    expect((await updateAlertState(admin, target.id, 'acknowledge')).state).toBe('ACKNOWLEDGED');
    await expect(updateAlertState(admin, target.id, 'acknowledge')).rejects.toThrow(/already acknowledged/);
    const resolved = await updateAlertState(admin, target.id, 'resolve');
    expect(resolved).toMatchObject({ state: 'RESOLVED', resolvedBy: 'admin@example.test', acknowledgedBy: 'admin@example.test' });
    await expect(updateAlertState(admin, target.id, 'resolve')).rejects.toThrow(/already resolved/);
    expect(ZAlertFilter.parse({ state: 'bogus', page: '-3', severity: 'NOPE' })).toEqual({ state: 'OPEN', page: 1, severity: undefined });
  });
});
