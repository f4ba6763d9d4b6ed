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
import { createEngagement } from './create-engagement';

withTestDatabase();
let db: PrismaClient;
type Person = Actor & { type: 'USER' };
const people = {} as Record<'ada' | 'carla' | 'chris' | 'sam' | 'audrey' | 'nora', Person>;
const DAY = 86_400_000;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
const day = (d: Date) => d.toISOString().slice(0, 10);
const ids = {} as Record<'inScope' | 'otherEnv' | 'beforePeriod' | 'prodTool' | 'stagingTool' | 'engagement', string>;

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
