import 'server-only';
import type { Prisma } from '@prisma/client';
import { inRange, iso, type PopulationScope, type PopulationSource } from './scope';

const where = (s: PopulationScope, ids?: string[]): Prisma.ChangeRequestWhereInput => ({
  createdAt: inRange(s),
  environment: { in: s.environments },
  ...(ids ? { id: { in: ids } } : {}),
});

/** Change requests raised in the period, with requester, approvers, approved-at and deployed-at. */
export const changeRequestsPopulation: PopulationSource = {
  columns: [
    { key: 'raisedAt', label: 'Raised at (UTC)' },
    { key: 'kind', label: 'Kind' },
    { key: 'tool', label: 'Tool' },
    { key: 'environment', label: 'Environment' },
    { key: 'state', label: 'State' },
    { key: 'requester', label: 'Requester' },
    { key: 'approvers', label: 'Approvers' },
    { key: 'approvedAt', label: 'Approved at (UTC)' },
    { key: 'deployedAt', label: 'Deployed at (UTC)' },
  ],
  async find(db, s, { ids, skip, take }) {
    const w = where(s, ids);
    const [rows, total] = await Promise.all([
      db.changeRequest.findMany({
        where: w,
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        skip,
        take,
        include: {
          tool: { select: { name: true } },
          requestedBy: { select: { name: true, email: true } },
          approvals: { orderBy: { createdAt: 'asc' }, include: { reviewer: { select: { name: true } } } },
        },
      }),
      db.changeRequest.count({ where: w }),
    ]);
    return {
      total,
      rows: rows.map((r) => {
        const approved = r.approvals.filter((a) => a.decision === 'APPROVED');
        return {
          id: r.id,
          at: r.createdAt,
          flag: null,
          trail: { entityType: 'ChangeRequest', entityId: r.id },
          cells: {
            raisedAt: iso(r.createdAt),
            kind: r.kind,
            tool: `${r.tool?.name ?? r.requestedToolName ?? 'unknown tool'} ${r.requestedVersion ?? ''}`.trim(),
            environment: r.environment,
            state: r.state,
            requester: r.requestedBy ? `${r.requestedBy.name} <${r.requestedBy.email}>` : 'enforcement API',
            approvers: r.approvals
              .map((a) => `${a.stage}: ${a.decision} by ${a.automatic ? 'fast-track (automatic)' : (a.reviewer?.name ?? '?')}`)
              .join('; '),
            approvedAt: r.state === 'APPROVED' || r.state === 'DEPLOYED' ? iso(approved.at(-1)?.createdAt ?? r.decidedAt) : '',
            deployedAt: iso(r.deployedAt),
          },
        };
      }),
    };
  },
  async ids(db, s) {
    return (await db.changeRequest.findMany({ where: where(s), select: { id: true } })).map((r) => r.id);
  },
};
