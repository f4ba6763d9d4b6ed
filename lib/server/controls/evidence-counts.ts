import 'server-only';
import type { Environment, PrismaClient } from '@prisma/client';
import type { EvidenceCount, EvidenceKind } from '@/lib/domain/controls';
import { ENVIRONMENTS } from '@/lib/domain/types';
import { SIGN_IN_ACTIONS } from '@/lib/server/evidence/sections/sign-in-events';

/** One audit's slice of the records: its period [from, to) and its environments (an AuditWindow fits). */
export interface CountSlice {
  from: Date;
  to: Date;
  environments: Environment[];
}

export interface CountRange {
  /** Undefined = from the beginning. */
  from?: Date;
  to: Date;
  /**
   * An auditor's open audits (ADR 0010): count only the records inside one of them, each audit
   * with its own period (cut at `to`) and environments, so a gap between two audits' periods is
   * not counted. Undefined = the whole range.
   */
  slices?: CountSlice[];
}

/** Which records to count: the range's, or those inside one of the audits' slices. */
type CountScope = { range: { gte?: Date; lt: Date } } | { slices: { range: { gte: Date; lt: Date }; env: EnvironmentScope }[] };

/** One slice's environments, with the agents in them (decisions and calls name their agent, not an environment). */
interface EnvironmentScope {
  environments: Environment[];
  /** Every environment: records of an unknown agent count too, as on the auditor's other pages. */
  all: boolean;
  agentIds: string[];
}

type Counter = (db: PrismaClient, scope: CountScope) => Promise<EvidenceCount>;

/** How a kind's records name their environment; kinds without one are counted by period alone. */
type InEnvironments = (e: EnvironmentScope) => Record<string, unknown>;

const environmentIn: InEnvironments = (e) => ({ environment: { in: e.environments } });
const requestIn: InEnvironments = (e) => ({ changeRequest: environmentIn(e) });
const agentIn: InEnvironments = (e) => ({
  OR: [{ agentId: { in: e.agentIds } }, ...(e.all ? [{ agentId: null }] : [])],
});

/** count + newest of a table by one date column: every kept kind maps to one of these. */
function counter<W>(
  model: (db: PrismaClient) => {
    count(args: { where: W }): Promise<number>;
    findFirst(args: { where: W; orderBy: Record<string, 'desc'>; select: Record<string, true> }): Promise<unknown>;
  },
  column: string,
  extra: Record<string, unknown> = {},
  inEnvironments?: InEnvironments,
): Counter {
  return async (db, scope) => {
    const where = (
      'range' in scope
        ? { ...extra, [column]: scope.range }
        : { ...extra, OR: scope.slices.map((s) => ({ [column]: s.range, ...inEnvironments?.(s.env) })) }
    ) as W;
    const [count, latest] = await Promise.all([
      model(db).count({ where }),
      model(db).findFirst({ where, orderBy: { [column]: 'desc' }, select: { [column]: true } }),
    ]);
    return { count, latestAt: (latest as Record<string, Date> | null)?.[column] ?? null };
  };
}

/** Tool risks and vendor reviews of publishers and registries: one kind, three tables. */
const riskAssessmentCounter: Counter = async (db, scope) => {
  const counts = await Promise.all([
    counter((d) => d.riskAssessment, 'createdAt')(db, scope),
    counter((d) => d.publisherAssessment, 'createdAt')(db, scope),
    counter((d) => d.registryAssessment, 'createdAt')(db, scope),
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
  'change-requests': counter((db) => db.changeRequest, 'createdAt', {}, environmentIn),
  approvals: counter((db) => db.approval, 'createdAt', {}, requestIn),
  allowlist: counter((db) => db.allowlistEntry, 'createdAt', {}, environmentIn),
  policies: counter((db) => db.policy, 'createdAt', {}, environmentIn),
  'policy-history': counter((db) => db.policy, 'createdAt', {}, environmentIn),
  'enforcement-decisions': counter((db) => db.enforcementDecision, 'createdAt', {}, agentIn),
  alerts: counter((db) => db.alert, 'createdAt'),
  'sync-runs': counter((db) => db.syncRun, 'startedAt'),
  users: counter((db) => db.user, 'createdAt'),
  'role-changes': counter((db) => db.auditEvent, 'occurredAt', { action: { startsWith: 'user.', notIn: SIGN_IN_ACTIONS } }),
  'sign-in-events': counter((db) => db.auditEvent, 'occurredAt', { action: { in: SIGN_IN_ACTIONS } }),
  'api-keys': counter((db) => db.apiKey, 'createdAt'),
  'audit-trail': counter((db) => db.auditEvent, 'occurredAt'),
  'audit-chain-check': counter((db) => db.auditCheckpoint, 'createdAt'),
  exceptions: counter((db) => db.policyException, 'createdAt', {}, environmentIn),
  // Issue 13 points 4-5: generated documents, counted by what they are generated from.
  'compliance-report': counter((db) => db.installation, 'createdAt', { state: 'ACTIVE' }, environmentIn),
  'governance-policy': counter((db) => db.policy, 'createdAt', {}, environmentIn),
  'webhook-deliveries': counter((db) => db.webhookDelivery, 'createdAt'),
  // Issue 13 (in-app build).
  'invocation-totals': counter((db) => db.invocationEvent, 'occurredAt', {}, agentIn),
  'invocation-chain-check': counter((db) => db.invocationEvent, 'receivedAt', {}, agentIn),
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
  const scope = await countScope(db, range);
  const entries = await Promise.all(
    Object.entries(COUNTERS).map(async ([kind, count]) => [kind, await count!(db, scope)] as const),
  );
  return Object.fromEntries(entries);
}

async function countScope(db: PrismaClient, range: CountRange): Promise<CountScope> {
  if (!range.slices) return { range: { ...(range.from ? { gte: range.from } : {}), lt: range.to } };
  // Each slice up to `to` (a running audit counts up to now); one that has not begun counts nothing.
  const slices = range.slices
    .map((s) => ({ ...s, to: new Date(Math.min(s.to.getTime(), range.to.getTime())) }))
    .filter((s) => s.from < s.to);
  // No slice left: an empty range, which matches nothing (rather than an OR of no conditions).
  if (slices.length === 0) return { range: { gte: range.to, lt: range.to } };
  const agents = await db.agent.findMany({
    where: { environment: { in: [...new Set(slices.flatMap((s) => s.environments))] } },
    select: { id: true, environment: true },
  });
  return {
    slices: slices.map((s) => ({
      range: { gte: s.from, lt: s.to },
      env: {
        environments: s.environments,
        all: ENVIRONMENTS.every((e) => s.environments.includes(e)),
        agentIds: agents.filter((a) => s.environments.includes(a.environment)).map((a) => a.id),
      },
    })),
  };
}
