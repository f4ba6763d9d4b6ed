import 'server-only';
import { controlForCriterion, populationsForCriterion } from '@/lib/domain/audits/criteria';
import { POPULATION_INFO } from '@/lib/domain/audits/populations';
import { evaluateControl, TSC_SOURCE } from '@/lib/domain/controls';
import { gatherControlFacts } from '@/lib/server/controls/gather-control-facts';
import { notFound } from '@/lib/server/errors';
import { operationContext, parseInput, type OperationCall, type OperationContextInput } from '@/lib/server/operation';
import { ZCriterionWorkspaceInput, type TCriterionWorkspaceInput } from '@/lib/validation/engagement';
import { loadEngagementFor } from './engagement-access';
import { POPULATION_SOURCES } from './populations';
import { populationScope } from './populations/scope';

/**
 * One criterion of an audit (issue 14.2): what the control is, how ToolLedger evidences it (the
 * controls map), its live state, and the records behind it in the audit's period and scope: the
 * evidence counts of the period and the populations that map to it, with their sizes. Read
 * through the audit's gate, so an auditor sees only an audit open to them, and only criteria in
 * its scope.
 */
export async function getCriterionWorkspace(
  { actor, input }: OperationCall<TCriterionWorkspaceInput>,
  ctx?: OperationContextInput,
) {
  const { db, now } = await operationContext(ctx);
  const { engagementId, criterionId } = parseInput(ZCriterionWorkspaceInput, input);
  const engagement = await loadEngagementFor(db, actor, engagementId, now);
  if (!engagement.criteria.includes(criterionId)) throw notFound('Criterion in this audit');
  const control = controlForCriterion(criterionId);
  // Evidence counts over the period (up to now while it runs); the findings are the state now.
  const to = new Date(Math.min(engagement.periodEnd.getTime(), now.getTime()));
  const evaluation = control
    ? evaluateControl(control, await gatherControlFacts(db, { from: engagement.periodStart, to }))
    : null;
  const scope = populationScope(engagement);
  const populations = await Promise.all(
    populationsForCriterion(criterionId).map(async (population) => ({
      population,
      ...POPULATION_INFO[population],
      total: (await POPULATION_SOURCES[population].find(db, scope, { take: 0 })).total,
    })),
  );
  return {
    engagement,
    criterionId,
    source: TSC_SOURCE,
    control: control && { summary: control.summary, category: control.category, evidencedBy: control.evidencedBy },
    live: evaluation && {
      state: evaluation.state,
      findings: evaluation.findings,
      evidence: evaluation.evidence.map((k) => ({
        kind: k.kind,
        label: k.label,
        files: k.files,
        kept: k.kept,
        count: k.records?.count ?? null,
        latestAt: k.records?.latestAt ?? null,
      })),
    },
    populations,
    asOf: now,
  };
}
