import 'server-only';
import type { PolicyException } from '@prisma/client';
import { checkExceptionExtend, checkExceptionRequest } from '@/lib/domain/exceptions/state-machine';
import { evaluatePolicy } from '@/lib/domain/policy/evaluate';
import { RULE_COVERABLE } from '@/lib/domain/policy/exceptions';
import type { PolicyRule } from '@/lib/domain/policy/types';
import { requirePerson, refusalError } from '@/lib/server/change-requests/acting-user';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { badRequest, notFound } from '@/lib/server/errors';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { getCurrentPolicy } from '@/lib/server/policies/get-current-policies';
import { versionFactsOf } from '@/lib/server/policies/version-facts';
import { ZRequestExceptionInput, type TRequestExceptionInput } from '@/lib/validation/exception';
import { versionsInScope } from './versions-in-scope';

/** A day from a form (YYYY-MM-DD) as the instant it starts, UTC. */
export const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);

/**
 * Requests an exception for rules the version(s) really miss under the policy in force, with an
 * expiry inside the policy's maximum. Nothing covers until a security reviewer other than the
 * requester approves it. An extension is such a request naming the approved exception it extends.
 */
export async function requestPolicyException(
  { actor, input }: OperationCall<TRequestExceptionInput>,
  ctx?: OperationContextInput,
): Promise<PolicyException> {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'exception:request');
  const person = requirePerson(actor);
  const data = parseInput(ZRequestExceptionInput, input);
  return db.$transaction(async (tx) => {
    const tool = await tx.tool.findUnique({ where: { id: data.toolId }, select: { id: true, name: true } });
    if (!tool) throw badRequest('toolId: Unknown tool', [{ path: 'toolId', message: 'Unknown tool' }]);
    const versions = await versionsInScope(tx, data);
    const policy = await getCurrentPolicy(data.environment, { db: tx });
    // The rules missed without any exception: what the request may ask to waive.
    const failing = new Set<PolicyRule>(
      versions.flatMap((v) => evaluatePolicy(policy, versionFactsOf(v), { now }).blocking.map((b) => b.rule)),
    );
    const expiresAt = dayStart(data.expiresAt);
    const problems = checkExceptionRequest({
      rules: data.rules,
      failingRules: [...failing],
      coverable: RULE_COVERABLE,
      expiresAt,
      remediationDate: dayStart(data.remediationDate),
      now,
      maxDays: policy.maxExceptionDays,
    });
    if (data.extendsId) {
      const base = await tx.policyException.findUnique({ where: { id: data.extendsId } });
      if (!base || base.toolId !== tool.id || base.environment !== data.environment) throw notFound('Exception to extend');
      const check = checkExceptionExtend(base);
      if (!check.ok) throw refusalError(check);
      if (expiresAt.getTime() <= base.expiresAt.getTime())
        problems.push({ field: 'expiresAt', message: 'An extension must expire after the exception it extends' });
    }
    if (problems.length)
      throw badRequest(
        `${problems[0]!.field}: ${problems[0]!.message}`,
        problems.map((p) => ({ path: p.field, message: p.message })),
      );
    const created = await tx.policyException.create({
      data: {
        toolId: tool.id,
        toolVersionId: data.toolVersionId ?? null,
        versionRange: data.versionRange ?? null,
        environment: data.environment,
        rules: data.rules,
        justification: data.justification,
        compensatingControls: data.compensatingControls,
        remediationPlan: data.remediationPlan,
        remediationDate: dayStart(data.remediationDate),
        expiresAt,
        requestedById: person.id,
        extendsId: data.extendsId ?? null,
        createdAt: now,
      },
    });
    await recordAuditEvent(tx, actor, {
      action: 'exception.requested',
      entityType: 'PolicyException',
      entityId: created.id,
      after: { ...created, toolName: tool.name, policyVersion: policy.version },
    });
    return created;
  });
}
