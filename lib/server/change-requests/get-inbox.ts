import 'server-only';
import { getPrisma } from '@/lib/db/client';
import type { Actor } from '@/lib/server/actor';
import { REVIEW_STAGES, STAGE_DECIDERS, type ChangeState, type ReviewStage } from '@/lib/domain/change-requests/state-machine';
import { requirePerson } from './acting-user';
import { toRows, type ChangeRequestRow } from './change-request-rows';

const STATE_OF_STAGE: Record<ReviewStage, ChangeState> = { COMPLIANCE: 'COMPLIANCE_REVIEW', SECURITY: 'SECURITY_REVIEW' };

/**
 * A reviewer's inbox: requests waiting on a stage their role decides and that they did not raise
 * (segregation of duties), overdue first, then by due time.
 */
export async function getInbox({ actor }: { actor: Actor }): Promise<ChangeRequestRow[]> {
  const person = requirePerson(actor);
  const states = REVIEW_STAGES.filter((s) => STAGE_DECIDERS[s].includes(person.role)).map((s) => STATE_OF_STAGE[s]);
  if (states.length === 0) return [];
  const prisma = await getPrisma();
  const requests = await prisma.changeRequest.findMany({
    where: { state: { in: states }, OR: [{ requestedById: null }, { requestedById: { not: person.id } }] },
    include: { tool: { select: { name: true } } },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take: 200,
  });
  // Ordered by due time, the overdue ones already come first.
  return toRows(prisma, requests);
}
