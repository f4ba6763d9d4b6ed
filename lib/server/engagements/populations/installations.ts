import 'server-only';
import type { Prisma } from '@prisma/client';
import { OPEN_STATES } from '@/lib/domain/change-requests/state-machine';
import { inRange, iso, type PopulationScope, type PopulationSource } from './scope';

// An installation belongs to the period when it was requested, approved or activated in it.
const where = (s: PopulationScope, ids?: string[]): Prisma.InstallationWhereInput => ({
  environment: { in: s.environments },
  OR: [{ createdAt: inRange(s) }, { approvedAt: inRange(s) }, { activatedAt: inRange(s) }],
  ...(ids ? { id: { in: ids } } : {}),
});

/** Installations of the period, each with the change request that approved it; none → flagged. */
export const installationsPopulation: PopulationSource = {
  columns: [
    { key: 'agent', label: 'Agent' },
    { key: 'tool', label: 'Tool version' },
    { key: 'environment', label: 'Environment' },
    { key: 'state', label: 'State' },
    { key: 'approvedAt', label: 'Approved at (UTC)' },
    { key: 'activatedAt', label: 'Activated at (UTC)' },
    { key: 'changeRequest', label: 'Approved by change request' },
  ],
  async find(db, s, { ids, skip, take }) {
    const w = where(s, ids);
    const [rows, total] = await Promise.all([
      db.installation.findMany({
        where: w,
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        skip,
        take,
        include: {
          agent: { select: { name: true } },
          toolVersion: { select: { version: true, tool: { select: { name: true } } } },
        },
      }),
      db.installation.count({ where: w }),
    ]);
    // An installation still waiting for its request is not unapproved: it does not run yet.
    const waiting = rows.filter((i) => !i.changeRequestId && i.state === 'REQUESTED');
    const pending = waiting.length
      ? await db.changeRequest.findMany({
          where: {
            state: { in: [...OPEN_STATES] },
            OR: waiting.map((i) => ({ agentId: i.agentId, toolVersionId: i.toolVersionId })),
          },
          select: { id: true, agentId: true, toolVersionId: true },
        })
      : [];
    return {
      total,
      rows: rows.map((i) => {
        const open = pending.find((p) => p.agentId === i.agentId && p.toolVersionId === i.toolVersionId);
        const requestId = i.changeRequestId ?? open?.id ?? null;
        return {
          id: i.id,
          at: i.createdAt,
          flag: i.changeRequestId || i.state === 'REQUESTED' ? null : 'Unapproved: no change request links to it',
          trail: requestId ? { entityType: 'ChangeRequest', entityId: requestId } : null,
          links: requestId ? { changeRequest: `/changes/${requestId}` } : undefined,
          cells: {
            agent: i.agent.name,
            tool: `${i.toolVersion.tool.name} ${i.toolVersion.version}`,
            environment: i.environment,
            state: i.state,
            approvedAt: iso(i.approvedAt),
            activatedAt: iso(i.activatedAt),
            changeRequest:
              i.changeRequestId ??
              (open ? `${open.id} (awaiting approval)` : i.state === 'REQUESTED' ? 'none yet' : 'none (unapproved)'),
          },
        };
      }),
    };
  },
  async ids(db, s) {
    return (await db.installation.findMany({ where: where(s), select: { id: true } })).map((r) => r.id);
  },
};
