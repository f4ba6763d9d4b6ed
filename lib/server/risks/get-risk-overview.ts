import 'server-only';
import { isAuditor } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { RISK_BAND_FLOORS } from '@/lib/domain/risk/score';

const LISTED = 5;

export interface OverdueReview {
  kind: 'tool' | 'publisher' | 'registry';
  name: string;
  href: string;
  dueAt: Date;
}

/**
 * The overview's risk figures: tools in use nobody assessed, high or critical residual risks,
 * overdue reviews (tool risks and vendor reviews of publishers and registries), and the
 * longest-overdue reviews by name so the overview says which.
 */
export async function getRiskOverview({ actor }: OperationCall<Record<string, never>>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'risk:read');
  // Hidden for an auditor (ADR 0010): today's queue across every environment, not cheaply scoped to an audit.
  if (isAuditor(actor)) return null;
  const current = { next: { is: null } };
  const overdueWhere = { ...current, nextReviewAt: { lt: now } };
  const oldestFirst = { orderBy: [{ nextReviewAt: 'asc' as const }, { id: 'asc' as const }], take: LISTED };
  const [unassessedInUse, highOrCritical, overdue, vendorOverdue, registryOverdue, tools, publishers, registries] =
    await Promise.all([
      db.tool.count({ where: { installations: { some: { state: { not: 'REVOKED' } } }, riskAssessments: { none: {} } } }),
      db.riskAssessment.count({ where: { ...current, residualScore: { gte: RISK_BAND_FLOORS.HIGH } } }),
      db.riskAssessment.count({ where: overdueWhere }),
      db.publisherAssessment.count({ where: overdueWhere }),
      db.registryAssessment.count({ where: overdueWhere }),
      db.riskAssessment.findMany({
        where: overdueWhere,
        select: { nextReviewAt: true, tool: { select: { id: true, name: true } } },
        ...oldestFirst,
      }),
      db.publisherAssessment.findMany({
        where: overdueWhere,
        select: { nextReviewAt: true, publisher: { select: { id: true, name: true } } },
        ...oldestFirst,
      }),
      db.registryAssessment.findMany({
        where: overdueWhere,
        select: { nextReviewAt: true, registry: { select: { id: true, name: true } } },
        ...oldestFirst,
      }),
    ]);
  const overdueReviews: OverdueReview[] = [
    ...tools.map((t) => ({ kind: 'tool' as const, name: t.tool.name, href: `/risks/${t.tool.id}`, dueAt: t.nextReviewAt })),
    ...publishers.map((p) => ({
      kind: 'publisher' as const,
      name: p.publisher.name,
      href: `/risks/publishers/${p.publisher.id}`,
      dueAt: p.nextReviewAt,
    })),
    ...registries.map((r) => ({
      kind: 'registry' as const,
      name: r.registry.name,
      href: `/risks/registries/${r.registry.id}`,
      dueAt: r.nextReviewAt,
    })),
  ]
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.name.localeCompare(b.name))
    .slice(0, LISTED);
  return {
    unassessedInUse,
    highOrCritical,
    overdue,
    vendorOverdue: vendorOverdue + registryOverdue,
    overdueReviews,
  };
}
