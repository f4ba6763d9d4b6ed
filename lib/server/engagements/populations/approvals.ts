import 'server-only';
import type { Prisma } from '@prisma/client';
import { inRange, iso, type PopulationScope, type PopulationSource } from './scope';

const where = (s: PopulationScope, ids?: string[]): Prisma.ApprovalWhereInput => ({
  createdAt: inRange(s),
  changeRequest: { environment: { in: s.environments } },
  ...(ids ? { id: { in: ids } } : {}),
});

/** Stage decisions recorded in the period. */
export const approvalsPopulation: PopulationSource = {
  columns: [
    { key: 'decidedAt', label: 'Decided at (UTC)' },
    { key: 'changeRequest', label: 'Change request' },
    { key: 'tool', label: 'Tool' },
    { key: 'environment', label: 'Environment' },
    { key: 'stage', label: 'Stage' },
    { key: 'decision', label: 'Decision' },
    { key: 'reviewer', label: 'Reviewer' },
    { key: 'comment', label: 'Comment' },
  ],
  async find(db, s, { ids, skip, take }) {
    const w = where(s, ids);
    const [rows, total] = await Promise.all([
      db.approval.findMany({
        where: w,
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        skip,
        take,
        include: {
          reviewer: { select: { name: true } },
          changeRequest: { select: { environment: true, requestedToolName: true, tool: { select: { name: true } } } },
        },
      }),
      db.approval.count({ where: w }),
    ]);
    return {
      total,
      rows: rows.map((a) => ({
        id: a.id,
        at: a.createdAt,
        flag: null,
        trail: { entityType: 'ChangeRequest', entityId: a.changeRequestId },
        cells: {
          decidedAt: iso(a.createdAt),
          changeRequest: a.changeRequestId,
          tool: a.changeRequest.tool?.name ?? a.changeRequest.requestedToolName ?? '',
          environment: a.changeRequest.environment,
          stage: a.stage,
          decision: a.decision,
          reviewer: a.automatic ? 'fast-track (automatic)' : (a.reviewer?.name ?? ''),
          comment: a.comment,
        },
      })),
    };
  },
  async ids(db, s) {
    return (await db.approval.findMany({ where: where(s), select: { id: true } })).map((r) => r.id);
  },
};
