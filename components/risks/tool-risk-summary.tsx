import Link from 'next/link';
import { formatDate } from '@/components/ui/format';
import { TREATMENT_LABELS } from '@/lib/domain/risk/score';
import type { ToolRisk } from '@/lib/server/risks/get-tool-risk';
import { OverdueReviewBadge, RiskScoreBadge } from './risk-badges';

/** The tool page's risk card: the current assessment in one line, or the suggestion waiting for one. */
export function ToolRiskSummary({ risk, canAssess }: { risk: ToolRisk; canAssess: boolean }) {
  const { current, suggestion, tool } = risk;
  const link = (
    <Link href={`/risks/${tool.id}`} className="text-indigo-700 hover:underline">
      {canAssess ? (current ? 'Reassess' : 'Assess from the suggestion') : 'Open the risk page'}
    </Link>
  );
  if (!current)
    return (
      <p className="text-sm text-slate-700" data-testid="tool-risk">
        Not assessed yet. Suggested: likelihood {suggestion.likelihood.value} × impact {suggestion.impact.value} ={' '}
        <RiskScoreBadge score={suggestion.likelihood.value * suggestion.impact.value} />. {link}
      </p>
    );
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700" data-testid="tool-risk">
      inherent <RiskScoreBadge score={current.inherentScore} /> → residual <RiskScoreBadge score={current.residualScore} />
      <span>· {TREATMENT_LABELS[current.treatment]}</span>
      <span>· owner {current.owner}</span>
      <span>· next review {formatDate(current.nextReviewAt)}</span>
      {current.overdue && <OverdueReviewBadge />}
      <span>· {link}</span>
    </p>
  );
}
