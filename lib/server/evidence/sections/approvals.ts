import { afterId, envFilter, inPeriod, iso, paged, toolFilter } from './paged';
import type { TableSection } from './types';

/** Every review decision made in the period, with the request it decided. */
export const approvalsSection: TableSection = {
  kind: 'approvals',
  shape: 'table',
  columns: ['id', 'changeRequestId', 'stage', 'decision', 'reviewer', 'automatic', 'comment', 'createdAt', 'requestedBy'],
  async *rows({ db, scope }) {
    const approvals = paged((after, take) =>
      db.approval.findMany({
        where: { ...afterId(after), createdAt: inPeriod(scope), changeRequest: { ...envFilter(scope), ...toolFilter(scope) } },
        orderBy: { id: 'asc' },
        take,
        include: {
          reviewer: { select: { email: true } },
          changeRequest: { select: { requestedBy: { select: { email: true } } } },
        },
      }),
    );
    for await (const a of approvals) {
      yield {
        id: a.id,
        changeRequestId: a.changeRequestId,
        stage: a.stage,
        decision: a.decision,
        reviewer: a.reviewer?.email ?? null,
        automatic: a.automatic,
        comment: a.comment,
        createdAt: iso(a.createdAt),
        requestedBy: a.changeRequest.requestedBy?.email ?? null,
      };
    }
  },
};
