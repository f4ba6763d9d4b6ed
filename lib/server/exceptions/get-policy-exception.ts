import 'server-only';
import { exceptionStanding } from '@/lib/domain/exceptions/state-machine';
import { notFound } from '@/lib/server/errors';
import { assertInsideAudits } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZExceptionIdInput } from '@/lib/validation/exception';
import type { FrozenDecisionContext } from './decide-policy-exception';
import { scopeLabel, userNames } from './list-policy-exceptions';

/** One exception with its decision, the context frozen at that decision, and what it extends or was extended by. */
export async function getPolicyException({ actor, input }: OperationCall<{ id: string }>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'exception:read');
  const { id } = parseInput(ZExceptionIdInput, input);
  const e = await db.policyException.findUnique({ where: { id }, include: { tool: { select: { name: true } } } });
  if (!e) throw notFound('Exception');
  // An auditor opens an exception of an open audit's environments that ran during its period (as the list).
  await assertInsideAudits(db, actor, now, { entityType: 'PolicyException', entityId: e.id }, (windows) =>
    windows.some((w) => w.environments.includes(e.environment) && e.createdAt < w.to && e.expiresAt > w.from),
  );
  const [names, version, extensions] = await Promise.all([
    userNames(db, [e.requestedById, e.decidedById, e.revokedById]),
    e.toolVersionId ? db.toolVersion.findUnique({ where: { id: e.toolVersionId }, select: { version: true } }) : null,
    db.policyException.findMany({ where: { extendsId: e.id }, select: { id: true, status: true, expiresAt: true } }),
  ]);
  const name = (uid: string | null) => (uid ? (names.get(uid) ?? uid) : null);
  return {
    ...e,
    toolName: e.tool.name,
    scope: scopeLabel(e, version?.version),
    standing: exceptionStanding(e, now),
    requesterName: name(e.requestedById)!,
    deciderName: name(e.decidedById),
    revokerName: name(e.revokedById),
    decisionContext: e.decisionContext as FrozenDecisionContext | null,
    extensions,
  };
}

export type PolicyExceptionDetail = Awaited<ReturnType<typeof getPolicyException>>;
