import 'server-only';
import { auditorWindows, assertToolInsideAudits } from '@/lib/server/engagements/auditor-scope';
import { assertActorCan } from '@/lib/server/guards/assert-actor-can';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { deriveDataFlow } from '@/lib/domain/data-flows/derive';
import { toolFlowGraph } from '@/lib/domain/data-flows/graph';
import { layoutFlow } from '@/lib/domain/data-flows/layout';
import { minimization } from '@/lib/domain/data-flows/minimization';
import { summarizeDataFlow } from '@/lib/domain/data-flows/summary';
import { diffJson, type DiffLine } from '@/lib/domain/json-diff';
import { ZToolDataFlowInput, type TToolDataFlowInput } from '@/lib/validation/data-flow';
import { loadDataFlowFacts } from './load-data-flow-facts';
import { auditSnapshot, contentOf, reasonsOf } from './map-content';
import { publisherReviewStatus } from './publisher-review-status';

const person = { select: { name: true, email: true } } as const;

/**
 * A tool's data flow page: the current map (or, before anyone saved one, the draft ToolLedger
 * would derive now, not stored), its diagram laid out, the minimization finding, whether it
 * makes the tool a subprocessor, and every earlier version with what changed. Null when the
 * tool does not exist.
 */
export async function getToolDataFlow({ actor, input }: OperationCall<TToolDataFlowInput>, ctx?: OperationContextInput) {
  const { db, now } = await operationContext(ctx);
  assertActorCan(actor, 'dataFlow:read');
  const { toolId } = parseInput(ZToolDataFlowInput, input);
  // An auditor sees the agents of their open audits' environments only (ADR 0010).
  const windows = await auditorWindows(db, actor, now);
  const agentEnvironments = windows ? { environment: { in: windows.flatMap((w) => w.environments) } } : {};
  const tool = await db.tool.findUnique({
    where: { id: toolId },
    select: {
      id: true,
      name: true,
      latestVersionId: true,
      publisher: { select: { id: true, name: true } },
      versions: { select: { id: true, version: true }, orderBy: { createdAt: 'desc' }, take: 50 },
      // The agents whose diagrams include this tool (installed in any state but revoked).
      installations: {
        where: { state: { not: 'REVOKED' }, ...agentEnvironments },
        select: { agent: { select: { id: true, name: true } } },
        orderBy: { agent: { name: 'asc' } },
        take: 50,
      },
    },
  });
  if (!tool) return null;
  await assertToolInsideAudits(db, actor, now, tool.id);
  const [loaded, rows, review] = await Promise.all([
    db.$transaction((tx) => loadDataFlowFacts(tx, toolId)),
    db.dataFlowMap.findMany({
      where: { toolId },
      include: {
        author: person,
        confirmedBy: person,
        toolVersion: { select: { version: true } },
        reviewVersion: { select: { version: true } },
      },
      orderBy: { revision: 'desc' },
    }),
    db.$transaction((tx) => publisherReviewStatus(tx, [tool.publisher.id], now)),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const history = rows.map((r) => {
    const previous = r.previousId ? byId.get(r.previousId) : undefined;
    const changes: DiffLine[] = previous ? diffJson(auditSnapshot(previous), auditSnapshot(r)) : [];
    return { ...r, changes: changes.filter((c) => c.path !== 'revision') };
  });
  const current = rows[0] ?? null;
  const derived = deriveDataFlow(loaded.facts);
  const { reasons: draftReasons, ...draft } = derived;
  const content = current ? contentOf(current) : draft;
  return {
    tool,
    agents: [...new Map(tool.installations.map((i) => [i.agent.id, i.agent])).values()],
    current: current ? { ...current, content, reasons: reasonsOf(current) } : null,
    /** What the derivation proposes from today's facts (the form's start before any map exists). */
    draft: { content: draft, reasons: draftReasons, version: loaded.version },
    layout: layoutFlow(toolFlowGraph(tool, content)),
    minimization: minimization(content.inputs),
    summary: summarizeDataFlow(content),
    vendorReview: review.get(tool.publisher.id)!,
    history,
  };
}

export type ToolDataFlow = NonNullable<Awaited<ReturnType<typeof getToolDataFlow>>>;
