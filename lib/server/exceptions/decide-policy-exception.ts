import 'server-only';
import type { PolicyException, Prisma } from '@prisma/client';
import { checkExceptionDecision } from '@/lib/domain/exceptions/state-machine';
import { requirePerson, refusalError } from '@/lib/server/change-requests/acting-user';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { conflict, notFound } from '@/lib/server/errors';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { getCurrentPolicy } from '@/lib/server/policies/get-current-policies';
import { ZDecideExceptionInput, type TDecideExceptionInput } from '@/lib/validation/exception';
import { versionsInScope } from './versions-in-scope';

/** What the decision was taken on, kept with it: later changes of the tool or policy do not rewrite it. */
export interface FrozenDecisionContext {
  decidedAt: string;
  policy: { id: string | null; environment: string; version: number; maxExceptionDays: number };
  versions: {
    id: string;
    version: string;
    tier: string;
    trustScore: number | null;
    verificationState: string;
    permissions: { network: string; filesystem: string; codeExecution: string; dataAccess: string };
  }[];
}

/**
 * A security reviewer (never the requester) approves or rejects a requested exception. The
 * decision freezes its context: each covered version's tier, trust score and permissions and
 * the policy version in force. Two reviewers at once: the conditional update lets one through.
 */
export async function decidePolicyException(
  { actor, input }: OperationCall<TDecideExceptionInput>,
  ctx?: OperationContextInput,
): Promise<PolicyException> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'exception:approve');
  const person = requirePerson(actor);
  const data = parseInput(ZDecideExceptionInput, input);
  return db.$transaction(async (tx) => {
    const found = await tx.policyException.findUnique({ where: { id: data.id } });
    if (!found) throw notFound('Exception');
    const check = checkExceptionDecision({ ...found, now, role: person.role, userId: person.id });
    if (!check.ok) throw refusalError(check);
    const [policy, versions] = await Promise.all([getCurrentPolicy(found.environment, { db: tx }), versionsInScope(tx, found)]);
    const context: FrozenDecisionContext = {
      decidedAt: now.toISOString(),
      policy: {
        id: policy.id ?? null,
        environment: policy.environment,
        version: policy.version,
        maxExceptionDays: policy.maxExceptionDays,
      },
      versions: versions.map((v) => ({
        id: v.id,
        version: v.version,
        tier: v.tier,
        trustScore: v.trustScore,
        verificationState: v.verificationState,
        permissions: { network: v.network, filesystem: v.filesystem, codeExecution: v.codeExecution, dataAccess: v.dataAccess },
      })),
    };
    const approved = data.decision === 'APPROVED';
    const moved = await tx.policyException.updateMany({
      where: { id: found.id, status: 'REQUESTED' },
      data: {
        status: data.decision,
        decidedById: person.id,
        decidedAt: now,
        decisionComment: data.comment,
        decisionContext: context as unknown as Prisma.InputJsonValue,
        ...(approved ? { approvedById: person.id, approvedAt: now } : {}),
      },
    });
    if (moved.count !== 1) throw conflict('Another reviewer decided this exception first');
    await recordAuditEvent(tx, actor, {
      action: approved ? 'exception.approved' : 'exception.rejected',
      entityType: 'PolicyException',
      entityId: found.id,
      before: { status: found.status },
      after: { status: data.decision, comment: data.comment, context },
    });
    return tx.policyException.findUniqueOrThrow({ where: { id: found.id } });
  });
}
