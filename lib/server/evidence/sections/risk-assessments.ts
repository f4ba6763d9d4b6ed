import type { PackScope, Row, SectionContext, TableSection } from './types';
import { afterId, iso, paged } from './paged';

const COLUMNS = [
  'id',
  'subject',
  'subjectId',
  'subjectName',
  'current',
  'previousId',
  'assessedAt',
  'assessedById',
  'likelihood',
  'impact',
  'inherentScore',
  'controls',
  'residualLikelihood',
  'residualImpact',
  'residualScore',
  'treatment',
  'rating',
  'conclusion',
  'notes',
  'owner',
  'nextReviewAt',
  'overrides',
  'details',
] as const;

const blank = Object.fromEntries(COLUMNS.map((c) => [c, null])) as Row;
/** Current at the period end: nothing replaced it before then. */
const currentAt = (scope: PackScope, next: { createdAt: Date } | null) => !next || next.createdAt >= scope.to;
const nextSelect = { next: { select: { createdAt: true } } } as const;

/** Tool risks, then publisher reviews, then registry reviews, each in id order. */
async function* rows({ db, scope }: SectionContext): AsyncIterable<Row> {
  const made = { createdAt: { lt: scope.to } };
  const tools = scope.toolIds.length ? { id: { in: scope.toolIds } } : undefined;
  const toolRisks = paged((after, take) =>
    db.riskAssessment.findMany({
      where: { ...afterId(after), ...made, ...(tools ? { toolId: { in: scope.toolIds } } : {}) },
      include: { tool: { select: { name: true } }, ...nextSelect },
      orderBy: { id: 'asc' },
      take,
    }),
  );
  for await (const a of toolRisks)
    yield {
      ...blank,
      id: a.id,
      subject: 'tool',
      subjectId: a.toolId,
      subjectName: a.tool.name,
      current: currentAt(scope, a.next),
      previousId: a.previousId,
      assessedAt: iso(a.assessedAt),
      assessedById: a.assessorId,
      likelihood: a.likelihood,
      impact: a.impact,
      inherentScore: a.inherentScore,
      controls: a.controls,
      residualLikelihood: a.residualLikelihood,
      residualImpact: a.residualImpact,
      residualScore: a.residualScore,
      treatment: a.treatment,
      owner: a.owner,
      nextReviewAt: iso(a.nextReviewAt),
      overrides: a.overrides as unknown[],
      details: { toolVersionId: a.toolVersionId, suggestion: a.suggestion },
    };

  const publishers = paged((after, take) =>
    db.publisherAssessment.findMany({
      where: { ...afterId(after), ...made, ...(tools ? { publisher: { tools: { some: tools } } } : {}) },
      include: { publisher: { select: { name: true } }, ...nextSelect },
      orderBy: { id: 'asc' },
      take,
    }),
  );
  for await (const a of publishers)
    yield {
      ...blank,
      id: a.id,
      subject: 'publisher',
      subjectId: a.publisherId,
      subjectName: a.publisher.name,
      current: currentAt(scope, a.next),
      previousId: a.previousId,
      assessedAt: iso(a.reviewedAt),
      assessedById: a.reviewerId,
      rating: a.rating,
      conclusion: a.conclusion,
      notes: a.notes,
      owner: a.owner,
      nextReviewAt: iso(a.nextReviewAt),
      overrides: a.overrides as unknown[],
      details: {
        identityConfirmed: a.identityConfirmed,
        identityVerifiedAt: iso(a.identityVerifiedAt),
        trustLevel: a.trustLevel,
        trackRecord: a.trackRecord,
        suggestion: a.suggestion,
      },
    };

  const registries = paged((after, take) =>
    db.registryAssessment.findMany({
      where: { ...afterId(after), ...made, ...(tools ? { registry: { tools: { some: tools } } } : {}) },
      include: { registry: { select: { name: true } }, ...nextSelect },
      orderBy: { id: 'asc' },
      take,
    }),
  );
  for await (const a of registries)
    yield {
      ...blank,
      id: a.id,
      subject: 'registry',
      subjectId: a.registryId,
      subjectName: a.registry.name,
      current: currentAt(scope, a.next),
      previousId: a.previousId,
      assessedAt: iso(a.reviewedAt),
      assessedById: a.reviewerId,
      rating: a.rating,
      conclusion: a.conclusion,
      notes: a.notes,
      owner: a.owner,
      nextReviewAt: iso(a.nextReviewAt),
      overrides: a.overrides as unknown[],
      details: { verification: a.verification, signing: a.signing, coverage: a.coverage, suggestion: a.suggestion },
    };
}

/**
 * Risk assessments of tools and vendor reviews of their publishers and registries made by the
 * period end, every reassessment included (previousId links each to the one it replaced;
 * `current` marks the one standing at the period end). Scoped to tools: their publishers and
 * registries. Not per environment: an assessment is about the tool wherever it runs.
 */
export const riskAssessmentsSection: TableSection = {
  kind: 'risk-assessments',
  shape: 'table',
  columns: COLUMNS,
  rows,
};
