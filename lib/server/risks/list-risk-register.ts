import 'server-only';
import type { Prisma } from '@prisma/client';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { auditorToolScope } from '@/lib/server/engagements/auditor-scope';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { RISK_BAND_FLOORS, RISK_BANDS, isReviewOverdue, type RiskBand } from '@/lib/domain/risk/score';
import { ZRiskRegisterQuery, type TRiskRegisterQuery } from '@/lib/validation/risk';

/** residualScore range of a band: from its floor to just under the next band's floor. */
function bandRange(band: RiskBand): Prisma.IntFilter {
  const next = RISK_BANDS[RISK_BANDS.indexOf(band) + 1];
  return { gte: RISK_BAND_FLOORS[band], ...(next ? { lt: RISK_BAND_FLOORS[next] } : {}) };
}

/** A 5×5 count grid: grid[likelihood - 1][impact - 1]. */
export type HeatGrid = number[][];
const emptyGrid = (): HeatGrid => Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);

/**
 * The risk register: each tool's current assessment (the row no later one replaced), filtered
 * from the URL, worst residual first, with the two heat maps (inherent and residual) over the
 * same filtered set and the number of overdue reviews in it.
 */
export async function listRiskRegister({ actor, input }: OperationCall<TRiskRegisterQuery>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'risk:read');
  const q = parseInput(ZRiskRegisterQuery, input);
  const residual: Prisma.IntFilter = { ...(q.band ? bandRange(q.band) : {}) };
  if (q.minResidual !== undefined) residual.gte = Math.max((residual.gte as number | undefined) ?? 1, q.minResidual);
  const where: Prisma.RiskAssessmentWhereInput = {
    next: { is: null },
    ...(q.q ? { tool: { name: { contains: q.q, mode: 'insensitive' } } } : {}),
    ...(q.treatment ? { treatment: q.treatment } : {}),
    ...(Object.keys(residual).length ? { residualScore: residual } : {}),
    ...(q.overdue ? { nextReviewAt: { lt: now } } : {}),
  };
  // Each tool's current assessment is today's state: an auditor sees those of the tools in their
  // inventory (auditorToolScope, ADR 0010).
  const scope = await auditorToolScope(db, actor, now);
  if (scope) where.AND = [{ tool: scope }];
  const [total, rows, cells, overdue] = await Promise.all([
    db.riskAssessment.count({ where }),
    db.riskAssessment.findMany({
      where,
      include: { tool: { select: { name: true } }, assessor: { select: { name: true } } },
      orderBy: [{ residualScore: 'desc' }, { inherentScore: 'desc' }, { nextReviewAt: 'asc' }, { id: 'asc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.riskAssessment.groupBy({
      by: ['likelihood', 'impact', 'residualLikelihood', 'residualImpact'],
      where,
      _count: { _all: true },
    }),
    db.riskAssessment.count({ where: { AND: [where, { nextReviewAt: { lt: now } }] } }),
  ]);
  const inherent = emptyGrid();
  const residualGrid = emptyGrid();
  for (const c of cells) {
    inherent[c.likelihood - 1]![c.impact - 1]! += c._count._all;
    residualGrid[c.residualLikelihood - 1]![c.residualImpact - 1]! += c._count._all;
  }
  return {
    rows: rows.map((r) => ({ ...r, overdue: isReviewOverdue(r.nextReviewAt, now) })),
    total,
    overdue,
    page: q.page,
    pageSize: q.pageSize,
    heat: { inherent, residual: residualGrid },
  };
}

export type RiskRegister = Awaited<ReturnType<typeof listRiskRegister>>;
export type RiskRegisterRow = RiskRegister['rows'][number];
