import 'server-only';
import type { Prisma } from '@prisma/client';
import { getPrisma } from '@/lib/db/client';
import { OPEN_STATES } from '@/lib/domain/change-requests/state-machine';
import { ZListChangeRequestsQuery, type TListChangeRequestsQuery } from '@/lib/validation/change-request';
import { toRows, type ChangeRequestRow } from './change-request-rows';

export interface ChangeRequestPage {
  rows: ChangeRequestRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** Filtered, paginated list (filters come from the URL); overdue first among open requests, then newest. */
export async function listChangeRequests({ userId, query }: { userId: string; query: Partial<TListChangeRequestsQuery> }): Promise<ChangeRequestPage> {
  const q = ZListChangeRequestsQuery.parse(query);
  const now = new Date();
  const where: Prisma.ChangeRequestWhereInput = {
    ...(q.state === 'OPEN' ? { state: { in: [...OPEN_STATES] } } : q.state ? { state: q.state } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.environment ? { environment: q.environment } : {}),
    ...(q.mine ? { requestedById: userId } : {}),
  };
  if (q.overdue) where.AND = [{ state: { in: [...OPEN_STATES] } }, { dueAt: { lt: now } }];
  const prisma = await getPrisma();
  const [total, requests] = await Promise.all([
    prisma.changeRequest.count({ where }),
    prisma.changeRequest.findMany({
      where,
      include: { tool: { select: { name: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
  ]);
  return { rows: await toRows(prisma, requests, now), total, page: q.page, pageSize: q.pageSize };
}
