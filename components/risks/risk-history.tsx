import { formatDate, formatDateTime } from '@/components/ui/format';
import { TREATMENT_LABELS } from '@/lib/domain/risk/score';
import type { ToolRisk } from '@/lib/server/risks/get-tool-risk';
import { ChangesTable, OverrideNotes } from '@/components/history/changes-table';
import { RiskScoreBadge } from './risk-badges';

interface Override {
  field: string;
  suggested: number;
  chosen: number;
  reason: string;
}

/** Every assessment, newest first, with the suggestion overrides and what changed since the one before. */
export function RiskHistory({ history }: { history: ToolRisk['history'] }) {
  return (
    <ol className="space-y-3" aria-label="Assessment history">
      {history.map((a, n) => (
        <li key={a.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="risk-history-entry">
          <p className="flex flex-wrap items-center gap-2">
            <strong>{formatDateTime(a.assessedAt)}</strong> by {a.assessor.name}
            {n === 0 && <span className="text-xs text-slate-500">(current)</span>}
            <span>
              inherent <RiskScoreBadge score={a.inherentScore} /> ({a.likelihood}×{a.impact}) → residual{' '}
              <RiskScoreBadge score={a.residualScore} /> ({a.residualLikelihood}×{a.residualImpact})
            </span>
            <span>· {TREATMENT_LABELS[a.treatment]}</span>
            <span>· owner {a.owner}</span>
            <span>· next review {formatDate(a.nextReviewAt)}</span>
            {a.toolVersion && <span>· version {a.toolVersion.version}</span>}
          </p>
          {a.controls && <p className="mt-1 text-slate-700">Controls: {a.controls}</p>}
          <OverrideNotes overrides={a.overrides as unknown as Override[]} />
          <ChangesTable changes={a.changes} label="Changes from the previous assessment" />
        </li>
      ))}
    </ol>
  );
}
