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

/** What a list row needs beside the request itself, read in the same query. */
export const CHANGE_REQUEST_ROW_INCLUDE = {
  tool: { select: { name: true } },
  agent: { select: { name: true } },
  requestedBy: { select: { name: true } },
} as const satisfies Prisma.ChangeRequestInclude;

export type ChangeRequestWithRowRelations = Prisma.ChangeRequestGetPayload<{ include: typeof CHANGE_REQUEST_ROW_INCLUDE }>;

/** Who raised a request, for people: a person's name, or the machine that opened it. */
export function requesterNameOf(r: Pick<ChangeRequest, 'source'> & { requestedBy: { name: string } | null }): string {
  if (r.requestedBy) return r.requestedBy.name;
  return r.source === 'ENFORCEMENT' ? 'Enforcement API' : 'System';
}

export function toRow(r: ChangeRequestWithRowRelations, now: Date): ChangeRequestRow {
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    source: r.source,
    environment: r.environment,
    toolId: r.toolId,
    toolName: r.tool?.name ?? r.requestedToolName ?? 'unknown tool',
    version: r.requestedVersion,
    agentName: r.agent?.name ?? null,
    requestedById: r.requestedById,
    requesterName: requesterNameOf(r),
    requiresSecurityReview: r.requiresSecurityReview,
    createdAt: r.createdAt,
    dueAt: r.dueAt,
    overdue: isOverdue(r, now),
    hoursOverdue: hoursOverdue(r, now),
  };
}
