import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '@/lib/testing/test-database';
import { snapshotTables } from '@/lib/testing/db-snapshot';
import { createAgent, createInstallation, createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import { getPrisma } from '@/lib/db/client';
import { SYSTEM_ACTOR, type Actor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import type { TSaveDataFlowInput } from '@/lib/validation/data-flow';
import { confirmDataFlow } from './confirm-data-flow';
import { deriveDataFlow } from './derive-data-flow';
import { getAgentDataFlow } from './get-agent-data-flow';
import { getToolDataFlow } from './get-tool-data-flow';
import { listDataFlowRegister } from './list-data-flow-register';
import { listSubprocessors } from './list-subprocessors';
import { saveDataFlow } from './save-data-flow';
import { findToolsForInventory } from '@/lib/server/inventory/find-tools-for-inventory';
import { getDataFlowOverview } from './get-data-flow-overview';
import { dataFlowsSection } from '@/lib/server/evidence/sections/data-flows';
import { subprocessorsSection } from '@/lib/server/evidence/sections/subprocessors';
import type { Row, SectionContext } from '@/lib/server/evidence/sections/types';
import { openAuditFor } from '@/lib/testing/open-audit';

async function collect(rows: AsyncIterable<Row>) {
  const out: Row[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

const t = withTestDatabase();
const NOW = new Date('2026-06-01T12:00:00Z');
let officer: Actor;
let reviewer: Actor;
const auditor: Actor = { type: 'USER', id: 'u-auditor', label: 'auditor@example.test', role: 'AUDITOR' };
let crmId: string;
let localId: string;
let agentId: string;

beforeAll(async () => {
  const db = await getPrisma();
  const o = await db.user.create({ data: { email: 'officer@flows.test', name: 'Olga Officer', role: 'COMPLIANCE_OFFICER' } });
  const r = await db.user.create({ data: { email: 'reviewer@flows.test', name: 'Rita Reviewer', role: 'SECURITY_REVIEWER' } });
  officer = { type: 'USER', id: o.id, label: o.email, role: o.role };
  reviewer = { type: 'USER', id: r.id, label: r.email, role: r.role };
  // The auditor reads with an audit open over all time (their reads are scoped to it, ADR 0010).
  await openAuditFor(db, auditor);
  const registry = await createRegistry(db);
  const publisher = await createPublisher(db, { registryId: registry.id, name: 'CRM Corp' });
  const crm = await createTool(db, {
    registryId: registry.id,
    publisherId: publisher.id,
    name: 'crm-lookup',
    versions: [{ version: '2.0.0', permissions: { network: 'EXTERNAL' }, allowedDomains: ['api.crm.example'] }],
  });
  await db.toolVersion.update({
    where: { id: crm.versions[0]!.id },
    data: {
      toolDefinitions: [{ name: 'lookup', inputSchema: { properties: { query: {}, customerEmail: {} }, required: ['query'] } }],
    },
  });
  const local = await createTool(db, {
    registryId: registry.id,
    publisherId: publisher.id,
    name: 'note-writer',
    versions: [{ version: '1.0.0', permissions: { filesystem: 'WRITE' } }],
  });
  crmId = crm.tool.id;
  localId = local.tool.id;
  const agent = await createAgent(db, { environment: 'PRODUCTION', name: 'support-agent-flows' });
  agentId = agent.id;
  await createInstallation(db, { agentId, toolVersionId: crm.versions[0]!.id });
  await createInstallation(db, { agentId, toolVersionId: local.versions[0]!.id });
});

async function refusedWithNothingStored(call: () => Promise<unknown>, status: number, path?: string) {
  const before = await snapshotTables(t.db());
  const err = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).status).toBe(status);
  if (path) expect((err as AppError).issues.map((i) => i.path)).toContain(path);
  expect(await snapshotTables(t.db())).toEqual(before);
  return err as AppError;
}

describe('before any map: the live draft', () => {
  it('derives fields from the manifest and the host from the allowed domains, without storing anything', async () => {
    const flow = await getToolDataFlow({ actor: auditor, input: { toolId: crmId } }, { now: NOW });
    expect(flow?.current).toBeNull();
    expect(flow?.draft.content.inputs).toEqual([
      { name: 'query', classification: 'INTERNAL', needed: true },
      { name: 'customerEmail', classification: 'PERSONAL', needed: false },
    ]);
    expect(flow?.summary).toMatchObject({ subprocessor: true, externalHosts: ['api.crm.example'], excessInputs: 1 });
    expect(flow?.layout.nodes.map((n) => n.id)).toContain('host:api.crm.example');
    expect(await t.db().prisma.dataFlowMap.count()).toBe(0);
    expect(await getToolDataFlow({ actor: auditor, input: { toolId: 'missing' } })).toBeNull();
  });
});

describe('derive → confirm → edit', () => {
  it('stores a derived draft (SYSTEM may, as the demo seed does), audited', async () => {
    const map = await deriveDataFlow({ actor: SYSTEM_ACTOR, input: { toolId: crmId } }, { now: NOW });
    expect(map).toMatchObject({
      revision: 1,
      status: 'DERIVED',
      subprocessor: true,
      externalHosts: ['api.crm.example'],
      confirmedAt: null,
    });
    expect(map.note).toBe('Derived from version 2.0.0');
    const audit = await t.db().prisma.auditEvent.findFirst({ where: { entityId: map.id } });
    expect(audit).toMatchObject({ action: 'dataFlow.derived', entityType: 'DataFlowMap' });
    const register = await listDataFlowRegister({ actor: officer, input: { status: 'DERIVED' } });
    expect(register.rows.map((r) => r.toolId)).toEqual([crmId]);
    expect(register.derived).toBe(1);
  });

  it('the subprocessor register picks up the derived map with hosts, classes and the publisher as vendor', async () => {
    const subs = await listSubprocessors({ actor: officer, input: {} });
    expect(subs.rows).toHaveLength(1);
    expect(subs.rows[0]).toMatchObject({
      toolId: crmId,
      externalHosts: ['api.crm.example'],
      dataClasses: ['PERSONAL', 'INTERNAL'],
      tool: { publisher: { name: 'CRM Corp' } },
      vendorReview: { state: 'NOT_REVIEWED' },
    });
    expect((await listSubprocessors({ actor: officer, input: { q: 'api.crm.example' } })).total).toBe(1);
    expect((await listSubprocessors({ actor: officer, input: { q: 'crm corp' } })).total).toBe(1);
    expect((await listSubprocessors({ actor: officer, input: { classification: 'RESTRICTED' } })).total).toBe(0);
  });

  it('a security reviewer confirms the derived map: a new version, same content, who and when', async () => {
    const current = await t.db().prisma.dataFlowMap.findFirstOrThrow({ where: { toolId: crmId } });
    const confirmed = await confirmDataFlow({ actor: reviewer, input: { toolId: crmId, mapId: current.id } }, { now: NOW });
    expect(confirmed).toMatchObject({
      revision: 2,
      status: 'CONFIRMED',
      confirmedById: reviewer.type === 'USER' ? reviewer.id : '',
      previousId: current.id,
    });
    expect(confirmed.confirmedAt).toEqual(NOW);
    expect(confirmed.inputs).toEqual(current.inputs);
    // Confirming an older version, or the same one twice, is a conflict and stores nothing.
    await refusedWithNothingStored(() => confirmDataFlow({ actor: reviewer, input: { toolId: crmId, mapId: current.id } }), 409);
    await refusedWithNothingStored(() => confirmDataFlow({ actor: officer, input: { toolId: crmId, mapId: confirmed.id } }), 409);
  });

  const edit = (previousId: string | undefined, over: Record<string, unknown> = {}): TSaveDataFlowInput =>
    ({
      toolId: crmId,
      previousId,
      'inputs.0.name': 'query',
      'inputs.0.classification': 'INTERNAL',
      'inputs.0.needed': 'on',
      processing: 'Looks the customer up in the CRM',
      'destinations.0.kind': 'RETURN_TO_AGENT',
      'destinations.1.kind': 'EXTERNAL_API',
      'destinations.1.host': 'eu.api.crm.example',
      retention: 'Nothing kept',
      note: 'The email is no longer sent',
      ...over,
    }) as TSaveDataFlowInput;

  it('an officer edits the map: confirmed by them, history shows what changed, minimization clean', async () => {
    const current = await t.db().prisma.dataFlowMap.findFirstOrThrow({ where: { toolId: crmId, next: { is: null } } });
    const saved = await saveDataFlow({ actor: officer, input: edit(current.id) }, { now: NOW });
    expect(saved).toMatchObject({ revision: 3, status: 'CONFIRMED', externalHosts: ['eu.api.crm.example'], excessInputs: 0 });
    const flow = await getToolDataFlow({ actor: auditor, input: { toolId: crmId } });
    expect(flow?.current?.id).toBe(saved.id);
    expect(flow?.minimization.excess).toEqual([]);
    expect(flow?.history.map((h) => h.revision)).toEqual([3, 2, 1]);
    expect(flow?.history[0]!.changes.map((c) => c.path)).toEqual(
      expect.arrayContaining(['destinations', 'externalHosts', 'inputs', 'processing', 'retention']),
    );
    expect(flow?.history[1]!.changes.map((c) => c.path)).toEqual(['status']);
    const audit = await t.db().prisma.auditEvent.findFirst({ where: { entityId: saved.id } });
    expect(audit?.action).toBe('dataFlow.edited');
  });

  it('a malformed host, a duplicate field, a stale start: field errors or conflict, nothing stored', async () => {
    const current = await t.db().prisma.dataFlowMap.findFirstOrThrow({ where: { toolId: crmId, next: { is: null } } });
    const e = await refusedWithNothingStored(
      () => saveDataFlow({ actor: officer, input: edit(current.id, { 'destinations.1.host': 'https://eu.api.crm.example/v2' }) }),
      400,
      'destinations.1.host',
    );
    expect(e.issues[0]!.message).toContain('without https://');
    await refusedWithNothingStored(
      () =>
        saveDataFlow({
          actor: officer,
          input: edit(current.id, { 'inputs.1.name': 'Query', 'inputs.1.classification': 'PUBLIC' }),
        }),
      400,
      'inputs.1.name',
    );
    await refusedWithNothingStored(() => saveDataFlow({ actor: officer, input: edit(current.previousId!) }), 409);
    await refusedWithNothingStored(() => saveDataFlow({ actor: officer, input: edit(undefined) }), 409);
    await refusedWithNothingStored(
      () =>
        saveDataFlow({ actor: officer, input: { ...(edit(current.id) as object), toolVersionId: 'nope' } as TSaveDataFlowInput }),
      400,
      'toolVersionId',
    );
  });

  it('the stored rows are append-only', async () => {
    await expect(t.db().prisma.dataFlowMap.updateMany({ data: { note: 'x' } })).rejects.toThrow();
    await expect(t.db().prisma.dataFlowMap.deleteMany({})).rejects.toThrow();
  });
});

describe('authorization in the operations', () => {
  it('auditors and security reviewers cannot map; auditors cannot confirm; machines cannot edit', async () => {
    await refusedWithNothingStored(() => deriveDataFlow({ actor: auditor, input: { toolId: localId } }), 403);
    await refusedWithNothingStored(() => deriveDataFlow({ actor: reviewer, input: { toolId: localId } }), 403);
    await refusedWithNothingStored(
      () =>
        saveDataFlow({
          actor: SYSTEM_ACTOR,
          input: {
            toolId: localId,
            processing: 'x',
            retention: 'y',
            inputs: [{ name: 'a', classification: 'PUBLIC' }],
            destinations: [{ kind: 'LOGS' }],
          },
        }),
      403,
    );
    const map = await deriveDataFlow({ actor: officer, input: { toolId: localId } }, { now: NOW });
    await refusedWithNothingStored(() => confirmDataFlow({ actor: auditor, input: { toolId: localId, mapId: map.id } }), 403);
    const key: Actor = { type: 'API_KEY', id: 'k', label: 'key', scopes: ['READ'], agentId: null };
    await refusedWithNothingStored(() => getToolDataFlow({ actor: key, input: { toolId: localId } }), 403);
  });
});

describe('the agent diagram and the register filters', () => {
  it('draws the agent, its tools and their destinations in one graph', async () => {
    const flow = await getAgentDataFlow({ actor: auditor, input: { agentId } });
    expect(flow?.tools.map((x) => x.name)).toEqual(['crm-lookup', 'note-writer']);
    const ids = flow!.layout.nodes.map((n) => n.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        `agent:${agentId}`,
        `tool:${crmId}`,
        `tool:${localId}`,
        'host:eu.api.crm.example',
        `${localId}:dest:LOCAL_DISK`,
      ]),
    );
    expect(await getAgentDataFlow({ actor: auditor, input: { agentId: 'missing' } })).toBeNull();
    expect((await getToolDataFlow({ actor: auditor, input: { toolId: crmId } }))?.agents.map((a) => a.id)).toEqual([agentId]);
  });

  it('filters the register by status, class, subprocessor and excess fields', async () => {
    const ids = async (input: Record<string, unknown>) =>
      (await listDataFlowRegister({ actor: officer, input })).rows.map((r) => r.toolId);
    expect(await ids({})).toEqual([localId, crmId]); // derived first
    expect(await ids({ status: 'CONFIRMED' })).toEqual([crmId]);
    expect(await ids({ subprocessor: '1' })).toEqual([crmId]);
    expect(await ids({ classification: 'INTERNAL' })).toEqual([localId, crmId]);
    expect(await ids({ classification: 'PERSONAL' })).toEqual([]);
    expect(await ids({ excess: '1' })).toEqual([]);
    expect(await ids({ q: 'note' })).toEqual([localId]);
  });

  it('the overview names the derived maps awaiting confirmation', async () => {
    // Hidden for an auditor (ADR 0010: not scoped to an audit), read here by the compliance officer.
    expect(await getDataFlowOverview({ actor: auditor, input: {} })).toBeNull();
    const o = (await getDataFlowOverview({ actor: officer, input: {} }))!;
    expect(o.awaiting.items.map((m) => m.tool.id)).toEqual([localId]);
    expect(o).toMatchObject({ awaiting: { total: 1 }, subprocessors: 1, unmappedInUse: 0 });
  });

  // An officer: an auditor's inventory is limited to their open audits (ADR 0010), and this one has none.
  it('the inventory filters subprocessors by the current map', async () => {
    const inventory = await findToolsForInventory({ actor: officer, input: { subprocessor: 'yes' } });
    expect(inventory.rows.map((r) => r.id)).toEqual([crmId]);
  });
});

describe('evidence pack sections', () => {
  it('data-flows: every version in force in the period, the diagram as laid-out data and SVG', async () => {
    const db = t.db().prisma;
    const ctx: SectionContext = {
      db,
      scope: { from: new Date('2026-05-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z'), environments: [], toolIds: [crmId] },
    };
    const rows = await collect(dataFlowsSection.rows(ctx));
    expect(rows.map((r) => [r.revision, r.status, r.currentAtPeriodEnd])).toEqual(
      expect.arrayContaining([
        [1, 'DERIVED', false],
        [2, 'CONFIRMED', false],
        [3, 'CONFIRMED', true],
      ]),
    );
    const current = rows.find((r) => r.currentAtPeriodEnd)!;
    expect(Object.keys(current)).toEqual([...dataFlowsSection.columns]);
    const diagram = current.diagram as { nodes: { id: string; x: number }[]; edges: unknown[] };
    expect(diagram.nodes.map((n) => n.id)).toContain('host:eu.api.crm.example');
    expect(diagram.edges.length).toBeGreaterThan(0);
    expect(String(current.diagramSvg)).toContain('eu.api.crm.example');
    // A period that ended before the first map: nothing was in force.
    const before = {
      ...ctx,
      scope: { ...ctx.scope, from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z') },
    };
    expect(await collect(dataFlowsSection.rows(before))).toEqual([]);
  });

  it('subprocessors: the crm tool with its hosts, classes and vendor; the local-only tool is not one', async () => {
    const ctx: SectionContext = {
      db: t.db().prisma,
      scope: { from: new Date('2026-05-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z'), environments: [], toolIds: [] },
    };
    const rows = await collect(subprocessorsSection.rows(ctx));
    expect(new Set(rows.map((r) => r.toolId))).toEqual(new Set([crmId]));
    expect(rows.find((r) => r.currentAtPeriodEnd)).toMatchObject({
      externalHosts: ['eu.api.crm.example'],
      vendorName: 'CRM Corp',
      vendorReview: 'NOT_REVIEWED',
    });
  });
});
