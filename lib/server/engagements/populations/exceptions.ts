import 'server-only';
import type { Prisma } from '@prisma/client';
import { inRange, iso, type PopulationScope, type PopulationSource } from './scope';

const where = (s: PopulationScope, ids?: string[]): Prisma.PolicyExceptionWhereInput => ({
  createdAt: inRange(s),
  environment: { in: s.environments },
  ...(ids ? { id: { in: ids } } : {}),
});

/** Policy exceptions requested in the period. */
export const exceptionsPopulation: PopulationSource = {
  columns: [
    { key: 'requestedAt', label: 'Requested at (UTC)' },
    { key: 'tool', label: 'Tool' },
    { key: 'environment', label: 'Environment' },
    { key: 'rules', label: 'Rules' },
    { key: 'status', label: 'Status' },
    { key: 'requester', label: 'Requester' },
    { key: 'approver', label: 'Approver' },
    { key: 'expiresAt', label: 'Expires at (UTC)' },
  ],
  async find(db, s, { ids, skip, take }) {
    const w = where(s, ids);
    const [rows, total] = await Promise.all([
      db.policyException.findMany({
        where: w,
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        skip,
        take,
        include: { tool: { select: { name: true } } },
      }),
      db.policyException.count({ where: w }),
    ]);
    const people = await db.user.findMany({
      where: { id: { in: rows.flatMap((r) => [r.requestedById, ...(r.approvedById ? [r.approvedById] : [])]) } },
      select: { id: true, name: true },
    });
    const name = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? id) : '');
    return {
      total,
      rows: rows.map((x) => ({
        id: x.id,
        at: x.createdAt,
        flag: null,
        trail: { entityType: 'PolicyException', entityId: x.id },
        cells: {
          requestedAt: iso(x.createdAt),
          tool: x.tool.name,
          environment: x.environment,
          rules: x.rules.join(', '),
          status: x.status,
          requester: name(x.requestedById),
          approver: name(x.approvedById),
          expiresAt: iso(x.expiresAt),
        },
      })),
    };
  },
  async ids(db, s) {
    return (await db.policyException.findMany({ where: where(s), select: { id: true } })).map((r) => r.id);
  },
};
