import 'server-only';
import { auditorAccess, type EngagementAccess } from '@/lib/domain/audits/access';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, type OperationCall, type OperationContextInput } from '@/lib/server/operation';

export interface EngagementListRow {
  id: string;
  name: string;
  firm: string;
  periodStart: Date;
  periodEnd: Date;
  environments: string[];
  criteria: string[];
  accessOpensAt: Date;
  accessClosesAt: Date;
  auditors: string[];
  /** For an auditor: whether it is open to them now; for other roles always 'open'. */
  access: EngagementAccess;
}

/**
 * The audits a person may see: every audit for roles that read engagements, only the ones
 * assigned to them for an auditor. An auditor sees the name and the window of a closed one
 * (so they know why they see nothing), never what is inside.
 */
export async function listEngagements(
  { actor }: OperationCall<Record<string, never>>,
  ctx?: OperationContextInput,
): Promise<EngagementListRow[]> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'engagement:read');
  const auditor = actor.type === 'USER' && actor.role === 'AUDITOR' ? actor.id : null;
  const rows = await db.auditEngagement.findMany({
    where: auditor ? { auditors: { some: { userId: auditor } } } : {},
    orderBy: [{ periodStart: 'desc' }, { createdAt: 'desc' }],
    include: { auditors: { include: { user: { select: { name: true } } } } },
    take: 200,
  });
  return rows.map((e) => ({
    id: e.id,
    name: e.name,
    firm: e.firm,
    periodStart: e.periodStart,
    periodEnd: e.periodEnd,
    environments: e.environments,
    criteria: e.criteria,
    accessOpensAt: e.accessOpensAt,
    accessClosesAt: e.accessClosesAt,
    auditors: e.auditors.map((a) => a.user.name),
    access: auditor ? auditorAccess({ assigned: true, opensAt: e.accessOpensAt, closesAt: e.accessClosesAt, now }) : 'open',
  }));
}

/** Assignable auditor accounts for the create form. */
export async function listAuditorOptions(
  { actor }: OperationCall<Record<string, never>>,
  ctx?: OperationContextInput,
): Promise<{ id: string; name: string; email: string }[]> {
  const { db } = await operationContext(ctx);
  assertActorCan(actor, 'engagement:manage');
  return db.user.findMany({
    where: { role: 'AUDITOR', active: true },
    select: { id: true, name: true, email: true },
    orderBy: { name: 'asc' },
  });
}
