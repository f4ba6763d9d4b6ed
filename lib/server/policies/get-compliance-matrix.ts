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
import { scanMatrix, type CellFlags } from './compliance-scan';

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

/** The status filter on a row's cells (the environments asked for only). */
function matchesFlags(cells: CellFlags[], status: MatrixStatus): boolean {
  if (status === 'failing') return cells.some((c) => !c.passes);
  if (status === 'covered') return cells.some((c) => c.covered);
  if (status === 'passing') return cells.every((c) => c.passes && !c.covered);
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

  const evaluateBatch = (skip: number, take: number) => evaluateVersions({}, skip, take);
  async function evaluateVersions(extra: Prisma.ToolVersionWhereInput, skip = 0, take?: number): Promise<MatrixRow[]> {
    const versions = await prisma.toolVersion.findMany({
      where: { AND: [where, extra] },
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

  // Which versions match the status filter, and the summary, come from one scan of every version
  // the other filters select, kept per process until a governing change (the enforcement
  // generation) or the next exception expiry: a render evaluates only its own page's versions.
  const scan = await scanMatrix(prisma, { query, environments, now }, evaluateBatch);
  const matching = scan.rows.filter((r) => matchesFlags(r.cells, status));
  const summary = Object.fromEntries(environments.map((e) => [e, { pass: 0, fail: 0, exception: 0 }])) as MatrixSummary;
  for (const r of matching)
    r.cells.forEach((c, i) => summary[environments[i]!]![c.passes ? (c.covered ? 'exception' : 'pass') : 'fail']++);
  const pageIds = matching.slice((page - 1) * pageSize, page * pageSize).map((r) => r.id);
  const evaluated = pageIds.length ? await evaluateVersions({ id: { in: pageIds } }) : [];
  const byId = new Map(evaluated.map((r) => [r.toolVersionId, r]));
  const rows = pageIds.flatMap((id) => byId.get(id) ?? []);
  return { rows, total: matching.length, page, pageSize, truncated: scan.truncated, environments, policies, summary };
}

export type ComplianceMatrix = Awaited<ReturnType<typeof getComplianceMatrix>>;
