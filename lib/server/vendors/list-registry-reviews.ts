import 'server-only';
import type { Prisma } from '@prisma/client';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { auditorToolScope } from '@/lib/server/engagements/auditor-scope';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { containsText } from '@/lib/server/text-search';
import { vendorReviewStatus } from '@/lib/domain/vendors/review';
import { ZVendorReviewQuery, type TVendorReviewQuery } from '@/lib/validation/vendors';

/** The registry reviews list: every registry with its current review or none, filtered from the URL. */
export async function listRegistryReviews({ actor, input }: OperationCall<TVendorReviewQuery>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'risk:read');
  const q = parseInput(ZVendorReviewQuery, input);
  const current = { next: { is: null } };
  const base: Prisma.RegistryWhereInput = {
    ...(q.q ? { name: containsText(q.q) } : {}),
    ...(q.rating || q.conclusion
      ? {
          assessments: {
            some: {
              ...current,
              ...(q.rating ? { rating: q.rating } : {}),
              ...(q.conclusion ? { conclusion: q.conclusion } : {}),
            },
          },
        }
      : {}),
  };
  const STATUS: Record<NonNullable<typeof q.status>, Prisma.RegistryWhereInput> = {
    NOT_REVIEWED: { assessments: { none: {} } },
    CURRENT: { assessments: { some: { ...current, nextReviewAt: { gte: now } } } },
    OVERDUE: { assessments: { some: { ...current, nextReviewAt: { lt: now } } } },
  };
  // An auditor sees the registries their inventory's tools come from (ADR 0010).
  const scope = await auditorToolScope(db, actor, now);
  const scoped: Prisma.RegistryWhereInput = scope ? { AND: [base, { tools: { some: scope } }] } : base;
  const where: Prisma.RegistryWhereInput = q.status ? { AND: [scoped, STATUS[q.status]] } : scoped;
  const [total, rows, overdue, notReviewed] = await Promise.all([
    db.registry.count({ where }),
    db.registry.findMany({
      where,
      select: {
        id: true,
        name: true,
        kind: true,
        enabled: true,
        _count: { select: { tools: true, publishers: true } },
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
    db.registry.count({ where: { AND: [where, STATUS.OVERDUE] } }),
    db.registry.count({ where: { AND: [where, STATUS.NOT_REVIEWED] } }),
  ]);
  return {
    rows: rows.map(({ assessments, _count, ...r }) => {
      const review = assessments[0] ?? null;
      return { ...r, tools: _count.tools, publishers: _count.publishers, review, status: vendorReviewStatus(review, now) };
    }),
    total,
    overdue,
    notReviewed,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export type RegistryReviewRow = Awaited<ReturnType<typeof listRegistryReviews>>['rows'][number];
