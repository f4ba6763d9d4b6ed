import 'server-only';
import type { Prisma } from '@prisma/client';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { auditorToolScope } from '@/lib/server/engagements/auditor-scope';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { containsText } from '@/lib/server/text-search';
import { vendorReviewStatus } from '@/lib/domain/vendors/review';
import { ZVendorReviewQuery, type TVendorReviewQuery } from '@/lib/validation/vendors';

/**
 * The publisher reviews list: every publisher with its current review (the row no later one
 * replaced) or none, filtered from the URL, by name; with the overdue and never-reviewed counts
 * over the same filtered set.
 */
export async function listPublisherReviews({ actor, input }: OperationCall<TVendorReviewQuery>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'risk:read');
  const q = parseInput(ZVendorReviewQuery, input);
  const current = { next: { is: null } };
  const reviewFilter: Prisma.PublisherAssessmentWhereInput = {
    ...current,
    ...(q.rating ? { rating: q.rating } : {}),
    ...(q.conclusion ? { conclusion: q.conclusion } : {}),
  };
  const base: Prisma.PublisherWhereInput = {
    ...(q.q ? { name: containsText(q.q) } : {}),
    ...(q.inUse ? { tools: { some: { installations: { some: { state: { not: 'REVOKED' } } } } } } : {}),
    ...(q.rating || q.conclusion ? { assessments: { some: reviewFilter } } : {}),
  };
  const STATUS: Record<NonNullable<typeof q.status>, Prisma.PublisherWhereInput> = {
    NOT_REVIEWED: { assessments: { none: {} } },
    CURRENT: { assessments: { some: { ...current, nextReviewAt: { gte: now } } } },
    OVERDUE: { assessments: { some: { ...current, nextReviewAt: { lt: now } } } },
  };
  // An auditor sees the vendors of their inventory: publishers of a tool in it (ADR 0010).
  const scope = await auditorToolScope(db, actor, now);
  const scoped: Prisma.PublisherWhereInput = scope ? { AND: [base, { tools: { some: scope } }] } : base;
  const where: Prisma.PublisherWhereInput = q.status ? { AND: [scoped, STATUS[q.status]] } : scoped;
  const [total, rows, overdue, notReviewed] = await Promise.all([
    db.publisher.count({ where }),
    db.publisher.findMany({
      where,
      select: {
        id: true,
        name: true,
        trustLevel: true,
        identityVerifiedAt: true,
        identityWithdrawnAt: true,
        registry: { select: { id: true, name: true } },
        _count: { select: { tools: true } },
        assessments: {
          where: current,
          take: 1,
          select: { id: true, rating: true, conclusion: true, owner: true, reviewedAt: true, nextReviewAt: true },
        },
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.publisher.count({ where: { AND: [where, STATUS.OVERDUE] } }),
    db.publisher.count({ where: { AND: [where, STATUS.NOT_REVIEWED] } }),
  ]);
  return {
    rows: rows.map(({ assessments, _count, ...p }) => {
      const review = assessments[0] ?? null;
      return { ...p, tools: _count.tools, review, status: vendorReviewStatus(review, now) };
    }),
    total,
    overdue,
    notReviewed,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export type PublisherReviewRow = Awaited<ReturnType<typeof listPublisherReviews>>['rows'][number];
