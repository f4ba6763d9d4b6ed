/**
 * Issue 14.3: the pages outside the portal show an auditor only their open audits' periods and
 * environments (ADR 0010), at the data layer: change requests, enforcement log, alerts, audit
 * trail, inventory. Other roles see everything. Records come from the real workflow.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@prisma/client';
import { withTestDatabase } from '@/lib/testing/test-database';
import { getPrisma } from '@/lib/db/client';
import { createAgent, createPublisher, createRegistry, createTool } from '@/lib/testing/factories';
import type { Actor } from '@/lib/server/actor';
import { AppError } from '@/lib/server/errors';
import { createChangeRequest } from '@/lib/server/change-requests/create-change-request';
import { decideChangeRequest } from '@/lib/server/change-requests/decide-change-request';
import { listChangeRequests } from '@/lib/server/change-requests/list-change-requests';
import { getChangeRequest } from '@/lib/server/change-requests/get-change-request';
import { listEnforcementDecisions } from '@/lib/server/enforcement/list-enforcement-decisions';
import { listAlerts } from '@/lib/server/alerts/list-alerts';
import { listAuditEvents } from '@/lib/server/audit/list-audit-events';
import { findToolsForInventory } from '@/lib/server/inventory/find-tools-for-inventory';
import { listPolicyExceptions } from '@/lib/server/exceptions/list-policy-exceptions';
import { getToolDetail } from '@/lib/server/inventory/get-tool-detail';
import { getInventoryOverview } from '@/lib/server/inventory/get-inventory-overview';
import { getToolRisk } from '@/lib/server/risks/get-tool-risk';
import { getPolicyException } from '@/lib/server/exceptions/get-policy-exception';
import { getIncident } from '@/lib/server/incidents/get-incident';
import { listIncidents } from '@/lib/server/incidents/list-incidents';
import { getInvocationEvent } from '@/lib/server/invocations/get-invocation-event';
import { ingestInvocationEvents } from '@/lib/server/invocations/ingest-invocation-events';
import { listInvocationEvents } from '@/lib/server/invocations/list-invocation-events';
import { getAgentDataFlow } from '@/lib/server/data-flows/get-agent-data-flow';
import { getToolDataFlow } from '@/lib/server/data-flows/get-tool-data-flow';
import { listPolicyVersions } from '@/lib/server/policies/list-policy-versions';
import { listPoliciesInScope } from '@/lib/server/policies/list-policies-in-scope';
import { getNeedsAttention } from '@/lib/server/overview/get-needs-attention';
import { getRiskOverview } from '@/lib/server/risks/get-risk-overview';
import { SYSTEM_ACTOR } from '@/lib/server/actor';
import type { AuditEntityType } from '@/lib/domain/audit-actions';
import { eventLine } from '@/lib/testing/invocation-world';
import { createEngagement } from './create-engagement';
import { getAlert } from '@/lib/server/alerts/get-alert';
import { getComplianceMatrix } from '@/lib/server/policies/get-compliance-matrix';
import { listPublisherReviews } from '@/lib/server/vendors/list-publisher-reviews';
import { listRegistryReviews } from '@/lib/server/vendors/list-registry-reviews';
import { getPublisherReview } from '@/lib/server/vendors/get-publisher-review';
import { getRegistryReview } from '@/lib/server/vendors/get-registry-review';
import { deriveDataFlow } from '@/lib/server/data-flows/derive-data-flow';
import { listDataFlowRegister } from '@/lib/server/data-flows/list-data-flow-register';
import { getComplianceReport } from '@/lib/server/reports/get-compliance-report';
import { getGovernancePolicy } from '@/lib/server/reports/get-governance-policy';
import { downloadGovernancePolicy } from '@/lib/server/reports/download-governance-policy';
import { getControlsView } from '@/lib/server/controls/get-controls-view';

withTestDatabase();
let db: PrismaClient;
type Person = Actor & { type: 'USER' };
const people = {} as Record<'ada' | 'carla' | 'chris' | 'sam' | 'audrey' | 'nora', Person>;
const DAY = 86_400_000;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
const day = (d: Date) => d.toISOString().slice(0, 10);
const ids = {} as Record<
  'inScope' | 'otherEnv' | 'beforePeriod' | 'prodTool' | 'stagingTool' | 'engagement' | 'prodAgent' | 'stagingAgent',
  string
>;
const agentNames = { prod: '', staging: '' };

async function approvedRequest(agentId: string, environment: 'PRODUCTION' | 'STAGING', versionId: string, at: Date) {
  const ctx = { db, now: at };
  const r = await createChangeRequest(
    {
      actor: people.carla,
      input: { kind: 'NEW_TOOL', toolVersionId: versionId, agentId, environment, justification: 'Needed for the support desk.' },
    },
    ctx,
  );
  let state = r.state;
  if (state === 'COMPLIANCE_REVIEW')
    state = (await decideChangeRequest({ actor: people.chris, input: { id: r.id, decision: 'APPROVED', comment: 'ok' } }, ctx))
      .state;
  if (state === 'SECURITY_REVIEW')
    await decideChangeRequest({ actor: people.sam, input: { id: r.id, decision: 'APPROVED', comment: 'ok' } }, ctx);
  return r.id;
}

beforeAll(async () => {
  db = await getPrisma();
  const roles = {
    ada: 'ADMIN',
    carla: 'COMPLIANCE_OFFICER',
    chris: 'COMPLIANCE_OFFICER',
    sam: 'SECURITY_REVIEWER',
    audrey: 'AUDITOR',
    nora: 'AUDITOR',
  } as const;
  for (const [key, role] of Object.entries(roles)) {
    const u = await db.user.create({ data: { email: `${key}@scope.test`, name: key, role } });
    people[key as keyof typeof people] = { type: 'USER', id: u.id, label: u.email, role };
  }
  const registry = await createRegistry(db);
  const publisher = await createPublisher(db, { registryId: registry.id, trustLevel: 'VERIFIED' });
  const tool = async () =>
    (await createTool(db, { registryId: registry.id, publisherId: publisher.id, versions: [{ version: '1.0.0', score: 95 }] }))
      .versions[0]!;
  const prod = await createAgent(db, { environment: 'PRODUCTION' });
  const staging = await createAgent(db, { environment: 'STAGING' });
  Object.assign(ids, { prodAgent: prod.id, stagingAgent: staging.id });
  Object.assign(agentNames, { prod: prod.name, staging: staging.name });
  const [a, b, c] = [await tool(), await tool(), await tool()];
  ids.inScope = await approvedRequest(prod.id, 'PRODUCTION', a.id, daysAgo(10));
  ids.otherEnv = await approvedRequest(staging.id, 'STAGING', b.id, daysAgo(10));
  ids.beforePeriod = await approvedRequest(prod.id, 'PRODUCTION', c.id, daysAgo(60));
  ids.prodTool = a.toolId;
  ids.stagingTool = b.toolId;
  // Enforcement decisions and alerts inside and outside the period (written as the API and sync write them).
  const decision = (agent: { id: string; name: string }, at: Date) => ({
    createdAt: at,
    agentName: agent.name,
    agentId: agent.id,
    toolName: 't',
    version: '1.0.0',
    action: 'INVOKE' as const,
    outcome: 'DENY' as const,
    reasons: [],
  });
  await db.enforcementDecision.createMany({
    data: [decision(prod, daysAgo(5)), decision(staging, daysAgo(5)), decision(prod, daysAgo(45))],
  });
  const alert = (key: string, at: Date) => ({
    kind: 'failed-verification',
    severity: 'HIGH' as const,
    title: key,
    detail: {},
    dedupeKey: key,
    createdAt: at,
  });
  await db.alert.createMany({ data: [alert('in-period', daysAgo(5)), alert('before-period', daysAgo(45))] });
  ids.engagement = (
    await createEngagement(
      {
        actor: people.carla,
        input: {
          name: 'Last month, production',
          firm: 'Example LLP',
          periodFrom: day(daysAgo(30)),
          // The period ended two days ago: today's audit records are outside it.
          periodTo: day(daysAgo(2)),
          environments: ['PRODUCTION'],
          criteria: ['CC8.1'],
          accessOpens: day(daysAgo(1)),
          accessCloses: day(daysAgo(-30)),
          auditorIds: [people.audrey.id],
        },
      },
      { db },
    )
  ).id;
}, 240_000);

describe('pages outside the portal, scoped to the auditor’s open audits', () => {
  it('change requests: only the audit’s period and environments; another is refused (403) and logged', async () => {
    const ctx = { db, now };
    const mine = await listChangeRequests({ actor: people.audrey, input: {} }, ctx);
    expect(mine.rows.map((r) => r.id)).toEqual([ids.inScope]);
    expect((await listChangeRequests({ actor: people.carla, input: {} }, ctx)).total).toBe(3);
    expect((await getChangeRequest({ actor: people.audrey, input: { id: ids.inScope } }, ctx)).id).toBe(ids.inScope);
    for (const id of [ids.otherEnv, ids.beforePeriod]) {
      const err = await getChangeRequest({ actor: people.audrey, input: { id } }, ctx).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(403);
      // The attempt is on the record.
      expect(
        await db.auditEvent.count({ where: { action: 'engagement.accessRefused', entityType: 'ChangeRequest', entityId: id } }),
      ).toBe(1);
    }
  });

  it('enforcement log and alerts: only the period (and, for decisions, the environments)', async () => {
    const ctx = { db, now };
    const decisions = await listEnforcementDecisions({ actor: people.audrey, input: {} }, ctx);
    expect(decisions.rows).toHaveLength(1);
    expect(decisions.rows[0]!.createdAt.getTime()).toBe(daysAgo(5).getTime());
    expect((await listEnforcementDecisions({ actor: people.carla, input: {} }, ctx)).rows).toHaveLength(3);
    const alerts = await listAlerts({ actor: people.audrey, input: {} }, ctx);
    expect(alerts.alerts.map((a) => a.title)).toEqual(['in-period']);
    expect(alerts.openCounts).toEqual({ HIGH: 1 });
    expect((await listAlerts({ actor: people.carla, input: {} }, ctx)).alerts.map((a) => a.title).sort()).toEqual([
      'before-period',
      'in-period',
    ]);
  });

  it('policy exceptions: only those of the audit’s environments that ran during the period', async () => {
    const ctx = { db, now };
    const exception = (toolId: string, environment: 'PRODUCTION' | 'STAGING', requested: Date, expires: Date) => ({
      toolId,
      environment,
      rules: ['MIN_TIER'],
      justification: 'Needed until the publisher reaches Gold.',
      compensatingControls: 'Weekly review.',
      remediationPlan: 'Replace the tool.',
      remediationDate: expires,
      expiresAt: expires,
      requestedById: people.carla.id,
      createdAt: requested,
    });
    const rows = await Promise.all([
      db.policyException.create({ data: exception(ids.prodTool, 'PRODUCTION', daysAgo(20), daysAgo(-20)) }),
      db.policyException.create({ data: exception(ids.stagingTool, 'STAGING', daysAgo(20), daysAgo(-20)) }),
      db.policyException.create({ data: exception(ids.prodTool, 'PRODUCTION', daysAgo(90), daysAgo(50)) }),
    ]);
    const mine = await listPolicyExceptions({ actor: people.audrey, input: {} }, ctx);
    expect(mine.rows.map((r) => r.id)).toEqual([rows[0].id]);
    expect((await listPolicyExceptions({ actor: people.carla, input: {} }, ctx)).total).toBe(3);
  });

  it('inventory: only tools in use in the audit’s environments', async () => {
    const ctx = { db, now };
    const tools = (await findToolsForInventory({ actor: people.audrey, input: {} }, ctx)).rows.map((t) => t.id);
    expect(tools).toContain(ids.prodTool);
    expect(tools).not.toContain(ids.stagingTool);
    expect((await findToolsForInventory({ actor: people.carla, input: {} }, ctx)).rows.map((t) => t.id)).toContain(
      ids.stagingTool,
    );
  });

  it('audit trail: only the period (and the audit’s own activity), filterable to one audit', async () => {
    const ctx = { db, now };
    // Everything here was recorded today, after the period: the auditor sees only their audit's own records.
    const rows = (await listAuditEvents({ actor: people.audrey, input: { pageSize: 500 } }, ctx)).rows;
    expect(rows.map((r) => [r.entityType, r.entityId])).toEqual([['AuditEngagement', ids.engagement]]);
    expect((await listAuditEvents({ actor: people.carla, input: { pageSize: 500 } }, ctx)).rows.length).toBeGreaterThan(5);
    const audit = (await listAuditEvents({ actor: people.carla, input: { engagement: ids.engagement } }, ctx)).rows;
    expect(audit.map((r) => r.action)).toEqual(['engagement.created']);
  });

  it('an auditor with no open audit sees nothing, even if called past the entry point', async () => {
    const ctx = { db, now };
    expect((await listChangeRequests({ actor: people.nora, input: {} }, ctx)).total).toBe(0);
    expect((await listEnforcementDecisions({ actor: people.nora, input: {} }, ctx)).rows).toHaveLength(0);
    expect((await listAlerts({ actor: people.nora, input: {} }, ctx)).total).toBe(0);
    expect((await listAlerts({ actor: people.nora, input: {} }, ctx)).openCounts).toEqual({});
    expect((await listAuditEvents({ actor: people.nora, input: {} }, ctx)).rows).toHaveLength(0);
    expect((await findToolsForInventory({ actor: people.nora, input: {} }, ctx)).rows).toHaveLength(0);
    expect((await listPolicyExceptions({ actor: people.nora, input: {} }, ctx)).total).toBe(0);
  });
});

/** A read refused as outside the auditor's audits: 403, and the attempt on the record. */
async function expectRefused(read: Promise<unknown>, entityType: AuditEntityType, entityId: string) {
  const err = await read.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).status).toBe(403);
  expect(await db.auditEvent.count({ where: { action: 'engagement.accessRefused', entityType, entityId } })).toBe(1);
}

describe('detail reads, scoped to the auditor’s open audits (outside: 403 and logged)', () => {
  it('tool detail, risk and data flow: a tool of the audit’s inventory opens, another is refused', async () => {
    const ctx = { db, now };
    const asAudrey = { actor: people.audrey, input: { toolId: ids.prodTool } };
    expect((await getToolDetail(asAudrey, ctx))?.tool.id).toBe(ids.prodTool);
    expect((await getToolRisk(asAudrey, ctx))?.tool.id).toBe(ids.prodTool);
    expect((await getToolDataFlow(asAudrey, ctx))?.tool.id).toBe(ids.prodTool);
    await expectRefused(
      getToolDetail({ actor: people.audrey, input: { toolId: ids.stagingTool } }, ctx),
      'Tool',
      ids.stagingTool,
    );
    await expect(getToolRisk({ actor: people.audrey, input: { toolId: ids.stagingTool } }, ctx)).rejects.toMatchObject({
      status: 403,
    });
    // Unknown stays a 404 (null), not a 403; other roles see every tool.
    expect(await getToolDetail({ actor: people.audrey, input: { toolId: 'cnotatoolatall0000000000' } }, ctx)).toBeNull();
    expect((await getToolDetail({ actor: people.carla, input: { toolId: ids.stagingTool } }, ctx))?.tool.id).toBe(
      ids.stagingTool,
    );
  });

  it('agent data flow: an agent of the audit’s environments opens, another is refused', async () => {
    const ctx = { db, now };
    expect((await getAgentDataFlow({ actor: people.audrey, input: { agentId: ids.prodAgent } }, ctx))?.agent.id).toBe(
      ids.prodAgent,
    );
    await expectRefused(
      getAgentDataFlow({ actor: people.audrey, input: { agentId: ids.stagingAgent } }, ctx),
      'Agent',
      ids.stagingAgent,
    );
    expect(await getAgentDataFlow({ actor: people.carla, input: { agentId: ids.stagingAgent } }, ctx)).not.toBeNull();
  });

  it('policy exception detail: as the list (environment, and ran during the period)', async () => {
    const ctx = { db, now };
    const exception = (toolId: string, environment: 'PRODUCTION' | 'STAGING') => ({
      toolId,
      environment,
      rules: ['MIN_TIER'],
      justification: 'Needed until the publisher reaches Gold.',
      compensatingControls: 'Weekly review.',
      remediationPlan: 'Replace the tool.',
      remediationDate: daysAgo(-20),
      expiresAt: daysAgo(-20),
      requestedById: people.carla.id,
      createdAt: daysAgo(20),
    });
    const inside = await db.policyException.create({ data: exception(ids.prodTool, 'PRODUCTION') });
    const outside = await db.policyException.create({ data: exception(ids.stagingTool, 'STAGING') });
    expect((await getPolicyException({ actor: people.audrey, input: { id: inside.id } }, ctx)).id).toBe(inside.id);
    await expectRefused(
      getPolicyException({ actor: people.audrey, input: { id: outside.id } }, ctx),
      'PolicyException',
      outside.id,
    );
    expect((await getPolicyException({ actor: people.carla, input: { id: outside.id } }, ctx)).id).toBe(outside.id);
  });

  it('incidents: those open during the period, in the list and the detail', async () => {
    const ctx = { db, now };
    const incident = (title: string, openedAt: Date, closedAt: Date) =>
      db.incident.create({
        data: {
          title,
          summary: 'A tool misbehaved.',
          scenario: 'COMPROMISED_TOOL',
          severity: 'HIGH',
          status: 'CLOSED',
          ownerId: people.sam.id,
          openedById: people.sam.id,
          openedAt,
          closedAt,
        },
      });
    const inside = await incident('During the period', daysAgo(40), daysAgo(20));
    const outside = await incident('Before the period', daysAgo(60), daysAgo(50));
    expect((await listIncidents({ actor: people.audrey, input: {} }, ctx)).rows.map((r) => r.id)).toEqual([inside.id]);
    expect((await listIncidents({ actor: people.carla, input: {} }, ctx)).total).toBe(2);
    expect((await getIncident({ actor: people.audrey, input: { id: inside.id } }, ctx)).id).toBe(inside.id);
    await expectRefused(getIncident({ actor: people.audrey, input: { id: outside.id } }, ctx), 'Incident', outside.id);
  });

  it('invocation events: the period’s calls of the audit’s environments, in the explorer and the detail', async () => {
    const at = daysAgo(10);
    const line = (agent: string, id: string) =>
      eventLine({ event_id: id, agent_id: agent, timestamp: new Date(at.getTime() - 1000).toISOString() });
    const body = [line(agentNames.prod, 'in-prod'), line(agentNames.staging, 'in-staging')].join('\n');
    await ingestInvocationEvents({ actor: SYSTEM_ACTOR, input: { body, single: false } }, { db, now: at });
    const ctx = { db, now };
    const mine = (await listInvocationEvents({ actor: people.audrey, input: {} }, ctx)).rows;
    expect(mine.map((e) => e.eventId)).toEqual(['in-prod']);
    const all = (await listInvocationEvents({ actor: people.carla, input: {} }, ctx)).rows;
    expect(all.map((e) => e.eventId).sort()).toEqual(['in-prod', 'in-staging']);
    const seqOf = (eventId: string) => all.find((e) => e.eventId === eventId)!.seq.toString();
    expect((await getInvocationEvent({ actor: people.audrey, input: { seq: seqOf('in-prod') } }, ctx)).event.eventId).toBe(
      'in-prod',
    );
    await expectRefused(
      getInvocationEvent({ actor: people.audrey, input: { seq: seqOf('in-staging') } }, ctx),
      'InvocationEvent',
      seqOf('in-staging'),
    );
    expect((await listInvocationEvents({ actor: people.nora, input: {} }, ctx)).rows).toHaveLength(0);
  });

  it('policies: only the audit’s environments', async () => {
    const ctx = { db, now };
    expect((await listPoliciesInScope({ actor: people.audrey, input: {} }, ctx)).map((p) => p.environment)).toEqual([
      'PRODUCTION',
    ]);
    expect(await listPoliciesInScope({ actor: people.carla, input: {} }, ctx)).toHaveLength(3);
    await expect(listPolicyVersions({ actor: people.audrey, input: { environment: 'PRODUCTION' } }, ctx)).resolves.toBeDefined();
    await expectRefused(
      listPolicyVersions({ actor: people.audrey, input: { environment: 'STAGING' } }, ctx),
      'Policy',
      'STAGING',
    );
  });

  it('overview: counts within the audit; the work queues are hidden from auditors', async () => {
    const ctx = { db, now };
    const mine = await getInventoryOverview({ actor: people.audrey, input: {} }, ctx);
    const all = await getInventoryOverview({ actor: people.carla, input: {} }, ctx);
    expect(mine.byEnvironment).toMatchObject({ PRODUCTION: 2, STAGING: 0 });
    expect(all.byEnvironment.STAGING).toBe(1);
    expect(mine.totalTools).toBeLessThan(all.totalTools);
    expect(mine.agents).toBe(1);
    expect(await getNeedsAttention({ actor: people.audrey, input: {} }, ctx)).toBeNull();
    expect(await getRiskOverview({ actor: people.audrey, input: {} }, ctx)).toBeNull();
    expect(await getNeedsAttention({ actor: people.carla, input: {} }, ctx)).not.toBeNull();
    expect((await getInventoryOverview({ actor: people.nora, input: {} }, ctx)).totalTools).toBe(0);
  });
});

/** A refusal counted from before the read (the same record may have been refused earlier in the file). */
async function expectRefusedAgain(read: () => Promise<unknown>, entityType: AuditEntityType, entityId: string) {
  const where = { action: 'engagement.accessRefused', entityType, entityId };
  const before = await db.auditEvent.count({ where });
  await expect(read()).rejects.toMatchObject({ status: 403 });
  expect(await db.auditEvent.count({ where })).toBe(before + 1);
}

describe('the pages that were still broad (ADR 0010, last update)', () => {
  it('alert detail: an alert of the period opens, an earlier one is refused and logged', async () => {
    const ctx = { db, now };
    const byTitle = async (title: string) => (await db.alert.findFirstOrThrow({ where: { title } })).id;
    const inside = await byTitle('in-period');
    const outside = await byTitle('before-period');
    expect((await getAlert({ actor: people.audrey, input: { id: inside } }, ctx)).alert.id).toBe(inside);
    await expectRefusedAgain(() => getAlert({ actor: people.audrey, input: { id: outside } }, ctx), 'Alert', outside);
    expect((await getAlert({ actor: people.carla, input: { id: outside } }, ctx)).alert.id).toBe(outside);
    await expect(getAlert({ actor: people.audrey, input: { id: 'cnotanalertatall000000000' } }, ctx)).rejects.toMatchObject({
      status: 404,
    });
  });

  it('compliance matrix: the audit’s inventory against its environments’ policies; another environment is refused', async () => {
    const ctx = { db, now };
    const mine = await getComplianceMatrix({ actor: people.audrey, input: {} }, ctx);
    expect(mine.environments).toEqual(['PRODUCTION']);
    expect(mine.rows.map((r) => r.toolId)).toContain(ids.prodTool);
    expect(mine.rows.map((r) => r.toolId)).not.toContain(ids.stagingTool);
    const all = await getComplianceMatrix({ actor: people.carla, input: {} }, ctx);
    expect(all.environments).toHaveLength(3);
    expect(all.rows.map((r) => r.toolId)).toContain(ids.stagingTool);
    await expectRefusedAgain(
      () => getComplianceMatrix({ actor: people.audrey, input: { environment: 'STAGING' } }, ctx),
      'Policy',
      'STAGING',
    );
    expect((await getComplianceMatrix({ actor: people.nora, input: {} }, ctx)).rows).toHaveLength(0);
  });

  it('vendor registers: only the publishers and registries of the audit’s inventory; another is refused', async () => {
    const ctx = { db, now };
    // A vendor none of whose tools runs in the audit's environments.
    const registry = await createRegistry(db);
    const publisher = await createPublisher(db, { registryId: registry.id, trustLevel: 'VERIFIED' });
    await createTool(db, { registryId: registry.id, publisherId: publisher.id, versions: [{ version: '1.0.0', score: 90 }] });
    const inScope = (await db.tool.findUniqueOrThrow({ where: { id: ids.prodTool } })) as {
      publisherId: string;
      registryId: string;
    };
    const publishers = (await listPublisherReviews({ actor: people.audrey, input: {} }, ctx)).rows.map((r) => r.id);
    expect(publishers).toContain(inScope.publisherId);
    expect(publishers).not.toContain(publisher.id);
    expect((await listPublisherReviews({ actor: people.carla, input: {} }, ctx)).rows.map((r) => r.id)).toContain(publisher.id);
    const registries = (await listRegistryReviews({ actor: people.audrey, input: {} }, ctx)).rows.map((r) => r.id);
    expect(registries).toEqual([inScope.registryId]);
    expect(
      (await getPublisherReview({ actor: people.audrey, input: { publisherId: inScope.publisherId } }, ctx))?.publisher.id,
    ).toBe(inScope.publisherId);
    await expectRefused(
      getPublisherReview({ actor: people.audrey, input: { publisherId: publisher.id } }, ctx),
      'Publisher',
      publisher.id,
    );
    await expectRefused(
      getRegistryReview({ actor: people.audrey, input: { registryId: registry.id } }, ctx),
      'Registry',
      registry.id,
    );
    expect((await getRegistryReview({ actor: people.carla, input: { registryId: registry.id } }, ctx))?.registry.id).toBe(
      registry.id,
    );
    expect((await listPublisherReviews({ actor: people.nora, input: {} }, ctx)).total).toBe(0);
  });

  it('data flow register: only the maps of the audit’s inventory', async () => {
    const ctx = { db, now };
    for (const toolId of [ids.prodTool, ids.stagingTool]) await deriveDataFlow({ actor: SYSTEM_ACTOR, input: { toolId } }, ctx);
    const mine = (await listDataFlowRegister({ actor: people.audrey, input: {} }, ctx)).rows.map((r) => r.toolId);
    expect(mine).toContain(ids.prodTool);
    expect(mine).not.toContain(ids.stagingTool);
    expect((await listDataFlowRegister({ actor: people.carla, input: {} }, ctx)).rows.map((r) => r.toolId)).toContain(
      ids.stagingTool,
    );
  });

  it('reports: the compliance report covers the audits’ environments; the live governance policy is refused', async () => {
    const ctx = { db, now };
    expect((await getComplianceReport({ actor: people.audrey, input: {} }, ctx)).scopedTo).toEqual(['PRODUCTION']);
    expect((await getComplianceReport({ actor: people.carla, input: {} }, ctx)).scopedTo).toBeNull();
    await expectRefusedAgain(
      () => getComplianceReport({ actor: people.audrey, input: { environment: 'STAGING' } }, ctx),
      'ComplianceReport',
      'STAGING',
    );
    expect((await getComplianceReport({ actor: people.nora, input: {} }, ctx)).total).toBe(0);
    await expectRefusedAgain(() => getGovernancePolicy({ actor: people.audrey, input: {} }, ctx), 'GovernancePolicy', 'page');
    await expectRefusedAgain(
      () => downloadGovernancePolicy({ actor: people.audrey, input: { format: 'pdf' } }, ctx),
      'GovernancePolicy',
      'pdf',
    );
    // Nothing left: no download event for the refused reads.
    expect(await db.auditEvent.count({ where: { action: 'governancePolicy.downloaded', actorId: people.audrey.id } })).toBe(0);
    expect((await getGovernancePolicy({ actor: people.carla, input: {} }, ctx)).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('controls: the criteria of the open audits only; none without one', async () => {
    const ctx = { db, now };
    expect((await getControlsView({ actor: people.audrey, input: {} }, ctx)).rows.map((r) => r.id)).toEqual(['CC8.1']);
    expect((await getControlsView({ actor: people.carla, input: {} }, ctx)).rows.length).toBeGreaterThan(5);
    expect((await getControlsView({ actor: people.nora, input: {} }, ctx)).rows).toEqual([]);
  });
});
