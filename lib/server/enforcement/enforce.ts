import 'server-only';
import type { Prisma } from '@prisma/client';
import { getDatabase } from '@/lib/db/client';
import { decideEnforcement, type DecisionCode } from '@/lib/domain/policy/enforce-decision';
import { now as clockNow } from '@/lib/server/clock';
import { AppError } from '@/lib/server/errors';
import type { ApiKeyContext } from '@/lib/server/guards/with-api-key';
import type { TEnforceRequest, TEnforceResponse } from '@/lib/validation/enforce';
import { decisionWriterFor, type DecisionRow } from './decision-writer';
import { factsCacheFor, subjectKey } from './facts-cache';
import { factsFromSnapshot, loadFactsSnapshot, type FactsSnapshot } from './load-enforcement-facts';
import { openRequestForUnknownTool } from './open-request-for-unknown-tool';

/** Unknown subjects are bad input (4xx), except the install of an unknown tool, which opens a request. */
const REFUSALS: Partial<Record<DecisionCode, { status: number; code: string }>> = {
  'unknown-agent': { status: 404, code: 'unknown_agent' },
  'unknown-tool': { status: 404, code: 'unknown_tool' },
  'unknown-version': { status: 404, code: 'unknown_version' },
  'ambiguous-tool': { status: 400, code: 'ambiguous_tool' },
};

/**
 * The enforcement decision for one attempt: read the facts (one statement, or a cached snapshot
 * of them), decide (pure), log the decision (always, one append-only row, group-committed with
 * concurrent calls' rows, before the answer), and for a denied install of an unknown tool open a
 * change request. An unknown agent, tool or version (other than that install) is refused with a
 * 4xx after logging. A decision on cached facts counts only if no governing change committed
 * since they were read (checked by the INSERT itself); otherwise it is taken again on fresh facts.
 */
export async function enforce(input: TEnforceRequest, { key, actor }: ApiKeyContext): Promise<TEnforceResponse> {
  const db = await getDatabase();
  const now = clockNow();
  const cache = factsCacheFor(db);
  const cacheKey = subjectKey(input);
  let snapshot: FactsSnapshot | undefined = cache.get(cacheKey);
  for (;;) {
    const cached = snapshot !== undefined;
    if (!snapshot) {
      snapshot = await loadFactsSnapshot(db, input);
      cache.set(cacheKey, snapshot);
    }
    const answer = await decideAndLog(input, { key, actor }, snapshot, cached, now);
    if (typeof answer === 'object') return answer;
    // The generation moved on since the snapshot was read: every cached snapshot is older.
    if (answer === 'stale') cache.clear();
    snapshot = undefined;
  }
}

/**
 * The answer, or (only for a cached snapshot, nothing written) 'stale' when the generation moved
 * on before the row was written, 'fresh' when the outcome needs facts read now.
 */
async function decideAndLog(
  input: TEnforceRequest,
  { key, actor }: ApiKeyContext,
  snapshot: FactsSnapshot,
  cached: boolean,
  now: Date,
): Promise<TEnforceResponse | 'stale' | 'fresh'> {
  const db = await getDatabase();
  const facts = factsFromSnapshot(snapshot, input, now);
  const decision = decideEnforcement(facts);
  const toolId = facts.tool && facts.tool !== 'ambiguous' ? facts.tool.id : null;

  const row = (changeRequestId: string | null): DecisionRow => ({
    createdAt: now,
    apiKeyId: key.id,
    agentName: input.agent,
    agentId: facts.agent?.id ?? null,
    toolName: input.tool,
    toolId,
    version: input.version,
    toolVersionId: facts.version?.facts.toolVersionId ?? null,
    artifactDigest: input.artifactDigest ?? null,
    action: facts.action,
    outcome: decision.outcome,
    reasons: decision.reasons,
    policyId: decision.evaluation?.policyId ?? facts.policy?.id ?? null,
    policyVersion: decision.evaluation?.policyVersion ?? facts.policy?.version ?? null,
    exceptionId: decision.exceptionId,
    changeRequestId,
  });

  let changeRequestId: string | null = null;
  let decisionId: string;
  if (decision.outcome === 'DENY' && decision.unknownTool && facts.action === 'INSTALL' && facts.agent && facts.policy) {
    // Opening a request is rare and writes more than the log: always on fresh facts.
    if (cached) return 'fresh';
    const agent = facts.agent;
    const policy = facts.policy;
    const saved = await db.prisma.$transaction(async (tx) => {
      const crId = await openRequestForUnknownTool(
        {
          actor,
          input: {
            agentId: agent.id,
            agentName: input.agent,
            environment: agent.environment,
            toolName: input.tool,
            version: input.version,
            artifactDigest: input.artifactDigest ?? null,
            policy: { id: policy.id, version: policy.version },
          },
        },
        { db: tx, now },
      );
      const logged = await tx.enforcementDecision.create({
        data: { ...row(crId), reasons: decision.reasons as unknown as Prisma.InputJsonValue },
        select: { id: true },
      });
      return { crId, id: logged.id };
    });
    changeRequestId = saved.crId;
    decisionId = saved.id;
  } else {
    const written = await decisionWriterFor(db).write(row(null), cached ? snapshot.generation : null);
    if (!written.written) return 'stale';
    decisionId = written.id;
    const refusal = decision.reasons.map((r) => REFUSALS[r.code]).find(Boolean);
    if (refusal) {
      // Logged above as a denied attempt; the caller gets a precise 4xx and nothing else changes.
      throw new AppError(refusal.status, refusal.code, decision.reasons.map((r) => r.message).join(' '));
    }
  }

  return {
    decision: decision.outcome === 'ALLOW' ? 'allow' : 'deny',
    decisionId,
    reasons: decision.reasons,
    environment: facts.agent?.environment ?? null,
    policy: facts.policy ? { id: facts.policy.id ?? null, version: facts.policy.version } : null,
    exceptionId: decision.exceptionId,
    changeRequestId,
    logUnverified: decision.logUnverified,
    failMode: facts.policy ? (facts.policy.gatewayFailOpen ? 'open' : 'closed') : null,
    requestId: input.requestId ?? null,
  };
}
