import 'server-only';
import type { Prisma } from '@prisma/client';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { OPEN_STATES } from '@/lib/domain/change-requests/state-machine';
import { ZListChangeRequestsQuery, type TListChangeRequestsQuery } from '@/lib/validation/change-request';
import { auditorWindows, windowsWhere } from '@/lib/server/engagements/auditor-scope';
import { CHANGE_REQUEST_ROW_INCLUDE, toRow, type ChangeRequestRow } from './change-request-rows';

export interface ChangeRequestPage {
  rows: ChangeRequestRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** Filtered, paginated list (filters come from the URL), newest first; "mine" means raised by the actor. */
export async function listChangeRequests(
  { actor, input }: OperationCall<TListChangeRequestsQuery>,
  ctx?: OperationContextInput,
): Promise<ChangeRequestPage> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'changeRequest:read');
  const q = parseInput(ZListChangeRequestsQuery, input);
  const where: Prisma.ChangeRequestWhereInput = {
    ...(q.state === 'OPEN' ? { state: { in: [...OPEN_STATES] } } : q.state ? { state: q.state } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.environment ? { environment: q.environment } : {}),
    // Only a person has requests of their own; "mine" for anyone else matches nothing.
    ...(q.mine ? { requestedById: actor.type === 'USER' ? actor.id : '' } : {}),
  };
  if (q.overdue) where.AND = [{ state: { in: [...OPEN_STATES] } }, { dueAt: { lt: now } }];
  // An auditor sees the requests of their open audits' periods and environments (ADR 0010).
  const scope = windowsWhere(await auditorWindows(db, actor, now), (w, createdAt) => ({
    environment: { in: w.environments },
    createdAt,
  }));
  const scoped: Prisma.ChangeRequestWhereInput = scope ? { AND: [where, scope] } : where;
  const [total, requests] = await Promise.all([
    db.changeRequest.count({ where: scoped }),
    db.changeRequest.findMany({
      where: scoped,
      include: CHANGE_REQUEST_ROW_INCLUDE,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
  ]);
  return { rows: requests.map((r) => toRow(r, now)), total, page: q.page, pageSize: q.pageSize };
}
