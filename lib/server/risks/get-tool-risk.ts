import 'server-only';
import { assertToolInsideAudits } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { suggestRisk, type RiskSuggestion } from '@/lib/domain/risk/suggest';
import { isReviewOverdue } from '@/lib/domain/risk/score';
import { diffJson, type DiffLine } from '@/lib/domain/json-diff';
import { ZToolRiskInput, type TToolRiskInput } from '@/lib/validation/risk';
import { loadRiskFacts } from './load-risk-facts';
import { assessmentSummary } from './assessment-summary';

/**
 * A tool's risk page: the suggestion from what ToolLedger knows now, the current assessment,
 * and every earlier one, newest first, each with what changed against the one before it.
 * Null when the tool does not exist.
 */
export async function getToolRisk({ actor, input }: OperationCall<TToolRiskInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'risk:read');
  const { toolId } = parseInput(ZToolRiskInput, input);
  const tool = await db.tool.findUnique({
    where: { id: toolId },
    select: {
      id: true,
      name: true,
      owner: true,
      latestVersionId: true,
      versions: { select: { id: true, version: true }, orderBy: { createdAt: 'desc' }, take: 50 },
    },
  });
  if (!tool) return null;
  // An auditor reads the risk of a tool of their open audits' inventory only (ADR 0010).
  await assertToolInsideAudits(db, actor, now, tool.id);
  const [facts, rows] = await Promise.all([
    db.$transaction((tx) => loadRiskFacts(tx, toolId)),
    db.riskAssessment.findMany({
      where: { toolId },
      include: { assessor: { select: { name: true, email: true } }, toolVersion: { select: { version: true } } },
      orderBy: [{ assessedAt: 'desc' }, { id: 'desc' }],
    }),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const history = rows.map((r) => {
    const previous = r.previousId ? byId.get(r.previousId) : undefined;
    const changes: DiffLine[] = previous ? diffJson(assessmentSummary(previous), assessmentSummary(r)) : [];
    return { ...r, changes, overdue: false };
  });
  const current = rows.find((r) => !rows.some((o) => o.previousId === r.id)) ?? null;
  const suggestion: RiskSuggestion = suggestRisk(facts);
  return {
    tool,
    suggestion,
    current: current ? { ...current, overdue: isReviewOverdue(current.nextReviewAt, now) } : null,
    history,
  };
}

export type ToolRisk = NonNullable<Awaited<ReturnType<typeof getToolRisk>>>;
