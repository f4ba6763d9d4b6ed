import 'server-only';
import type { ChangeRequest, Prisma } from '@prisma/client';
import { hoursOverdue, isOverdue } from '@/lib/domain/change-requests/state-machine';

export interface ChangeRequestRow {
  id: string;
  kind: ChangeRequest['kind'];
  state: ChangeRequest['state'];
  source: ChangeRequest['source'];
  environment: ChangeRequest['environment'];
  toolId: string | null;
  toolName: string;
  version: string | null;
  agentName: string | null;
  requestedById: string | null;
  requesterName: string;
  requiresSecurityReview: boolean;
  createdAt: Date;
  dueAt: Date;
  overdue: boolean;
  hoursOverdue: number;
}

/** ChangeRequest has plain ids for agent and requester (an agent may be unknown): resolve names in two batched reads. */
export async function toRows(db: Prisma.TransactionClient, requests: (ChangeRequest & { tool: { name: string } | null })[], now = new Date()): Promise<ChangeRequestRow[]> {
  const agentIds = [...new Set(requests.flatMap((r) => (r.agentId ? [r.agentId] : [])))];
  const userIds = [...new Set(requests.flatMap((r) => (r.requestedById ? [r.requestedById] : [])))];
  const [agents, users] = await Promise.all([
    agentIds.length ? db.agent.findMany({ where: { id: { in: agentIds } }, select: { id: true, name: true } }) : [],
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
  ]);
  const agentName = new Map(agents.map((a) => [a.id, a.name]));
  const userName = new Map(users.map((u) => [u.id, u.name]));
  return requests.map((r) => ({
    id: r.id,
    kind: r.kind,
    state: r.state,
    source: r.source,
    environment: r.environment,
    toolId: r.toolId,
    toolName: r.tool?.name ?? r.requestedToolName ?? 'unknown tool',
    version: r.requestedVersion,
    agentName: r.agentId ? (agentName.get(r.agentId) ?? r.agentId) : null,
    requestedById: r.requestedById,
    requesterName: r.requestedById ? (userName.get(r.requestedById) ?? 'unknown user') : r.source === 'ENFORCEMENT' ? 'Enforcement API' : 'System',
    requiresSecurityReview: r.requiresSecurityReview,
    createdAt: r.createdAt,
    dueAt: r.dueAt,
    overdue: isOverdue(r, now),
    hoursOverdue: hoursOverdue(r, now),
  }));
}
