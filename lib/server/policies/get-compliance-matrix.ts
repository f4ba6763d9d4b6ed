import 'server-only';
import { EXCEPTION_FACTS_SELECT } from '@/lib/server/exceptions/exception-facts-select';
import type { Prisma } from '@prisma/client';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { auditEnvironments, auditorToolScope, auditorWindows, refuseOutsideAudits } from '@/lib/server/engagements/auditor-scope';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { evaluatePolicy } from '@/lib/domain/policy/evaluate';
import type { ExceptionFacts, PolicyRule, ReviewTriggerHit } from '@/lib/domain/policy/types';
import { ENVIRONMENTS, type Environment, type Tier } from '@/lib/domain/types';
import { getCurrentPolicies } from './get-current-policies';
import { VERSION_FACTS_SELECT, versionFactsOf } from './version-facts';

export type MatrixStatus = 'all' | 'failing' | 'covered' | 'passing';

export interface MatrixQuery {
  q?: string;
  status?: MatrixStatus;
  /** Evaluate each tool's latest version only (default) or every version. */
  scope?: 'latest' | 'all';
  environment?: Environment;
  page?: number;
  pageSize?: number;
}

export interface MatrixCell {
  environment: Environment;
  passes: boolean;
  blocking: { rule: PolicyRule; reason: string }[];
  covered: { rule: PolicyRule; reason: string; exceptionId: string; expiresAt: Date }[];
  reviewTriggers: ReviewTriggerHit[];
}

export interface MatrixRow {
  toolId: string;
  toolName: string;
  toolVersionId: string;
  version: string;
  tier: Tier;
  trustScore: number | null;
  cells: MatrixCell[];
}

export type CellStatus = 'pass' | 'fail' | 'exception';
/** Per environment, how many matching versions pass, fail, or pass only under an exception. */
export type MatrixSummary = Partial<Record<Environment, Record<CellStatus, number>>>;

/** One word per cell: fails, passes only because an exception covers a rule, or passes. */
export function cellStatus(cell: MatrixCell): CellStatus {
  return !cell.passes ? 'fail' : cell.covered.length ? 'exception' : 'pass';
}

const BATCH = 200;
// Status filters need evaluation, which SQL cannot do: stop after this many versions.
const MAX_SCANNED = 20_000;

function matches(row: MatrixRow, status: MatrixStatus, env?: Environment): boolean {
  const cells = env ? row.cells.filter((c) => c.environment === env) : row.cells;
  if (status === 'failing') return cells.some((c) => !c.passes);
  if (status === 'covered') return cells.some((c) => c.covered.length > 0);
  if (status === 'passing') return cells.every((c) => c.passes && c.covered.length === 0);
  return true;
}

/** Every tool version against every environment's current policy, with violations and covering exceptions. */
export async function getComplianceMatrix({ actor, input: query }: OperationCall<MatrixQuery>, ctx?: OperationContextInput) {
  const { db: prisma, now } = await operationContext(ctx);
  assertActorCan(actor, 'policy:read');
  // Read through the same client (uncached): the matrix is what is in force now.
  const policies = await getCurrentPolicies({ db: prisma });
  const status = query.status ?? 'all';
  const pageSize = Math.min(Math.max(query.pageSize ?? 50, 1), 200);
  const page = Math.max(query.page ?? 1, 1);
  // The matrix is today's state, not a period's record: an auditor sees the tools of their
  // inventory (auditorToolScope) against the policies of their open audits' environments only
  // (ADR 0010); another environment asked for by name is refused and logged.
  const windows = await auditorWindows(prisma, actor, now);
  const allowed = auditEnvironments(windows) ?? [...ENVIRONMENTS];
  if (query.environment && !allowed.includes(query.environment))
    await refuseOutsideAudits(prisma, actor, 'Policy', query.environment);
  const toolScope = windows ? await auditorToolScope(prisma, actor, now) : null;
  const where: Prisma.ToolVersionWhereInput = {
    ...(query.scope === 'all' ? {} : { latestOf: { isNot: null } }),
    ...(query.q ? { tool: { name: { contains: query.q, mode: 'insensitive' } } } : {}),
    ...(toolScope ? { AND: [{ tool: toolScope }] } : {}),
  };
  const environments = query.environment ? [query.environment] : ENVIRONMENTS.filter((e) => allowed.includes(e));

  async function evaluateBatch(skip: number, take: number): Promise<MatrixRow[]> {
    const versions = await prisma.toolVersion.findMany({
      where,
      orderBy: [{ tool: { name: 'asc' } }, { createdAt: 'desc' }, { id: 'asc' }],
      skip,
      take,
      select: { ...VERSION_FACTS_SELECT, version: true, tool: { select: { name: true } } },
    });
    const exceptions: ExceptionFacts[] = versions.length
      ? await prisma.policyException.findMany({
          where: { toolId: { in: [...new Set(versions.map((v) => v.toolId))] }, status: 'APPROVED' },
          select: EXCEPTION_FACTS_SELECT,
        })
      : [];
    const expiry = new Map(exceptions.map((e) => [e.id, e.expiresAt]));
    return versions.map((v) => {
      const facts = versionFactsOf(v);
      const own = exceptions.filter((e) => e.toolId === v.toolId);
      const cells = environments.map((environment): MatrixCell => {
        const r = evaluatePolicy(policies[environment], facts, { now, exceptions: own });
        return {
          environment,
          passes: r.passes,
          blocking: r.blocking.map(({ rule, reason }) => ({ rule, reason })),
          covered: r.verdicts.flatMap((x) =>
            x.coveredBy
              ? [{ rule: x.rule, reason: x.reason, exceptionId: x.coveredBy, expiresAt: expiry.get(x.coveredBy)! }]
              : [],
          ),
          reviewTriggers: r.reviewTriggers,
        };
      });
      return {
        toolId: v.toolId,
        toolName: v.tool.name,
        toolVersionId: v.id,
        version: v.version,
        tier: v.tier,
        trustScore: v.trustScore,
        cells,
      };
    });
  }

  // Evaluate in batches, keep matches, count them all so pages add up and the summary row
  // counts every matching version (status filters need evaluation, which SQL cannot do).
  const wanted = { from: (page - 1) * pageSize, to: page * pageSize };
  const rows: MatrixRow[] = [];
  const summary = Object.fromEntries(environments.map((e) => [e, { pass: 0, fail: 0, exception: 0 }])) as MatrixSummary;
  let matched = 0;
  let scanned = 0;
  for (;;) {
    const batch = await evaluateBatch(scanned, BATCH);
    scanned += batch.length;
    for (const row of batch) {
      if (!matches(row, status, query.environment)) continue;
      if (matched >= wanted.from && matched < wanted.to) rows.push(row);
      for (const c of row.cells) summary[c.environment]![cellStatus(c)]++;
      matched++;
    }
    if (batch.length < BATCH || scanned >= MAX_SCANNED) break;
  }
  return { rows, total: matched, page, pageSize, truncated: scanned >= MAX_SCANNED, environments, policies, summary };
}

export type ComplianceMatrix = Awaited<ReturnType<typeof getComplianceMatrix>>;
