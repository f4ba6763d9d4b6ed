import 'server-only';
import type { PrismaClient } from '@prisma/client';
import type { EvidenceCount, EvidenceKind } from '@/lib/domain/controls';
import { SIGN_IN_ACTIONS } from '@/lib/server/evidence/sections/sign-in-events';

export interface CountRange {
  /** Undefined = from the beginning. */
  from?: Date;
  to: Date;
}

type Counter = (db: PrismaClient, range: { gte?: Date; lt: Date }) => Promise<EvidenceCount>;

/** count + newest of a table by one date column: every kept kind maps to one of these. */
function counter<W>(
  model: (db: PrismaClient) => {
    count(args: { where: W }): Promise<number>;
    findFirst(args: { where: W; orderBy: Record<string, 'desc'>; select: Record<string, true> }): Promise<unknown>;
  },
  column: string,
  extra: Record<string, unknown> = {},
): Counter {
  return async (db, range) => {
    const where = { ...extra, [column]: range } as W;
    const [count, latest] = await Promise.all([
      model(db).count({ where }),
      model(db).findFirst({ where, orderBy: { [column]: 'desc' }, select: { [column]: true } }),
    ]);
    return { count, latestAt: (latest as Record<string, Date> | null)?.[column] ?? null };
  };
}

/** Tool risks and vendor reviews of publishers and registries: one kind, three tables. */
const riskAssessmentCounter: Counter = async (db, range) => {
  const counts = await Promise.all([
    counter((d) => d.riskAssessment, 'createdAt')(db, range),
    counter((d) => d.publisherAssessment, 'createdAt')(db, range),
    counter((d) => d.registryAssessment, 'createdAt')(db, range),
  ]);
  const latest = counts.flatMap((c) => (c.latestAt ? [c.latestAt.getTime()] : []));
  return {
    count: counts.reduce((n, c) => n + c.count, 0),
    latestAt: latest.length ? new Date(Math.max(...latest)) : null,
  };
};

const COUNTERS: Partial<Record<EvidenceKind, Counter>> = {
  inventory: counter((db) => db.tool, 'createdAt'),
  'verification-records': counter((db) => db.verificationRecord, 'verifiedAt'),
  'change-requests': counter((db) => db.changeRequest, 'createdAt'),
  approvals: counter((db) => db.approval, 'createdAt'),
  allowlist: counter((db) => db.allowlistEntry, 'createdAt'),
  policies: counter((db) => db.policy, 'createdAt'),
  'policy-history': counter((db) => db.policy, 'createdAt'),
  'enforcement-decisions': counter((db) => db.enforcementDecision, 'createdAt'),
  alerts: counter((db) => db.alert, 'createdAt'),
  'sync-runs': counter((db) => db.syncRun, 'startedAt'),
  users: counter((db) => db.user, 'createdAt'),
  'role-changes': counter((db) => db.auditEvent, 'occurredAt', { action: { startsWith: 'user.', notIn: SIGN_IN_ACTIONS } }),
  'sign-in-events': counter((db) => db.auditEvent, 'occurredAt', { action: { in: SIGN_IN_ACTIONS } }),
  'api-keys': counter((db) => db.apiKey, 'createdAt'),
  'audit-trail': counter((db) => db.auditEvent, 'occurredAt'),
  'audit-chain-check': counter((db) => db.auditCheckpoint, 'createdAt'),
  exceptions: counter((db) => db.policyException, 'createdAt'),
  // Issue 13 points 4-5: generated documents, counted by what they are generated from.
  'compliance-report': counter((db) => db.installation, 'createdAt', { state: 'ACTIVE' }),
  'governance-policy': counter((db) => db.policy, 'createdAt'),
  'webhook-deliveries': counter((db) => db.webhookDelivery, 'createdAt'),
  // Issue 13 (in-app build).
  'invocation-totals': counter((db) => db.invocationEvent, 'occurredAt'),
  'invocation-chain-check': counter((db) => db.invocationEvent, 'receivedAt'),
  samples: counter((db) => db.engagementSample, 'createdAt'),
  'tool-definition-reports': counter((db) => db.toolDefinitionReport, 'reportedAt'),
  incidents: counter((db) => db.incident, 'openedAt'),
  // Data flow maps (issue 12.2): every version of a map; subprocessors = versions that send data out.
  'data-flows': counter((db) => db.dataFlowMap, 'createdAt'),
  subprocessors: counter((db) => db.dataFlowMap, 'createdAt', { subprocessor: true }),
  'risk-assessments': riskAssessmentCounter,
};

/** Records of every kind the instance keeps, in the range; kinds it does not keep are absent. */
export async function countEvidence(db: PrismaClient, range: CountRange): Promise<Partial<Record<EvidenceKind, EvidenceCount>>> {
  const window = { ...(range.from ? { gte: range.from } : {}), lt: range.to };
  const entries = await Promise.all(
    Object.entries(COUNTERS).map(async ([kind, count]) => [kind, await count!(db, window)] as const),
  );
  return Object.fromEntries(entries);
}
