import 'server-only';
import type { Prisma } from '@prisma/client';
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
    return {
      total,
      rows: rows.map((i) => ({
        id: i.id,
        at: i.createdAt,
        flag: i.changeRequestId ? null : 'Unapproved: no change request links to it',
        trail: i.changeRequestId ? { entityType: 'ChangeRequest', entityId: i.changeRequestId } : null,
        cells: {
          agent: i.agent.name,
          tool: `${i.toolVersion.tool.name} ${i.toolVersion.version}`,
          environment: i.environment,
          state: i.state,
          approvedAt: iso(i.approvedAt),
          activatedAt: iso(i.activatedAt),
          changeRequest: i.changeRequestId ?? 'none (unapproved)',
        },
      })),
    };
  },
  async ids(db, s) {
    return (await db.installation.findMany({ where: where(s), select: { id: true } })).map((r) => r.id);
  },
};
