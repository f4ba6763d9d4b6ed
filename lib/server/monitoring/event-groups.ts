import type { Prisma } from '@prisma/client';
import type { EventGroup } from '@/lib/domain/monitoring/monitor-alert-drafts';
import type { ObservedLevels } from '@/lib/domain/monitoring/permission-use';
import type { SeqRange } from './seq-range';

/** Events of a range that name a known tool, grouped by who used what with which permissions. */
export interface UseGroup extends EventGroup {
  agentName: string;
  agentId: string | null;
  toolName: string;
  toolId: string;
  toolVersion: string;
  toolVersionId: string | null;
  trustLevel: string | null;
  observed: ObservedLevels;
}

/** How many chain positions a group keeps as evidence. */
export const EVIDENCE_PER_GROUP = 5;

// Grouped in the database: a run of thousands of events comes back as a few rows. The first
// positions are picked from each group's unordered array: an aggregate with ORDER BY rules out a
// hash aggregate, and the sort it forced over 25,000 rows (eleven keys) spilled to disk on every
// monitor step (PostgreSQL 15's default work_mem).
const GROUPS = `
SELECT g."agentName", g."agentId", g."toolName", g."toolId", g."toolVersion", g."toolVersionId", g."trustLevel",
       g.network, g.filesystem, g."codeExecution", g."dataAccess", g.events,
       ARRAY(SELECT u.p::text FROM unnest(g.positions) AS u(p) ORDER BY u.p LIMIT ${EVIDENCE_PER_GROUP}) AS seqs,
       g."firstAt", g."lastAt"
  FROM (SELECT e."agentName", e."agentId", e."toolName", e."toolId", e."toolVersion", e."toolVersionId", e."trustLevel",
               e."networkUsed"::text AS network, e."filesystemUsed"::text AS filesystem,
               e."codeExecutionUsed"::text AS "codeExecution", e."dataAccessUsed"::text AS "dataAccess",
               count(*)::int AS events, array_agg(e.seq) AS positions,
               min(e."occurredAt") AS "firstAt", max(e."occurredAt") AS "lastAt"
          FROM "InvocationEvent" e
         WHERE e.seq > $1::bigint AND e.seq <= $2::bigint AND e."toolId" IS NOT NULL
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11) g`;

type Row = Omit<UseGroup, 'observed' | 'agents'> & {
  network: ObservedLevels['network'];
  filesystem: ObservedLevels['filesystem'];
  codeExecution: ObservedLevels['codeExecution'];
  dataAccess: ObservedLevels['dataAccess'];
};

export async function readUseGroups(tx: Prisma.TransactionClient, range: SeqRange): Promise<UseGroup[]> {
  const rows = await tx.$queryRawUnsafe<Row[]>(GROUPS, range.after.toString(), range.upTo.toString());
  return rows.map(({ network, filesystem, codeExecution, dataAccess, ...r }) => ({
    ...r,
    agents: [r.agentName],
    observed: { network, filesystem, codeExecution, dataAccess },
  }));
}

/** Several groups as one piece of evidence: counts summed, first positions kept, agents listed once. */
export function mergeGroups(groups: readonly EventGroup[]): EventGroup {
  const seqs = [...new Set(groups.flatMap((g) => g.seqs))].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  return {
    events: groups.reduce((n, g) => n + g.events, 0),
    seqs: seqs.slice(0, 2 * EVIDENCE_PER_GROUP),
    agents: [...new Set(groups.flatMap((g) => g.agents))].sort(),
    firstAt: new Date(Math.min(...groups.map((g) => g.firstAt.getTime()))),
    lastAt: new Date(Math.max(...groups.map((g) => g.lastAt.getTime()))),
  };
}

/** Groups by a key, in first-seen order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}
