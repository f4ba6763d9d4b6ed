import 'server-only';
import type { Prisma, PrismaClient } from '@prisma/client';
import { inRange, iso, type PopulationScope, type PopulationSource } from './scope';

// Decisions name their agent; an unknown agent's call has no environment, so it counts only when
// every environment is in scope.
async function where(db: PrismaClient, s: PopulationScope, ids?: string[]): Promise<Prisma.EnforcementDecisionWhereInput> {
  const agents = await db.agent.findMany({ where: { environment: { in: s.environments } }, select: { id: true } });
  return {
    outcome: 'DENY',
    createdAt: inRange(s),
    OR: [{ agentId: { in: agents.map((a) => a.id) } }, ...(s.allEnvironments ? [{ agentId: null }] : [])],
    ...(ids ? { id: { in: ids } } : {}),
  };
}

const reasonsText = (reasons: unknown) =>
  Array.isArray(reasons)
    ? reasons.map((r) => (r && typeof r === 'object' && 'message' in r ? String(r.message) : JSON.stringify(r))).join(' ')
    : JSON.stringify(reasons);

/** Every call the enforcement API denied in the period, with its reasons. */
export const enforcementDeniesPopulation: PopulationSource = {
  columns: [
    { key: 'at', label: 'At (UTC)' },
    { key: 'agent', label: 'Agent' },
    { key: 'tool', label: 'Tool' },
    { key: 'version', label: 'Version' },
    { key: 'action', label: 'Action' },
    { key: 'reasons', label: 'Reasons' },
  ],
  async find(db, s, { ids, skip, take }) {
    const w = await where(db, s, ids);
    const [rows, total] = await Promise.all([
      db.enforcementDecision.findMany({ where: w, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], skip, take }),
      db.enforcementDecision.count({ where: w }),
    ]);
    return {
      total,
      rows: rows.map((d) => ({
        id: d.id,
        at: d.createdAt,
        flag: null,
        trail: d.changeRequestId ? { entityType: 'ChangeRequest', entityId: d.changeRequestId } : null,
        cells: {
          at: iso(d.createdAt),
          agent: d.agentName,
          tool: d.toolName,
          version: d.version,
          action: d.action,
          reasons: reasonsText(d.reasons),
        },
      })),
    };
  },
  async ids(db, s) {
    return (await db.enforcementDecision.findMany({ where: await where(db, s), select: { id: true } })).map((r) => r.id);
  },
};
